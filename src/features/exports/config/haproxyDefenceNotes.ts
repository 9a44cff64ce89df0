/** The notes of the HAProxy defences: where HAProxy's checks, timeouts and retries differ. */
import {
  activeChecks,
  balancersNote,
  instantNote,
  noBudgetNote,
  noChecksNote,
  retrying,
  spokenMs,
  unitTime,
  type ExportResilience,
} from './defences.ts';

function healthNotes(r: ExportResilience): string[] {
  const hc = r.healthCheck;
  if (hc === undefined) return [];
  if (hc.mode === 'instant') {
    return [
      instantNote(
        'HAProxy learns only from its checks, and the setup has none: HAProxy keeps sending ' +
          'requests to a server that is down until connecting to it fails. Set the health mode ' +
          'to active checks to export `check inter … rise … fall …`.',
      ),
    ];
  }
  if (hc.mode === 'none')
    return [noChecksNote('without `check`, HAProxy never marks a server down.')];
  const checkConnect =
    r.connectTimeoutMs === undefined
      ? 'the shorter of `timeout connect` and `inter`'
      : `the shorter of \`timeout connect\` and \`inter\` (${spokenMs(Math.min(r.connectTimeoutMs, hc.intervalMs))})`;
  return [
    `\`check inter ${unitTime(hc.intervalMs)} rise ${hc.rise} fall ${hc.fall}\` runs the ` +
      `simulation’s active checks: a server is taken out after ${hc.fall} failed checks in a row ` +
      `and comes back after ${hc.rise} passes. The simulated check only asks whether the server ` +
      'is up and reachable, which plain `check` does (a TCP connect); `option httpchk` also asks ' +
      'the application (OPTIONS /, any 2xx or 3xx passes), so a server whose application is ' +
      'broken fails HAProxy’s check but not the simulation’s. Remove that line for the ' +
      'simulation’s check exactly.',
    `\`timeout check ${unitTime(hc.timeoutMs)}\` bounds the wait for a check’s answer once ` +
      `connected. A check of an unreachable server fails after ${checkConnect}, where the ` +
      `simulation waits its check timeout (${spokenMs(hc.timeoutMs)}).`,
  ];
}

function outlierNotes(r: ExportResilience): string[] {
  const o = r.outlier;
  if (!o?.enabled) return [];
  const notes = [
    'HAProxy has no Envoy-style outlier ejection. Its passive health check is the nearest: ' +
      `\`observe layer7 error-limit ${o.consecutiveFailures} on-error mark-down\` marks a server ` +
      `down after ${o.consecutiveFailures} errors in a row (5xx answers, failed connections, ` +
      'timeouts). The server comes back when `rise` health checks pass, not after an ejection ' +
      `time that grows with each ejection (the setup’s ${spokenMs(o.baseEjectionMs)}, up to ` +
      `${spokenMs(o.maxEjectionMs)}), and nothing stops every server being marked down (the ` +
      `setup ejects at most ${o.maxEjectionPercent}%, always at least one).`,
  ];
  if (!activeChecks(r)) {
    notes.push(
      '`observe` only works with health checks, so `check` is on with HAProxy’s defaults ' +
        '(inter 2s, rise 2, fall 3) although the setup has no active checks: they are what ' +
        'bring a marked-down server back.',
    );
  }
  return notes;
}

function timeoutNotes(r: ExportResilience): string[] {
  const notes: string[] = [];
  if (r.connectTimeoutMs !== undefined) {
    notes.push(
      `\`timeout connect ${unitTime(r.connectTimeoutMs)}\` is how long a connection to an ` +
        'unreachable (partitioned) server may hang before it fails.',
    );
  }
  if (r.timeoutMs === null) {
    notes.push(
      'The setup’s client has no timeout, so no `timeout server` is written: HAProxy then waits ' +
        'forever too, and warns at startup that a timeout is missing.',
    );
  } else if (r.timeoutMs !== undefined) {
    notes.push(
      `\`timeout server\` is the setup’s client timeout (${spokenMs(r.timeoutMs)} per attempt), ` +
        'but HAProxy’s is an inactivity timeout that runs while it waits for the server’s answer; ' +
        'connecting (`timeout connect`) and waiting in HAProxy’s queue (`timeout queue`) are ' +
        'timed apart. The simulation’s timeout covers the whole attempt.',
    );
  }
  return notes;
}

function retryNotes(r: ExportResilience): string[] {
  if (r.retry === undefined) return [];
  if (!retrying(r)) {
    return [
      '`retries 0`: the setup does not retry. HAProxy’s default is 3 retries of a failed ' +
        'connection, on the same server.',
    ];
  }
  return [
    `\`retries ${r.retry.maxRetries}\` with \`retry-on\` (HAProxy 2.0 or later) retries failed ` +
      'connections, 5xx answers and server timeouts, and `option redispatch 1` sends every retry ' +
      'to another server where it can, as the simulation does. HAProxy has no backoff setting ' +
      `(the setup backs off exponentially from ${spokenMs(r.retry.backoffMs)}, with jitter).`,
    noBudgetNote(r, 'HAProxy'),
  ];
}

function otherNotes(r: ExportResilience): string[] {
  const notes: string[] = [];
  if ((r.panicThresholdPercent ?? 0) > 0) {
    notes.push(
      `HAProxy has no panic threshold (the setup’s ${r.panicThresholdPercent}%): it never sends ` +
        'requests to servers it believes down, and with all of them down it answers 503. A ' +
        '`backup` server is the usual fallback.',
    );
  }
  if ((r.slowStartMs ?? 0) > 0) {
    notes.push(
      `\`slowstart ${unitTime(r.slowStartMs!)}\` ramps a returning server in over ` +
        `${spokenMs(r.slowStartMs!)}: HAProxy raises its maxconn from 1 to full as the simulation ` +
        'raises its connection limit, and with dynamic algorithms its weight too. It applies ' +
        'only when a server comes back from being down or in maintenance, never at startup.',
    );
  }
  if (r.breaker?.enabled) {
    notes.push(
      'HAProxy has no circuit breaker (closed, open, half-open per server). The nearest is the ' +
        `passive check \`observe layer7 error-limit ${r.breaker.failureThreshold} on-error ` +
        'mark-down`: a server that fails that many requests in a row is marked down and comes ' +
        'back when its health checks pass, with no trial requests.',
    );
  }
  const balancers = balancersNote(r, 'HAProxy');
  if (balancers) notes.push(balancers);
  return notes;
}

/** Every note on the HAProxy defences, in the order of the settings. */
export function haproxyNotes(r: ExportResilience): string[] {
  return [
    ...healthNotes(r),
    ...outlierNotes(r),
    ...timeoutNotes(r),
    ...retryNotes(r),
    ...otherNotes(r),
  ];
}
