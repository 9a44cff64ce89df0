/**
 * The setup's defences as Envoy config: the cluster's `connect_timeout`, `health_checks`,
 * `outlier_detection`, the retry budget in its circuit breakers and `slow_start_config` in the LB
 * policy; and the route's `timeout` and `retry_policy`, shown as a comment since routes are a
 * separate part of Envoy's config.
 */
import { activeChecks, envoyDuration, retrying, type ExportResilience } from './defences.ts';
import { envoyNotes } from './envoyDefenceNotes.ts';

export interface EnvoyDefences {
  /** Cluster fields written right after `type`. */
  readonly top: readonly string[];
  /** The LB policy lines, with slow start where Envoy's policy supports it. */
  readonly policy: readonly string[];
  /** Cluster fields after the circuit breakers. */
  readonly cluster: readonly string[];
  /** Fields of the DEFAULT circuit-breaker thresholds (indented to sit under `- priority`). */
  readonly thresholds: readonly string[];
  /** The route, as comment lines. */
  readonly route: readonly string[];
  /** Servers that are down get `health_status: UNHEALTHY` (not when active checks would). */
  readonly markDown: boolean;
  readonly notes: readonly string[];
}

/** Envoy's longest retry count in flight: uint32. */
const NO_LIMIT = 4_294_967_295;

/** `policy` with slow start added, or null when Envoy's policy has none. */
function withSlowStart(policy: readonly string[], window: string): string[] | null {
  const slow = (indent: number) => [
    `${' '.repeat(indent)}slow_start_config:`,
    `${' '.repeat(indent + 2)}slow_start_window: ${window}`,
  ];
  if (policy.includes('lb_policy: ROUND_ROBIN')) {
    return [...policy, 'round_robin_lb_config:', ...slow(2)];
  }
  const choices = policy.findIndex((l) => l.startsWith('  choice_count:'));
  if (policy.includes('least_request_lb_config:') && choices >= 0) {
    return [...policy.slice(0, choices + 1), ...slow(2), ...policy.slice(choices + 1)];
  }
  const scan = policy.findIndex((l) => l.trim() === 'selection_method: FULL_SCAN');
  if (scan >= 0) return [...policy.slice(0, scan + 1), ...slow(10), ...policy.slice(scan + 1)];
  return null;
}

function clusterFields(r: ExportResilience): string[] {
  const lines: string[] = [];
  const hc = r.healthCheck;
  if (hc?.mode === 'active') {
    lines.push(
      'health_checks:',
      `  - timeout: ${envoyDuration(hc.timeoutMs)}`,
      `    interval: ${envoyDuration(hc.intervalMs)}`,
      `    unhealthy_threshold: ${hc.fall}`,
      `    healthy_threshold: ${hc.rise}`,
      '    tcp_health_check: {}  # connect only: “is it up and reachable?”',
    );
  }
  const o = r.outlier;
  if (o?.enabled) {
    lines.push(
      'outlier_detection:',
      `  consecutive_5xx: ${o.consecutiveFailures}`,
      '  interval: 10s',
      `  base_ejection_time: ${envoyDuration(o.baseEjectionMs)}`,
      `  max_ejection_time: ${envoyDuration(Math.max(o.maxEjectionMs, o.baseEjectionMs))}`,
      `  max_ejection_percent: ${Math.round(o.maxEjectionPercent)}`,
      '  enforcing_success_rate: 0  # only consecutive failures eject, as in the simulation',
    );
    if (activeChecks(r)) lines.push('  successful_active_health_check_uneject_host: false');
  }
  return lines;
}

function thresholdFields(r: ExportResilience): string[] {
  if (!retrying(r)) return [];
  const retry = r.retry!;
  if (retry.mode === 'naive') return [`max_retries: ${NO_LIMIT}  # no limit: naive retries`];
  return [
    'retry_budget:',
    '  budget_percent:',
    `    value: ${retry.budgetPercent}`,
    `  min_retry_concurrency: ${retry.minRetryConcurrency}`,
  ];
}

function routeLines(r: ExportResilience, section: string): string[] {
  if (r.timeoutMs === undefined && r.retry === undefined) return [];
  const route = ['route:', `  cluster: ${section}`];
  const retries = retrying(r);
  if (retries || r.timeoutMs === null) {
    route.push('  timeout: 0s  # no limit on the whole request (Envoy’s default is 15s)');
  } else if (r.timeoutMs !== undefined) {
    route.push(`  timeout: ${envoyDuration(r.timeoutMs)}`);
  }
  if (retries) {
    const retry = r.retry!;
    route.push(
      '  retry_policy:',
      '    retry_on: 5xx,reset,connect-failure',
      `    num_retries: ${retry.maxRetries}`,
      ...(typeof r.timeoutMs === 'number'
        ? [`    per_try_timeout: ${envoyDuration(r.timeoutMs)}`]
        : []),
      '    retry_host_predicate:',
      '      - name: envoy.retry_host_predicates.previous_hosts',
      '        typed_config:',
      '          "@type": type.googleapis.com/envoy.extensions.retry.host.previous_hosts.v3.PreviousHostsPredicate',
      '    host_selection_retry_max_attempts: 3',
      '    retry_back_off:',
      `      base_interval: ${envoyDuration(Math.max(1, retry.backoffMs))}`,
    );
  }
  return [
    '# The route that sends requests here is part of the listener’s route configuration:',
    '#   routes:',
    '#     - match: { prefix: "/" }',
    ...route.map((l) => `#       ${l}`),
  ];
}

/**
 * The defences for an Envoy cluster named by `clusterName` (already a YAML scalar) whose LB
 * policy lines are `policy` and method `method`; nothing when the setup has none.
 */
export function envoyDefences(
  r: ExportResilience | undefined,
  clusterName: string,
  policy: readonly string[],
  method: string,
): EnvoyDefences {
  if (r === undefined || Object.keys(r).length === 0) {
    return { top: [], policy, cluster: [], thresholds: [], route: [], markDown: true, notes: [] };
  }
  const slowStartMs = r.slowStartMs ?? 0;
  const slow = slowStartMs > 0 ? withSlowStart(policy, envoyDuration(slowStartMs)) : null;
  return {
    top:
      r.connectTimeoutMs === undefined
        ? []
        : [`connect_timeout: ${envoyDuration(r.connectTimeoutMs)}`],
    policy: slow ?? policy,
    cluster: clusterFields(r),
    thresholds: thresholdFields(r),
    route: routeLines(r, clusterName),
    markDown: !activeChecks(r),
    notes: envoyNotes(r, { method, slowStartWritten: slow !== null }),
  };
}
