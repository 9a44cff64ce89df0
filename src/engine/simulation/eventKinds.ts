import { MAX_EVENT_KIND } from '../eventQueue.ts';
import type { Autoscaler } from './autoscaler.ts';
import type { Balancers } from './balancers.ts';
import type { Defences } from './defences.ts';
import type { RetryFlow } from './retryFlow.ts';
import type { ServerOperations } from './serverOperations.ts';
import type { TrafficSources } from './trafficSources.ts';
import type { ClosedLoopClients } from './closedLoopClients.ts';
import type { Hedging } from './hedging.ts';
import type { ServerQueues } from './serverQueues.ts';

/**
 * The parts of the simulation that handle events of their own, as the core holds them. A part
 * added later (an autoscaler, an admission limiter, closed-loop clients...) joins this list.
 */
export interface EventParts {
  readonly traffic: TrafficSources;
  readonly operations: ServerOperations;
  readonly retries: RetryFlow;
  readonly defences: Defences;
  readonly balancers: Balancers;
  readonly queues: ServerQueues;
  readonly hedging: Hedging;
  readonly clients: ClosedLoopClients;
  readonly autoscaler: Autoscaler;
}

/** An event's handler: a public method of its part, given the event's one number of data. */
type Handler = (data: number) => void;
type HandlerName<P> = { [K in keyof P]-?: P[K] extends Handler ? K : never }[keyof P];

/** [part, method] per kind; the kind's number is its place. */
const table: (readonly [string, string])[] = [];

/** Adds a kind of event to the table; returns its number. */
function kind<P extends keyof EventParts>(part: P, method: HandlerName<EventParts[P]>): number;
function kind(part: 'core', method: 'complete'): number;
function kind(part: string, method: string): number {
  table.push([part, method]);
  return table.length - 1;
}

/*
 * Every kind of event on the agenda, in one place: one line each, naming the part and the method
 * that handle it (the method gets the event's data). Adding a kind of event is one line here plus
 * that method; the core binds the table once, when a simulation is built.
 */
/** A traffic source's next arrival (data: the source's index). On the hot path: called directly. */
export const ARRIVAL = kind('traffic', 'sourceArrival');
/** An attempt leaves its server: served, failed, or its hanging connection gave up (data: row).
 * The core's own. */
export const COMPLETE = kind('core', 'complete');
/** A scenario's scheduled event is due (data: its index in `scenario.events`). */
export const SCHEDULED = kind('operations', 'applyScheduled');
/** The client stops waiting for an attempt (data: request row). */
export const TIMEOUT = kind('retries', 'timeout');
/** A retry's backoff is over: send it (data: request row). */
export const RETRY = kind('retries', 'retry');
/** A round of active health checks (data: the check schedule's generation). */
export const CHECK = kind('defences', 'runHealthChecks');
/** A health check of an unreachable server ran out of time (data: slot). */
export const CHECK_TIMED_OUT = kind('defences', 'checkTimedOut');
/** An ejected server's time is up (data: slot). */
export const UNEJECT = kind('defences', 'unEject');
/** An open circuit lets probes through (data: slot). */
export const BREAKER_HALF_OPEN = kind('defences', 'breakerHalfOpen');
/** A slowly starting server's next ramp step (data: slot). */
export const SLOW_START_STEP = kind('defences', 'slowStartTick');
/** A latency spike is over (data: slot). */
export const SPIKE_END = kind('defences', 'spikeEnd');
/** Balancers with stale load information get their periodic update (data: generation). */
export const LOAD_UPDATE = kind('balancers', 'loadUpdate');

/** A queued attempt has waited the server's `maxQueueMs`: shed it if still queued (data: row). */
export const QUEUE_TIMEOUT = kind('queues', 'queueTimeout');
/** An attempt has had no answer for the hedge delay: send a copy (data: row). */
export const HEDGE = kind('hedging', 'fire');
/** A closed-loop client has finished thinking and sends its next request (data: client). */
export const THINK_END = kind('clients', 'wake');
/** The autoscaler measures and decides (data: unused). */
export const AUTOSCALE_SYNC = kind('autoscaler', 'sync');
/** A server ordered by the autoscaler finished its cold start (data: its starting id). */
export const SERVER_READY = kind('autoscaler', 'serverReady');
/** A scheduled scaling action is due (data: unused). */
export const SCHEDULED_SCALE = kind('autoscaler', 'scheduledAction');

/** How many kinds there are (the agenda keeps a kind in 5 bits, see EventQueue). */
export const EVENT_KIND_COUNT = table.length;
if (EVENT_KIND_COUNT > MAX_EVENT_KIND + 1)
  throw new Error(
    `${EVENT_KIND_COUNT} kinds of event: the agenda holds at most ${MAX_EVENT_KIND + 1}`,
  );

/**
 * Each kind's handler bound to its part, indexed by kind, built once per simulation. Completions
 * are the core's own: it handles them inline.
 */
export function bindEventHandlers(parts: EventParts): Handler[] {
  return table.map(([part, method]) => {
    if (part === 'core') return unbound;
    const owner = parts[part as keyof EventParts] as unknown as Record<string, Handler>;
    return owner[method]!.bind(owner);
  });
}

function unbound(): void {
  throw new Error('the core handles completions itself');
}

/** The table as [part, method] pairs, for tests and documentation. */
export function eventTable(): readonly (readonly [string, string])[] {
  return table;
}
