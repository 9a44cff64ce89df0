/**
 * Autoscaling: the panel of the autoscaler's settings and state, and the chart of servers over
 * time. Both load on demand (see ui/deferred.tsx): a setup without autoscaling never needs them.
 */
import { deferred } from '../../ui/deferred.tsx';

export const AutoscalingPanel = deferred(
  async () => (await import('./AutoscalingPanel.tsx')).AutoscalingPanel,
  'Autoscaling',
);
export const ServersOverTimePanel = deferred(
  async () => (await import('./ServersOverTimePanel.tsx')).ServersOverTimePanel,
  null,
);
