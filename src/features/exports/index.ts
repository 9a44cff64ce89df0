/** Config export (NGINX, HAProxy, Envoy) and metrics export; both load on demand. */
import { deferred } from '../../ui/deferred.tsx';

export const ConfigExport = deferred(
  async () => (await import('./ConfigExport.tsx')).ConfigExport,
  null,
);
export const MetricsExport = deferred(
  async () => (await import('./MetricsExport.tsx')).MetricsExport,
  null,
);
