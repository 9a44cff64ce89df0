/** The notes of the Envoy defences: where Envoy's checks, ejection, timeouts and retries differ. */
import {
  activeChecks,
  balancersNote,
  envoyDuration,
  instantNote,
  noChecksNote,
  retrying,
  spokenMs,
  type ExportResilience,
} from './defences.ts';

/** What the notes need to know about the cluster. */
export interface EnvoyContext {
  /** The LB policy as the snippet names it, e.g. `RING_HASH`. */
  readonly method: string;
  /** The setup's slow start could be written into the LB policy. */
  readonly slowStartWritten: boolean;
}

function healthNotes(r: ExportResilience): string[] {
  const hc = r.healthCheck;
  if (hc === undefined) return [];
  if (hc.mode === 'instant') {
    return [
      instantNote(
        'Envoy learns from active health checks, from outlier detection, or from a control ' +
          'plane that reports each endpoint’s health (EDS health_status, as Kubernetes readiness ' +
          'does, itself seconds behind). The setup has no checks, so none are written.',
      ),
    ];
  }
  if (hc.mode === 'none') {
    const unless = r.outlier?.enabled ? ' except through outlier detection' : '';
    return [noChecksNote(`Envoy never takes a host out by itself${unless}.`)];
  }
  return [
    '`health_checks` runs the simulation’s active checks: one every ' +
      `${envoyDuration(hc.intervalMs)}, a host out after ${hc.fall} failures in a row ` +
      `(unhealthy_threshold) and back after ${hc.rise} passes (healthy_threshold), a check ` +
      `failing after ${envoyDuration(hc.timeoutMs)}. \`tcp_health_check\` with no payload only ` +
      'connects, which is the simulation’s “is it up and reachable?”; an `http_health_check` ' +
      'would also ask the application. Servers that are down are not marked unhealthy: the ' +
      'checks find them.',
  ];
}

function outlierNotes(r: ExportResilience): string[] {
  const o = r.outlier;
  if (!o?.enabled) return [];
  const notes = [
    '`outlier_detection` is what the simulation copies: consecutive failures eject a host for ' +
      'base_ejection_time times the number of its ejections, up to max_ejection_time, with at ' +
      'most max_ejection_percent of the hosts out but always one. Failed connections and ' +
      'timeouts count along with 5xx answers (Envoy’s default), and `enforcing_success_rate: 0` ' +
      'turns off the statistical ejection Envoy also runs by default. Two differences: an ' +
      'ejected host returns at the first `interval` sweep after its time is up (up to 10 s ' +
      'late), and while a host stays healthy Envoy lowers its ejection count by one every ' +
      'interval, where the simulation never lowers it.',
  ];
  if (!Number.isInteger(o.maxEjectionPercent)) {
    notes.push(
      `max_ejection_percent takes whole numbers: the setup’s ${o.maxEjectionPercent}% is ` +
        `written as ${Math.round(o.maxEjectionPercent)}%.`,
    );
  }
  if (activeChecks(r)) {
    notes.push(
      '`successful_active_health_check_uneject_host: false` (a recent Envoy) stops a passing ' +
        'health check from bringing an ejected host straight back, as it does by default: a ' +
        'server that fails requests but answers checks (a sinkhole) would return at once.',
    );
  }
  return notes;
}

function timeoutNotes(r: ExportResilience): string[] {
  const notes: string[] = [];
  if (r.connectTimeoutMs !== undefined) {
    notes.push(
      `\`connect_timeout\` (${spokenMs(r.connectTimeoutMs)}) is how long a connection to an ` +
        'unreachable (partitioned) host may hang before it fails.',
    );
  }
  if (r.timeoutMs === undefined && r.retry === undefined) return notes;
  let timeout = '';
  if (r.timeoutMs === null) {
    timeout = ' The setup’s client has no timeout: `timeout: 0s` lifts Envoy’s default of 15 s.';
  } else if (r.timeoutMs !== undefined && retrying(r)) {
    timeout =
      ` \`per_try_timeout\` is the setup’s client timeout (${spokenMs(r.timeoutMs)} per attempt), ` +
      'and `timeout: 0s` lifts Envoy’s 15 s limit on the request as a whole, which the ' +
      'simulation does not have.';
  } else if (r.timeoutMs !== undefined) {
    timeout =
      ` The route’s \`timeout\` is the setup’s client timeout (${spokenMs(r.timeoutMs)}): with ` +
      'no retries, one attempt is the whole request.';
  }
  notes.push(
    'Timeouts and retries belong to the route, a separate part of Envoy’s config, so the route ' +
      `is shown as a comment after the cluster.${timeout}`,
  );
  return notes;
}

function retryNotes(r: ExportResilience): string[] {
  if (r.retry === undefined) return [];
  if (!retrying(r))
    return ['No `retry_policy`: the setup does not retry, nor does Envoy by default.'];
  const retry = r.retry;
  const notes = [
    `The route’s \`retry_policy\` retries up to ${retry.maxRetries} times on a 5xx answer, a ` +
      'reset or a failed connection (`5xx` alone covers all three, and a per-try timeout too). ' +
      'The `previous_hosts` predicate makes each retry look for another host (3 tries), as the ' +
      'simulation does, and `retry_back_off` is the same fully jittered exponential backoff, ' +
      `from ${spokenMs(Math.max(1, retry.backoffMs))} up to ten times that.`,
    retry.mode === 'budget'
      ? `\`retry_budget\` in the circuit breakers caps the retries in flight at ${retry.budgetPercent}% ` +
        `of the active requests, but always allows ${retry.minRetryConcurrency}: the simulation’s ` +
        'budget is a copy of it.'
      : 'Naive retries: by default Envoy allows only 3 retries in flight per cluster (the ' +
        '`max_retries` circuit breaker), so it is raised to the largest value: as in the ' +
        'simulation, nothing but the count holds retries back.',
  ];
  if (retry.backoffMs <= 0) {
    notes.push('Envoy’s backoff must be above zero: 1 ms stands for the setup’s 0.');
  }
  return notes;
}

function otherNotes(r: ExportResilience, ctx: EnvoyContext): string[] {
  const notes: string[] = [];
  const slowStart = r.slowStartMs ?? 0;
  if (slowStart > 0 && ctx.slowStartWritten) {
    notes.push(
      '`slow_start_config` ramps a returning host’s weight (its share of requests, from 10% of ' +
        `it by default) over ${spokenMs(slowStart)}, where the simulation ramps its connection ` +
        'limit from 1. With active health checks a host starts slow when it passes its checks ' +
        'again; without them only when it joins the cluster, so a server brought back by the ' +
        'registry starts at full weight.',
    );
  } else if (slowStart > 0) {
    notes.push(
      'Envoy’s slow start works with ROUND_ROBIN and LEAST_REQUEST only: ' +
        `${ctx.method} has none, so the setup’s slow start (${spokenMs(slowStart)}) is not written.`,
    );
  }
  if (r.breaker?.enabled) {
    notes.push(
      'Envoy’s `circuit_breakers` are concurrency limits (requests, connections, retries), not a ' +
        'closed, open and half-open breaker per server. Outlier detection is Envoy’s nearest: an ' +
        'ejected host is out for a while, then back in, but with no limited trial requests.',
    );
  }
  const balancers = balancersNote(r, 'Envoy');
  if (balancers) notes.push(balancers);
  return notes;
}

/** Every note on the Envoy defences, in the order of the settings. */
export function envoyNotes(r: ExportResilience, ctx: EnvoyContext): string[] {
  return [
    ...healthNotes(r),
    ...outlierNotes(r),
    ...timeoutNotes(r),
    ...retryNotes(r),
    ...otherNotes(r, ctx),
  ];
}
