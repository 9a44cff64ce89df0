/**
 * The setup's defences for NGINX: passive checks (`max_fails`, `fail_timeout`) as the nearest
 * thing to outlier ejection, and a site whose location proxies to the upstream with the timeouts
 * and retries (`proxy_connect_timeout`, `proxy_read_timeout`, `proxy_next_upstream[_tries]`).
 * Active checks and slow start are NGINX Plus only, so they are written commented out.
 */
import {
  FAILURE_STATUSES,
  retrying,
  unitTime,
  wholeSeconds,
  type ExportResilience,
} from './defences.ts';
import { nginxNotes } from './nginxDefenceNotes.ts';

export interface NginxDefences {
  /** Parameters added to every server line, e.g. `max_fails=5`, `fail_timeout=30s`. */
  readonly serverParams: readonly string[];
  /** Lines inside the upstream block before the servers (unindented). */
  readonly upstreamLines: readonly string[];
  /** A `server` block proxying to the upstream (unindented), or nothing. */
  readonly site: readonly string[];
  readonly notes: readonly string[];
}

/** NGINX cannot ramp a server in with these methods (`slow_start` is refused with them). */
const NO_SLOW_START = /^(hash|random)\b/;

/** What counts as a failed attempt, and so is retried and counted by max_fails. */
export function failureConditions(r: ExportResilience): string {
  const statuses = retrying(r) || r.outlier?.enabled;
  return ['error', 'timeout', ...(statuses ? FAILURE_STATUSES.map((s) => `http_${s}`) : [])].join(
    ' ',
  );
}

function serverParams(r: ExportResilience): string[] {
  if (r.outlier?.enabled) {
    const o = r.outlier;
    return [
      `max_fails=${o.consecutiveFailures}`,
      `fail_timeout=${wholeSeconds(o.baseEjectionMs).text}`,
    ];
  }
  // The simulated balancer never learns from failures: NGINX's default passive check goes too.
  return r.healthCheck?.mode === 'none' ? ['max_fails=0'] : [];
}

function location(r: ExportResilience, section: string): string[] {
  const lines = [`proxy_pass http://${section};`];
  if (r.connectTimeoutMs !== undefined) {
    lines.push(`proxy_connect_timeout ${unitTime(r.connectTimeoutMs)};`);
  }
  if (r.timeoutMs === null) lines.push('# no proxy_read_timeout: NGINX’s default is 60s');
  else if (r.timeoutMs !== undefined) lines.push(`proxy_read_timeout ${unitTime(r.timeoutMs)};`);
  if (r.retry !== undefined || r.outlier?.enabled) {
    lines.push(`proxy_next_upstream ${failureConditions(r)};`);
  }
  if (r.retry !== undefined) {
    lines.push(`proxy_next_upstream_tries ${retrying(r) ? 1 + r.retry.maxRetries : 1};`);
  }
  const hc = r.healthCheck;
  if (hc?.mode === 'active') {
    lines.push(
      '# NGINX Plus only (active checks):',
      `# health_check interval=${unitTime(hc.intervalMs)} fails=${hc.fall} passes=${hc.rise};`,
    );
  }
  return lines;
}

/**
 * The defences for an NGINX upstream named `section` whose balancing directive is `directive`
 * (null for the default round robin); nothing when the setup has none.
 */
export function nginxDefences(
  r: ExportResilience | undefined,
  section: string,
  directive: string | null,
  servers: number,
): NginxDefences {
  if (r === undefined || Object.keys(r).length === 0) {
    return { serverParams: [], upstreamLines: [], site: [], notes: [] };
  }
  const slowStart = r.slowStartMs ?? 0;
  const ramps = slowStart > 0 && !NO_SLOW_START.test(directive ?? '');
  const upstreamLines = ramps
    ? [`# NGINX Plus only: add slow_start=${wholeSeconds(slowStart).text} to each server`]
    : [];
  const site = [
    '# A site proxying to the upstream (the port is a placeholder):',
    'server {',
    '    listen 80;',
    '    location / {',
    ...location(r, section).map((l) => `        ${l}`),
    '    }',
    '}',
  ];
  const notes = nginxNotes(r, { directive, servers, ramps });
  return { serverParams: serverParams(r), upstreamLines, site, notes };
}
