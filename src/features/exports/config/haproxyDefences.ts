/**
 * The setup's defences as HAProxy backend directives: `check inter … rise … fall …`,
 * `option httpchk`, `timeout check|connect|server`, `retries` with `retry-on` and
 * `option redispatch`, `slowstart`, and passive health (`observe layer7 … on-error mark-down`) as
 * the nearest thing to outlier ejection; notes for what HAProxy has no equivalent of.
 */
import { FAILURE_STATUSES, retrying, unitTime, type ExportResilience } from './defences.ts';
import { haproxyNotes } from './haproxyDefenceNotes.ts';

export interface HaproxyDefences {
  /** Lines that open the backend, before `balance` (unindented). */
  readonly head: readonly string[];
  /** Lines for the backend, after `balance` and before the servers (unindented). */
  readonly lines: readonly string[];
  readonly notes: readonly string[];
}

const RETRY_ON = `retry-on conn-failure empty-response response-timeout ${FAILURE_STATUSES.join(' ')}`;

/** The defences as HAProxy backend lines, with notes; nothing when the setup has none. */
export function haproxyDefences(r: ExportResilience | undefined): HaproxyDefences {
  if (r === undefined || Object.keys(r).length === 0) return { head: [], lines: [], notes: [] };
  const lines: string[] = [];
  if (r.connectTimeoutMs !== undefined)
    lines.push(`timeout connect ${unitTime(r.connectTimeoutMs)}`);
  if (r.timeoutMs === null) lines.push('# no timeout server: the setup’s client waits forever');
  else if (r.timeoutMs !== undefined) lines.push(`timeout server ${unitTime(r.timeoutMs)}`);
  const server: string[] = [];
  const hc = r.healthCheck;
  if (hc?.mode === 'active') {
    lines.push(
      '# The simulated check only asks “is the server up and reachable?”, as plain check does;',
      '# httpchk also asks the application, as real setups usually do.',
      'option httpchk',
      `timeout check ${unitTime(hc.timeoutMs)}`,
    );
    server.push(`check inter ${unitTime(hc.intervalMs)} rise ${hc.rise} fall ${hc.fall}`);
  } else if (r.outlier?.enabled) {
    server.push('check'); // `observe` needs health checks
  }
  if (r.retry !== undefined) {
    if (retrying(r)) lines.push(`retries ${r.retry.maxRetries}`, RETRY_ON, 'option redispatch 1');
    else lines.push('retries 0');
  }
  const o = r.outlier;
  if (o?.enabled)
    server.push(`observe layer7 error-limit ${o.consecutiveFailures} on-error mark-down`);
  if ((r.slowStartMs ?? 0) > 0) server.push(`slowstart ${unitTime(r.slowStartMs!)}`);
  if (server.length > 0) lines.push(`default-server ${server.join(' ')}`);
  const notes = haproxyNotes(r);
  // Checks over HTTP, observe layer7 and retry-on all need HTTP mode (and so does `balance uri`).
  return { head: ['mode http'], lines, notes };
}
