/**
 * Strategies in the user's own code: the exercises panel (and, with it, the code editor) loads on
 * demand, see ui/deferred.tsx; the sandbox it grades in runs in the worker.
 */
import { deferred } from '../../ui/deferred.tsx';

export const ExercisesPanel = deferred(
  async () => (await import('./ExercisesPanel.tsx')).ExercisesPanel,
  'Strategy exercises',
);
