/** Hashing and cache locality: the panel loads on demand (see ui/deferred.tsx). */
import { deferred } from '../../ui/deferred.tsx';

export const HashingPanel = deferred(
  async () => (await import('./HashingPanel.tsx')).HashingPanel,
  'Hashing & cache locality',
  560,
);
