import type { LogLevel } from '../metrics/eventLog.ts';
import type { RunMetrics } from '../metrics/runMetrics.ts';
import type { Rng } from '../random.ts';
import type { Strategy } from '../strategies/strategy.ts';
import type { RequestTable } from '../requestTable.ts';
import type { ResilienceSpec, Scenario } from '../scenario/types.ts';
import type { ServerPool } from '../serverPool.ts';
import type { Autoscaler } from './autoscaler.ts';
import type { Balancers } from './balancers.ts';
import type { Defences } from './defences.ts';
import type { PickExplainer } from './pickExplainer.ts';
import type { Objectives } from './objectives.ts';
import type { RetryFlow } from './retryFlow.ts';
import type { ServerOperations } from './serverOperations.ts';
import type { TrafficSources } from './trafficSources.ts';
import type { AdmissionControl } from './admissionControl.ts';
import type { ClosedLoopClients } from './closedLoopClients.ts';
import type { Hedging } from './hedging.ts';
import type { Sender } from './sender.ts';
import type { ServerQueues } from './serverQueues.ts';

/** How long a sinkhole takes to fail a request: quickly, which is what makes it attractive. */
export const FAIL_FAST_MS = 5;

/** How a run reports and remembers. */
export interface SimulationOptions {
  /**
   * Log every request's dispatch and completion, as the demo does, and keep the request-flow
   * view's trail of routing decisions (RouteTrail). Default true; headless runs show neither.
   */
  readonly logRequests?: boolean;
  /** Samples kept per time series. Default 600 (a minute at the default 100 ms interval). */
  readonly historyLength?: number;
  /** Log entries kept. Default 10,000. */
  readonly logCapacity?: number;
  /**
   * Explain one sampled routing decision per sample interval ("why this server?"). Default: as
   * `logRequests` (headless runs need neither).
   */
  readonly explainPicks?: boolean;
  /**
   * Builds the user's strategy (one per balancer) when the scenario's strategy is `custom`: the
   * worker and the CLI load `customStrategy.code` into a sandbox here. A strategy it builds may
   * throw from `pick` (the code failed): the run then stops at that request, see Simulation.
   */
  readonly customStrategy?: () => Strategy;
}

/** How a request ended (each request ends exactly once, with its last attempt's outcome). */
export const SERVED = 0;
export const REJECTED_NO_HEALTHY = 1;
export const REJECTED_OVERLOADED = 2;
export const FAILED = 3;
export const TIMED_OUT = 4;
/** Shed by the server from its queue (length, queue time, CoDel). */
export const REJECTED_SHED = 5;
/** Over the balancer's learned concurrency limit for the server picked. */
export const REJECTED_LIMITED = 6;
/** Rejected by the client itself (adaptive throttling). */
export const REJECTED_THROTTLED = 7;

/** How the core places an attempt the caller already admitted (see SimCore.place). */
export interface Placement {
  /** Attempts in flight under the server's limit with this one (0: no limiter place held). */
  readonly inflight: number;
  /** The attempt this one is a hedge of, or -1. */
  readonly copyOf: number;
  /** What the request-flow trail records for it (the slot, or a hedge's code). */
  readonly route: number;
}

/**
 * What the parts around the hot core (traffic, operations, defences, retries, balancers,
 * explanations) see
 * of it: the clock, the shared state, the agenda, the other parts, and the few steps of a
 * request's life they may start. It is the Simulation itself, typed narrowly and handed to each
 * part once, when the simulation is built: parts keep it in a field and call it directly, with no
 * closures or look-ups per event.
 */
export interface SimCore {
  /** Simulated time in ms. */
  readonly now: number;
  readonly scenario: Scenario;
  readonly pool: ServerPool;
  readonly requests: RequestTable;
  readonly metrics: RunMetrics;
  readonly resilience: ResilienceSpec;
  readonly sampleIntervalMs: number;
  /** Whether each request's steps are logged and routed (the page's log and flow view). */
  readonly logRequests: boolean;
  /** Requests that have arrived and not yet ended. */
  readonly inFlight: number;
  /**
   * Whether a send, answer or end has an optional mechanism to consult (overload control,
   * outlier detection, breakers, client timeouts, an SLO): off in the plain model.
   */
  readonly extrasOn: boolean;
  /** The seeded streams the parts draw from (one per purpose; see random.ts). */
  readonly strategyRng: Rng;
  readonly faultsRng: Rng;

  readonly traffic: TrafficSources;
  readonly operations: ServerOperations;
  readonly defences: Defences;
  readonly retries: RetryFlow;
  readonly balancers: Balancers;
  readonly explainer: PickExplainer;
  /** Sends an attempt, picked and admitted, to its server (see sender.ts). */
  readonly sender: Sender;
  readonly queues: ServerQueues;
  readonly admission: AdmissionControl;
  readonly hedging: Hedging;
  readonly clients: ClosedLoopClients;
  /** The id the next request to arrive will get. */
  readonly nextRequestId: number;
  readonly autoscaler: Autoscaler;
  readonly objectives: Objectives;

  /**
   * Puts an event of `kind` (see eventKinds.ts) on the agenda at simulated `time`; `first` puts
   * it ahead of every event due then (a burst's next slice; see BURST_SLICE).
   */
  schedule(time: number, kind: number, data: number, first?: boolean): void;
  /** Appends a line to the run's log at the current time. */
  log(level: LogLevel, source: string, message: string): void;
  /** One new request reaches the balancer now. */
  arrive(): void;
  /**
   * The request being sent (or retried): [id, arrival time, key, service time]. Fractional
   * numbers travel through this array, not as arguments, because V8 boxes each such argument of a
   * call it does not inline (an allocation per request on the hottest path).
   */
  readonly sending: Float64Array;
  /** Sends attempt `attempt` of the request in `sending` through its balancer, avoiding `avoid`. */
  dispatch(attempt: number, avoid: number): void;
  /** Attempt `r` begins service at `slot`, which now has `active` in service. */
  serve(r: number, slot: number, active: number): void;
  /** Moves a server's waiting requests into its free places (after its limit or load changed). */
  startWaiting(slot: number): void;
  /**
   * A request ends with `outcome` (SERVED ... REJECTED_THROTTLED), counted once: `r` is the row of
   * its last attempt (-1 when it was never placed, and then the request is the one in `sending`);
   * a served one's latency runs from its arrival to now.
   */
  endRequest(outcome: number, r: number): void;
}
