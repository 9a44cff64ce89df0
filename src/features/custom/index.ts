/**
 * Strategies in the user's own code: the exercises panel and the strategy editor load on demand
 * (see ui/deferred.tsx), CodeMirror with them only once an exercise or the editor is opened; the
 * sandbox they run in is in the worker, loaded the first time it is needed.
 */
import { deferred } from '../../ui/deferred.tsx';

export const ExercisesPanel = deferred(
  async () => (await import('./ExercisesPanel.tsx')).ExercisesPanel,
  'Strategy exercises',
);

export const CustomStrategyPanel = deferred(
  async () => (await import('./CustomStrategyPanel.tsx')).CustomStrategyPanel,
  null,
);
