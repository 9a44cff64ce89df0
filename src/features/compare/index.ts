/** Compare strategies side by side: the panel loads on demand (see ui/deferred.tsx). */
import { deferred } from '../../ui/deferred.tsx';

export const ComparePanel = deferred(
  async () => (await import('./ComparePanel.tsx')).ComparePanel,
  'Compare strategies',
  380,
);
