import type { LimitAlgorithm } from './limits/concurrencyLimit.ts';
import type { ContentionSpec } from './contention.ts';

export type { ContentionSpec } from './contention.ts';
export type { ClosedLoopSpec } from './clientPopulation.ts';
export type { LimitAlgorithm } from './limits/concurrencyLimit.ts';

/**
 * The scenario's overload-control settings, after validation with every default filled in. All
 * are off by default, so a scenario without them runs exactly as before.
 */

/** How every server sheds load from its own queue (rejections with reason `shed`). */
export interface SheddingSpec {
  /** Shed a request that arrives to find this many already waiting; null = no limit. */
  readonly maxQueue: number | null;
  /** Shed a request that has waited this long in the queue (HAProxy `timeout queue`); null = off. */
  readonly maxQueueMs: number | null;
  /** CoDel on each server's queue (RFC 8289). */
  readonly codel: boolean;
  /** CoDel's target sojourn time (5 ms). */
  readonly targetMs: number;
  /** CoDel's interval (100 ms); also adaptive LIFO's "congested" test. */
  readonly intervalMs: number;
  /** Serve the newest request first while the queue is congested (Fail at Scale). */
  readonly adaptiveLifo: boolean;
}

/** A concurrency limiter per server at the balancer (rejections with reason `limited`). */
export interface LimiterSpec {
  readonly algorithm: 'off' | LimitAlgorithm;
  readonly initialLimit: number;
  readonly minLimit: number;
  readonly maxLimit: number;
  /** AIMD and Gradient: multiplier on a drop. */
  readonly backoffRatio: number;
  /** Gradient and Gradient2: share of a fall applied per update. */
  readonly smoothing: number;
  /** Gradient: RTT may reach this multiple of the minimum; Gradient2: of the long average. */
  readonly rttTolerance: number;
  /** AIMD: an RTT over this counts as a drop. */
  readonly timeoutMs: number;
}

/** Client-side adaptive throttling (SRE book; rejections with reason `throttled`). */
export interface ThrottlingSpec {
  readonly enabled: boolean;
  /** Requests per request accepted the client allows itself (2). */
  readonly k: number;
  /** The window requests and accepts are counted over (2 minutes). */
  readonly windowMs: number;
}

/** Hedged requests ("The Tail at Scale"); `resilience.hedge` in a scenario file. */
export interface HedgeSpec {
  /** Send a copy after this long without an answer; null = no hedging. */
  readonly afterMs: number | null;
  /** Cancel the slower copy once one answers (else it finishes as wasted work). */
  readonly cancelLoser: boolean;
  /** At most this many hedges per hundred requests; null = no budget. */
  readonly budgetPercent: number | null;
}

/** Each algorithm's name as people read it (Netflix's classes are AIMDLimit, GradientLimit, …). */
export const LIMIT_ALGORITHM_NAMES: Record<LimitAlgorithm, string> = {
  aimd: 'AIMD',
  gradient: 'Gradient',
  gradient2: 'Gradient2',
};

/** The library defaults per algorithm, Netflix concurrency-limits' builders (see limits/). */
export const LIMITER_DEFAULTS: Record<LimitAlgorithm, Omit<LimiterSpec, 'algorithm'>> = {
  // AIMDLimit.Builder: initial 20, min 20, max 200, backoff 0.9, timeout 5 s.
  aimd: {
    initialLimit: 20,
    minLimit: 20,
    maxLimit: 200,
    backoffRatio: 0.9,
    smoothing: 0.2,
    rttTolerance: 2,
    timeoutMs: 5000,
  },
  // GradientLimit.Builder: initial 50, min 1, max 1000, smoothing 0.2, tolerance 2, backoff 0.9.
  gradient: {
    initialLimit: 50,
    minLimit: 1,
    maxLimit: 1000,
    backoffRatio: 0.9,
    smoothing: 0.2,
    rttTolerance: 2,
    timeoutMs: 5000,
  },
  // Gradient2Limit.Builder: initial 20, min 20, max 200, smoothing 0.2, tolerance 1.5.
  gradient2: {
    initialLimit: 20,
    minLimit: 20,
    maxLimit: 200,
    backoffRatio: 0.9,
    smoothing: 0.2,
    rttTolerance: 1.5,
    timeoutMs: 5000,
  },
};

/** Everything off: the values a scenario without overload settings gets. */
export const CONTENTION_OFF: ContentionSpec = { model: 'off', alpha: 0.05, beta: 0 };
export const SHEDDING_OFF: SheddingSpec = {
  maxQueue: null,
  maxQueueMs: null,
  codel: false,
  targetMs: 5,
  intervalMs: 100,
  adaptiveLifo: false,
};
export const LIMITER_OFF: LimiterSpec = { algorithm: 'off', ...LIMITER_DEFAULTS.aimd };
export const THROTTLING_OFF: ThrottlingSpec = { enabled: false, k: 2, windowMs: 120_000 };
export const HEDGE_OFF: HedgeSpec = { afterMs: null, cancelLoser: true, budgetPercent: null };

/**
 * A limiter's settings with each field left out taken from the library's default for its
 * algorithm (AIMD's when off, so switching it on later starts from those).
 */
export function resolveLimiter(
  raw: { algorithm: LimiterSpec['algorithm'] } & Partial<Omit<LimiterSpec, 'algorithm'>>,
): LimiterSpec {
  const base = LIMITER_DEFAULTS[raw.algorithm === 'off' ? 'aimd' : raw.algorithm];
  const pick = <K extends keyof typeof base>(k: K) => raw[k] ?? base[k];
  return {
    algorithm: raw.algorithm,
    initialLimit: pick('initialLimit'),
    minLimit: pick('minLimit'),
    maxLimit: pick('maxLimit'),
    backoffRatio: pick('backoffRatio'),
    smoothing: pick('smoothing'),
    rttTolerance: pick('rttTolerance'),
    timeoutMs: pick('timeoutMs'),
  };
}

/**
 * What a file may leave out of a limiter with this algorithm: the algorithm's library defaults
 * (and `off`, which a file leaves out too).
 */
export function limiterDefaultsFor(algorithm: LimiterSpec['algorithm']): LimiterSpec {
  return algorithm === 'off' ? LIMITER_OFF : { ...LIMITER_DEFAULTS[algorithm], algorithm: 'off' };
}

/** Whether any server-side shedding rule is on. */
export function sheddingOn(s: SheddingSpec): boolean {
  return s.maxQueue !== null || s.maxQueueMs !== null || s.codel || s.adaptiveLifo;
}
