/** The notes of the NGINX defences: where NGINX's checks, timeouts and retries differ. */
import {
  balancersNote,
  instantNote,
  noBudgetNote,
  noChecksNote,
  retrying,
  spokenMs,
  unitTime,
  wholeSeconds,
  type ExportResilience,
} from './defences.ts';

/** What the notes need to know about the upstream. */
export interface NginxContext {
  /** The balancing directive, null for the default round robin. */
  readonly directive: string | null;
  readonly servers: number;
  /** slow_start can be used with this directive (and is asked for). */
  readonly ramps: boolean;
}

const DEFAULT_PASSIVE =
  'its default passive check (max_fails=1 fail_timeout=10s) takes a server out for 10 s after ' +
  'one failed connection or timeout';

function healthNotes(r: ExportResilience): string[] {
  const hc = r.healthCheck;
  const outlier = r.outlier?.enabled === true;
  if (hc === undefined) return [];
  if (hc.mode === 'instant') {
    const learns = outlier
      ? ' through its passive check (max_fails, below)'
      : `: ${DEFAULT_PASSIVE}`;
    return [
      instantNote(
        `Open-source NGINX only learns from failed requests${learns}. Active checks are NGINX ` +
          'Plus only.',
      ),
    ];
  }
  if (hc.mode === 'none') {
    return [
      noChecksNote(
        outlier
          ? 'NGINX takes a server out only through its passive check (max_fails, below).'
          : '`max_fails=0` also turns off NGINX’s passive check, on by default, so NGINX never ' +
              'takes a server out either.',
      ),
    ];
  }
  const notes = [
    'Active health checks are NGINX Plus only: `health_check ' +
      `interval=${unitTime(hc.intervalMs)} fails=${hc.fall} passes=${hc.rise}\` (commented out ` +
      'in the location) runs the simulation’s checks. It requests / and wants a 2xx or 3xx ' +
      'answer, where the simulated check only asks whether the server is up and reachable, and ' +
      'it has no timeout of its own: the location’s proxy timeouts bound each check, so the ' +
      `setup’s check timeout (${spokenMs(hc.timeoutMs)}) has no place.`,
  ];
  if (!outlier) {
    notes.push(
      `Open-source NGINX has only passive checks, and ${DEFAULT_PASSIVE}; the simulated ` +
        'balancer has no such check (`max_fails=0` turns it off).',
    );
  }
  return notes;
}

function outlierNotes(r: ExportResilience, servers: number): string[] {
  const o = r.outlier;
  if (!o?.enabled) return [];
  const window = wholeSeconds(o.baseEjectionMs);
  const rounded = window.exact
    ? ''
    : ` fail_timeout takes whole seconds: ${spokenMs(o.baseEjectionMs)} is written as ${window.text}.`;
  const counted = retrying(r)
    ? 'so the 5xx answer of a request’s last attempt does not count.'
    : 'so with no retries (`proxy_next_upstream_tries 1`) only failed connections and timeouts ' +
      'count: a server that quickly answers 500 is never taken out.';
  const notes = [
    'NGINX has no Envoy-style outlier ejection; its passive check is the nearest. ' +
      `\`max_fails=${o.consecutiveFailures} fail_timeout=${window.text}\` takes a server out for ` +
      `${window.text} after ${o.consecutiveFailures} failures within ${window.text}, not in a ` +
      'row. The time out is fixed: it does not grow with each ejection as the setup’s does ' +
      `(${spokenMs(o.baseEjectionMs)}, up to ${spokenMs(o.maxEjectionMs)}), and nothing caps ` +
      `how many servers are out at once (the setup: at most ${o.maxEjectionPercent}%, always ` +
      `one).${rounded}`,
    'What counts as a failure is what `proxy_next_upstream` lists, and NGINX counts a 5xx ' +
      `answer only when it may still pass the request on to another server, ${counted}`,
  ];
  if (servers === 1) {
    notes.push('With a single server NGINX ignores max_fails: it is never marked unavailable.');
  }
  return notes;
}

function timeoutNotes(r: ExportResilience): string[] {
  const notes: string[] = [];
  if (r.connectTimeoutMs !== undefined) {
    const cap = r.connectTimeoutMs > 75_000 ? ' (NGINX usually cannot wait more than 75 s)' : '';
    notes.push(
      `\`proxy_connect_timeout ${unitTime(r.connectTimeoutMs)}\` is how long a connection to an ` +
        `unreachable (partitioned) server may hang before it fails${cap}.`,
    );
  }
  if (r.timeoutMs === null) {
    notes.push(
      'The setup’s client has no timeout, but NGINX always has one: proxy_read_timeout is 60 s ' +
        'unless set.',
    );
  } else if (r.timeoutMs !== undefined) {
    notes.push(
      `\`proxy_read_timeout\` is the setup’s client timeout (${spokenMs(r.timeoutMs)} per ` +
        'attempt), but NGINX times the gap between two reads from the server, not the whole ' +
        'attempt: a server that answers slowly but steadily is not cut off, and connecting is ' +
        'timed apart.',
    );
  }
  return notes;
}

function retryNotes(r: ExportResilience): string[] {
  if (r.retry === undefined) return [];
  if (!retrying(r)) {
    return [
      '`proxy_next_upstream_tries 1`: no retries, as in the setup. By default NGINX passes a ' +
        'request that met a failed connection or a timeout on to every other server in turn.',
    ];
  }
  return [
    '`proxy_next_upstream` passes a failed attempt (a failed connection, a timeout, a 5xx ' +
      `answer) on to the next server, up to \`proxy_next_upstream_tries ${1 + r.retry.maxRetries}\` ` +
      `attempts in all (1 + ${r.retry.maxRetries} retries). NGINX tries each server at most once ` +
      'per request and retries at once, with no backoff (the setup’s starts at ' +
      `${spokenMs(r.retry.backoffMs)}); POST and other non-idempotent requests are not retried ` +
      'unless `non_idempotent` is added.',
    noBudgetNote(r, 'NGINX'),
  ];
}

function otherNotes(r: ExportResilience, ctx: NginxContext): string[] {
  const notes: string[] = [];
  const slowStart = r.slowStartMs ?? 0;
  if (slowStart > 0 && ctx.ramps) {
    notes.push(
      'Slow start is NGINX Plus only: `slow_start` on each server (see the comment in the ' +
        `upstream) ramps a returning server’s weight from zero over ${wholeSeconds(slowStart).text}, ` +
        'where the simulation ramps its connection limit from 1.',
    );
  } else if (slowStart > 0) {
    notes.push(
      `NGINX Plus’s \`slow_start\` cannot be used with \`${ctx.directive}\`, so the setup’s slow ` +
        `start (${spokenMs(slowStart)}) has no NGINX equivalent here.`,
    );
  }
  if ((r.panicThresholdPercent ?? 0) > 0) {
    notes.push(
      `NGINX has no panic threshold (the setup’s ${r.panicThresholdPercent}%): once every server ` +
        'is marked unavailable, requests fail (502) until a fail_timeout runs out.',
    );
  }
  if (r.breaker?.enabled) {
    notes.push(
      'NGINX has no circuit breaker (closed, open, half-open per server). max_fails and ' +
        'fail_timeout come nearest: a server is out for fail_timeout, then gets requests again ' +
        'and one failure takes it out again, but failures are counted within a window, not in a ' +
        'row, and the trial requests are not limited.',
    );
  }
  const balancers = balancersNote(r, 'NGINX');
  if (balancers) notes.push(balancers);
  return notes;
}

/** Every note on the NGINX defences, in the order of the settings. */
export function nginxNotes(r: ExportResilience, ctx: NginxContext): string[] {
  return [
    ...healthNotes(r),
    ...outlierNotes(r, ctx.servers),
    ...timeoutNotes(r),
    ...retryNotes(r),
    ...otherNotes(r, ctx),
  ];
}
