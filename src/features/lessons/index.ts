/** Guided lessons: the panel loads on demand (see ui/deferred.tsx). */
import { deferred } from '../../ui/deferred.tsx';

export const LessonPanel = deferred(
  async () => (await import('./LessonPanel.tsx')).LessonPanel,
  'Lessons',
);
