/** Sweeps (latency against load and more): the panel loads on demand (see ui/deferred.tsx). */
import { deferred } from '../../ui/deferred.tsx';

export const SweepPanel = deferred(
  async () => (await import('./SweepPanel.tsx')).SweepPanel,
  'Sweep: latency against load',
);
