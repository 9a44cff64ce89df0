/** Cost & SLO: what a setup costs and whether it meets a latency objective; loads on demand. */
import { deferred } from '../../ui/deferred.tsx';

export const CostSloPanel = deferred(
  async () => (await import('./CostSloPanel.tsx')).CostSloPanel,
  'Cost & SLO',
);
