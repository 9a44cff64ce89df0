import type {
  ClosedLoopSpec,
  ContentionSpec,
  HedgeSpec,
  LimiterSpec,
  SheddingSpec,
  ThrottlingSpec,
} from '../overload/specs.ts';
import type { DiurnalSegment, SpikeSegment, TraceSegment } from '../arrivals/segments.ts';
import type { AutoscalingSpec } from '../autoscaling/spec.ts';
import type { CostSpec } from '../metrics/costMeter.ts';
import type { SloSpec } from '../metrics/sloTracker.ts';
import type { StrategyChoice, StrategyName, StrategyOptions } from '../strategies/strategy.ts';

export type { DiurnalSegment, SpikeSegment, TraceSegment } from '../arrivals/segments.ts';
export type {
  AutoscalingPolicy,
  AutoscalingSpec,
  ScalingMetric,
  ScalingPolicy,
  ScalingStep,
  ScheduledAction,
} from '../autoscaling/spec.ts';
export type { CostSpec } from '../metrics/costMeter.ts';
export type { SloSpec } from '../metrics/sloTracker.ts';

/**
 * Scenario format v1: the one file format of the playground. The headless runner reads it, the UI
 * imports and exports it, share links encode it. These are the types after validation, with every
 * default filled in; `schema.ts` parses raw JSON into them.
 */
export interface Scenario {
  readonly version: 1;
  readonly name: string;
  readonly seed: number;
  readonly strategy: StrategyChoice;
  /** The user's own strategy; run (in a sandbox) when `strategy` is "custom", carried otherwise. */
  readonly customStrategy?: CustomStrategySpec;
  readonly strategyOptions: Required<StrategyOptions>;
  readonly servers: readonly ServerSpec[];
  readonly service: ServiceSpec;
  readonly cache: CacheSpec;
  readonly keys: KeySpec;
  readonly traffic: readonly TrafficSpec[];
  readonly events: readonly ScheduledEvent[];
  /** Stop at this simulated time; null runs until traffic ends and every request finished. */
  readonly durationMs: number | null;
  /** Simulated interval between time-series samples. */
  readonly sampleIntervalMs: number;
  /** Health checking, timeouts, retries and the other defences; all off by default. */
  readonly resilience: ResilienceSpec;
  /** Load-dependent service time of every server (contention, USL); off by default. */
  readonly contention: ContentionSpec;
  /** How every server sheds load from its queue; off by default. */
  readonly shedding: SheddingSpec;
  /**
   * The pool grows and shrinks by itself (HPA, step or scheduled); absent = a fixed pool. These
   * three are absent unless a file sets them, so a setup without them is exactly what it was.
   */
  readonly autoscaling?: AutoscalingSpec | undefined;
  /** What the run costs; absent = not priced. */
  readonly cost?: CostSpec | undefined;
  /** A latency objective the run is measured against; absent = none. */
  readonly slo?: SloSpec | undefined;
}

/** A strategy in the user's code: JavaScript defining selectServer (see src/sandbox). */
export interface CustomStrategySpec {
  readonly code: string;
}

export interface ServerSpec {
  readonly name: string;
  /** Max concurrent requests in service. */
  readonly capacity: number;
  /** Relative share for weighted strategies. */
  readonly weight: number;
  /** Service-time divisor: 2 serves twice as fast. */
  readonly speed: number;
  /** Requests that may wait FIFO when every slot is busy; 0 = reject at once; null = unbounded. */
  readonly queueLimit: number | null;
  readonly up: boolean;
  /** Share of requests the server fails quickly instead of serving (a "sinkhole"); 0 = none. */
  readonly errorRate: number;
  /** Cut off from the balancer by a network partition: requests and checks sent to it hang. */
  readonly partitioned: boolean;
}

export type ServiceSpec =
  | { readonly distribution: 'uniform'; readonly minMs: number; readonly maxMs: number }
  | { readonly distribution: 'exponential'; readonly meanMs: number }
  | { readonly distribution: 'constant'; readonly ms: number }
  | { readonly distribution: 'lognormal'; readonly medianMs: number; readonly sigma: number };

export type CachePlacement = 'shared' | 'per-server' | 'off';

export interface CacheSpec {
  readonly placement: CachePlacement;
  /** Entries per cache. */
  readonly capacity: number;
  /** Service time of a cache hit, in ms. */
  readonly hitMs: number;
}

export interface KeySpec {
  /** Keys are integers 0..count-1. */
  readonly count: number;
  /** Zipf exponent s: key k has weight 1/(k+1)^s; 0 is uniform. */
  readonly zipf: number;
}

export type TrafficSpec =
  /** N requests at one instant. */
  | { readonly kind: 'burst'; readonly at: number; readonly burst: number }
  /** Poisson arrivals at a constant rate in [from, to). */
  | {
      readonly kind: 'poisson';
      readonly from: number;
      readonly to: number;
      readonly ratePerSec: number;
    }
  /** Poisson arrivals whose rate moves linearly from start to end over [from, to). */
  | {
      readonly kind: 'ramp';
      readonly from: number;
      readonly to: number;
      readonly startRatePerSec: number;
      readonly endRatePerSec: number;
    }
  /** A closed-loop population: each client sends, waits for the outcome, thinks, sends again. */
  | ({ readonly kind: 'closed' } & ClosedLoopSpec)
  /** A daily rhythm between a trough and a peak rate. */
  | DiurnalSegment
  /** Every rate-based segment's rate multiplied for a while. */
  | SpikeSegment
  /** A recorded rate, linear between [timeMs, ratePerSec] points. */
  | TraceSegment;

/** Server fields that can change during a run. */
export interface ServerChanges {
  readonly name?: string;
  readonly capacity?: number;
  readonly weight?: number;
  readonly speed?: number;
  readonly queueLimit?: number | null;
  readonly errorRate?: number;
  readonly partitioned?: boolean;
}

export type ScheduledEvent =
  /** Graceful: takes no new requests, lets those it holds finish (the older name of drain). */
  | { readonly at: number; readonly action: 'kill'; readonly server: string }
  | { readonly at: number; readonly action: 'drain'; readonly server: string }
  /** Abrupt: the requests it holds fail. */
  | { readonly at: number; readonly action: 'crash'; readonly server: string }
  /** Service times multiplied by `factor` for `durationMs`. */
  | {
      readonly at: number;
      readonly action: 'spike';
      readonly server: string;
      readonly factor: number;
      readonly durationMs: number;
    }
  | { readonly at: number; readonly action: 'revive'; readonly server: string }
  | {
      readonly at: number;
      readonly action: 'update';
      readonly server: string;
      readonly set: ServerChanges;
    }
  | { readonly at: number; readonly action: 'add'; readonly spec: ServerSpec }
  | { readonly at: number; readonly action: 'remove'; readonly server: string }
  | { readonly at: number; readonly action: 'strategy'; readonly strategy: StrategyName };

/** How the balancer learns that a server is down. */
export type HealthMode =
  /** It knows at once, as the demo's registry does. */
  | 'instant'
  /** Active checks every `intervalMs` (HAProxy `inter`/`rise`/`fall`): its view lags reality. */
  | 'active'
  /** It never checks: only failed requests (outlier ejection, circuit breaker) can tell it. */
  | 'none';

export interface HealthCheckSpec {
  readonly mode: HealthMode;
  /** HAProxy `inter`, default 2 s. */
  readonly intervalMs: number;
  /** A check unanswered this long fails (HAProxy `timeout check`). */
  readonly timeoutMs: number;
  /** Consecutive passes that bring a server back (HAProxy default 2). */
  readonly rise: number;
  /** Consecutive failures that take a server out (HAProxy default 3). */
  readonly fall: number;
}

/** Envoy-style passive outlier detection. */
export interface OutlierSpec {
  readonly enabled: boolean;
  /** Consecutive failed requests that eject a server (Envoy `consecutive_5xx`, 5). */
  readonly consecutiveFailures: number;
  /** Ejection time is this times the number of times the server was ejected (Envoy 30 s). */
  readonly baseEjectionMs: number;
  /** Longest ejection (Envoy `max_ejection_time`, 300 s). */
  readonly maxEjectionMs: number;
  /** At most this share of servers ejected at once, but always at least one (Envoy 10%). */
  readonly maxEjectionPercent: number;
}

export type RetryMode = 'off' | 'budget' | 'naive';

export interface RetrySpec {
  /** budget: Envoy's retry budget; naive: every failure is retried up to `maxRetries`. */
  readonly mode: RetryMode;
  /** Retries per request after the first attempt. */
  readonly maxRetries: number;
  /** Concurrent retries allowed as a share of active requests (Envoy `budget_percent`, 20%). */
  readonly budgetPercent: number;
  /** Concurrent retries always allowed (Envoy `min_retry_concurrency`, 3). */
  readonly minRetryConcurrency: number;
  /** First backoff; doubles per retry with full jitter, up to ten times it (Envoy 25 ms). */
  readonly backoffMs: number;
}

/** A circuit breaker per server: closed, open after failures, half-open to probe. */
export interface BreakerSpec {
  readonly enabled: boolean;
  /** Consecutive failures that open the circuit (5). */
  readonly failureThreshold: number;
  /** How long it stays open before letting probes through (Hystrix's 5 s sleep window). */
  readonly openMs: number;
  /** Trial requests let through while half-open (1). */
  readonly halfOpenProbes: number;
}

export interface BalancersSpec {
  /** Independent balancers sharing the servers; arrivals take turns among them. */
  readonly count: number;
  /** Each balancer sees other balancers' load only every this many ms; 0 = always current. */
  readonly loadUpdateMs: number;
}

export interface ResilienceSpec {
  readonly healthCheck: HealthCheckSpec;
  readonly outlier: OutlierSpec;
  /**
   * Below this share of servers the balancer believes healthy, it ignores health and spreads over
   * every server (Envoy's panic threshold, 50% when used); 0 = off.
   */
  readonly panicThresholdPercent: number;
  /** Client timeout per attempt; a late answer is wasted work. null = wait forever. */
  readonly timeoutMs: number | null;
  /** How long a connection to an unreachable server hangs before failing (Envoy 5 s). */
  readonly connectTimeoutMs: number;
  readonly retry: RetrySpec;
  readonly breaker: BreakerSpec;
  /** A revived server's connection limit ramps up over this long (HAProxy `slowstart`); 0 = off. */
  readonly slowStartMs: number;
  readonly balancers: BalancersSpec;
  /** A request served later than this after arriving is not goodput; null = the client timeout. */
  readonly deadlineMs: number | null;
  /** A learning concurrency limit per server at the balancer (Netflix concurrency-limits). */
  readonly limiter: LimiterSpec;
  /** Client-side adaptive throttling (Google SRE book). */
  readonly throttling: ThrottlingSpec;
  /** Hedged requests ("The Tail at Scale"). */
  readonly hedge: HedgeSpec;
}
