/**
 * The current setup as configuration for real balancers (NGINX, HAProxy, Envoy) and its autoscaler
 * as a Kubernetes HorizontalPodAutoscaler, each with notes on where the product cannot do what the
 * simulation does. Pure functions of the setup.
 */
import { envoyConfig } from './envoy.ts';
import { haproxyConfig } from './haproxy.ts';
import { kubernetesHpa } from './kubernetesHpa.ts';
import { nginxConfig } from './nginx.ts';
import type { ConfigFormat, ConfigSnippet, ExportSetup } from './types.ts';

export type { ConfigFormat, ConfigSnippet, ExportServer, ExportSetup } from './types.ts';
export { envoyConfig, haproxyConfig, kubernetesHpa, nginxConfig };

/** The formats in the order the UI offers them, with their tab labels. */
export const CONFIG_FORMATS: ReadonlyArray<{
  readonly format: ConfigFormat;
  readonly label: string;
}> = [
  { format: 'nginx', label: 'NGINX' },
  { format: 'haproxy', label: 'HAProxy' },
  { format: 'envoy', label: 'Envoy' },
  { format: 'kubernetes', label: 'Kubernetes HPA' },
];

const EXPORTERS: Record<ConfigFormat, (setup: ExportSetup) => ConfigSnippet> = {
  nginx: nginxConfig,
  haproxy: haproxyConfig,
  envoy: envoyConfig,
  kubernetes: kubernetesHpa,
};

/** The setup as a config snippet for `format`. */
export function exportConfig(setup: ExportSetup, format: ConfigFormat): ConfigSnippet {
  return EXPORTERS[format](setup);
}
