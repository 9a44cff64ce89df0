/**
 * What the three balancers can and cannot say of overload control (issue 15): each mechanism the
 * setup uses gets a note per product, with the directive or filter that comes closest where
 * there is one (Envoy’s adaptive concurrency and admission control filters, its hedge policy,
 * HAProxy’s `timeout queue` and `maxqueue`, NGINX Plus’s `queue`) and plainly "none" where not.
 */
import {
  LIMIT_ALGORITHM_NAMES,
  type ContentionSpec,
  type SheddingSpec,
} from '../../../engine/overload/specs.ts';
import { envoyDuration, spokenMs, unitTime, type ExportResilience } from './defences.ts';
import type { ConfigFormat } from './types.ts';

/** The overload settings the exporters read (a scenario fits; absent parts are off). */
export interface ExportOverload {
  readonly resilience?: ExportResilience;
  readonly shedding?: SheddingSpec;
  readonly contention?: ContentionSpec;
  /** Closed-loop clients in the traffic: that is how the load arrives, not balancer config. */
  readonly closedLoop?: boolean;
}

/** The overload settings of a setup, as the notes read them. */
export function overloadOf(setup: {
  readonly resilience?: ExportResilience;
  readonly shedding?: SheddingSpec;
  readonly contention?: ContentionSpec;
  readonly traffic?: ReadonlyArray<{ readonly kind: string }>;
}): ExportOverload {
  return {
    resilience: setup.resilience,
    shedding: setup.shedding,
    contention: setup.contention,
    closedLoop: setup.traffic?.some((t) => t.kind === 'closed') ?? false,
  };
}

/** HAProxy lines for the backend: `timeout queue` for a queue-time limit. */
export function haproxyOverloadLines(o: ExportOverload): string[] {
  const ms = o.shedding?.maxQueueMs ?? null;
  return ms === null ? [] : [`timeout queue ${unitTime(ms)}`];
}

function sheddingNotes(s: SheddingSpec | undefined, format: ConfigFormat): string[] {
  if (!s) return [];
  const notes: string[] = [];
  if (s.maxQueueMs !== null) {
    notes.push(
      format === 'haproxy'
        ? `\`timeout queue ${unitTime(s.maxQueueMs)}\` answers 503 to a request that has waited ` +
            `${spokenMs(s.maxQueueMs)} in HAProxy’s queue, as the simulated servers shed it. ` +
            'HAProxy’s queue is the backend’s, in front of the servers, not each server’s own.'
        : format === 'nginx'
          ? `NGINX Plus’s \`queue … timeout=${unitTime(s.maxQueueMs)}\` in the upstream answers ` +
            '503 to a request that waited that long for a free server; open-source NGINX queues ' +
            'nothing (a full server is skipped), so the queue-time limit has no equivalent there.'
          : `Envoy has no queue-time limit per server (the setup sheds after ${spokenMs(s.maxQueueMs)}): ` +
            'a request waits as a pending request for a connection until its route timeout.',
    );
  }
  if (s.maxQueue !== null) {
    notes.push(
      format === 'haproxy'
        ? `The nearest to shedding beyond ${s.maxQueue} waiting is \`maxqueue ${s.maxQueue}\` on ` +
            'each server, but HAProxy then sends new requests to other servers (or its backend ' +
            'queue) instead of answering 503 from the server.'
        : format === 'nginx'
          ? `NGINX Plus’s \`queue ${s.maxQueue}\` bounds the upstream’s queue (503 beyond it); ` +
            'open-source NGINX has no queue to bound.'
          : `The nearest is the cluster circuit breaker \`max_pending_requests: ${s.maxQueue}\`, ` +
            'for the whole cluster rather than per server.',
    );
  }
  if (s.codel || s.adaptiveLifo) {
    const which = [s.codel ? 'CoDel' : '', s.adaptiveLifo ? 'adaptive LIFO' : '']
      .filter(Boolean)
      .join(' and ');
    notes.push(
      `${which} run in the server’s own request queue (as Facebook’s servers do, “Fail at Scale”); ` +
        `no balancer here has ${s.codel && s.adaptiveLifo ? 'either' : 'it'}, so it belongs in ` +
        'the application server, not this config.',
    );
  }
  return notes;
}

function limiterNote(r: ExportResilience, format: ConfigFormat): string[] {
  const l = r.limiter;
  if (!l || l.algorithm === 'off') return [];
  if (format === 'envoy') {
    return [
      'Envoy’s adaptive concurrency filter is the nearest to the learned limit: add it to the ' +
        'listener’s HTTP filters (it limits the whole cluster, measured at the server side, with ' +
        'its own gradient controller rather than Netflix’s ' +
        `${LIMIT_ALGORITHM_NAMES[l.algorithm]}): ` +
        '`name: envoy.filters.http.adaptive_concurrency`, typed_config ' +
        '`gradient_controller_config: { sample_aggregate_percentile: { value: 90 }, ' +
        'concurrency_limit_params: { concurrency_update_interval: 0.1s }, ' +
        'min_rtt_calc_params: { interval: 60s, request_count: 50 } }`. Over the limit it answers ' +
        '503, as the simulation rejects with `limited`.',
    ];
  }
  const product = format === 'haproxy' ? 'HAProxy' : 'NGINX';
  const fixed = format === 'haproxy' ? '`maxconn`' : '`max_conns`';
  return [
    `${product} has no limit that learns from latency (the setup’s ` +
      `${l.algorithm === 'aimd' ? 'AIMD' : l.algorithm} limit, from ${l.initialLimit} within ` +
      `[${l.minLimit}, ${l.maxLimit}]): ${fixed} per server is a fixed one.`,
  ];
}

function throttlingNote(r: ExportResilience, format: ConfigFormat): string[] {
  const t = r.throttling;
  if (!t?.enabled) return [];
  if (format === 'envoy') {
    return [
      'Envoy’s admission control filter implements the SRE book’s client-side throttling: ' +
        '`name: envoy.filters.http.admission_control` with ' +
        `\`sampling_window: ${envoyDuration(t.windowMs)}\`, ` +
        `\`sr_threshold: { default_value: { value: ${+(100 / t.k).toFixed(2)} } }\` (a success ` +
        `rate of 1/K = ${+(100 / t.k).toFixed(2)}%) and \`aggression: { default_value: 1.0 }\` ` +
        'give the same probability, max(0, (requests − K × accepts) / (requests + 1)).',
    ];
  }
  return [
    `${format === 'haproxy' ? 'HAProxy' : 'NGINX'} has no client-side adaptive throttling: it ` +
      'belongs in the clients (gRPC and Envoy have it), not in this config.',
  ];
}

function hedgeNote(r: ExportResilience, format: ConfigFormat): string[] {
  const h = r.hedge;
  if (!h || h.afterMs === null) return [];
  if (format === 'envoy') {
    return [
      'Envoy hedges on a per-try timeout: on the route, `retry_policy: { per_try_timeout: ' +
        `${envoyDuration(h.afterMs)} }\` with \`hedge_policy: { hedge_on_per_try_timeout: true }\` ` +
        'sends a second request without cancelling the first, and the first answer wins; the ' +
        'other is reset, as the simulation cancels the loser. A hedge counts against the retry ' +
        `budget${h.budgetPercent !== null ? ` (the setup’s hedge budget, ${h.budgetPercent}%, has no field of its own)` : ''}.`,
    ];
  }
  return [
    `${format === 'haproxy' ? 'HAProxy' : 'NGINX'} cannot hedge: it sends a request again only ` +
      `after a failure or timeout (\`${format === 'haproxy' ? 'retry-on' : 'proxy_next_upstream'}\`), ` +
      `never a second copy while the first still runs (the setup hedges after ${spokenMs(h.afterMs)}).`,
  ];
}

/** Every note on overload control for one product, in the order of the settings. */
export function overloadNotes(o: ExportOverload, format: ConfigFormat): string[] {
  const r = o.resilience ?? {};
  const notes = [
    ...sheddingNotes(o.shedding, format),
    ...limiterNote(r, format),
    ...throttlingNote(r, format),
    ...hedgeNote(r, format),
  ];
  if (o.contention && o.contention.model !== 'off')
    notes.push(
      'Contention (service time growing with concurrency) describes the servers, not the ' +
        'balancer: nothing to configure.',
    );
  if ((r.deadlineMs ?? null) !== null)
    notes.push(
      `The deadline (${spokenMs(r.deadlineMs!)}) only measures goodput in the simulation; a ` +
        'real deadline travels with the request (gRPC deadlines) and is not balancer config.',
    );
  if (o.closedLoop)
    notes.push(
      'Closed-loop clients are how the load arrives, not something a balancer configures.',
    );
  return notes;
}
