/**
 * The limits and defaults of scenario format v1 and of the live commands, in one place and
 * without zod: the schema (schema.ts) builds its checks from these, the page's form fields, the
 * defences panel and the share-link encoder read them, and the worker checks live and recorded
 * commands against them. Change a limit here and every one of them follows.
 */

/** A numeric field's allowed values. */
export interface Range {
  readonly min: number;
  readonly max: number;
  /** `min` itself is refused: the range is (min, max]. */
  readonly aboveMin?: boolean;
  /** Whole numbers only. */
  readonly integer?: boolean;
}

const whole = (min: number, max: number): Range => ({ min, max, integer: true });
const number = (min: number, max: number): Range => ({ min, max });
const above = (min: number, max: number): Range => ({ min, max, aboveMin: true });

/** Longest service, cache-hit, check or ejection time: an hour. */
export const MAX_MS = 3_600_000;
/** Latest time anything may happen, and the longest run: about 11.6 simulated days. */
export const MAX_TIME = 1e9;
/** Highest arrival rate, in a file or live: ten million requests a second. */
export const MAX_RATE = 1e7;

/** The file format's limits, field by field (paths as in a scenario file). */
export const LIMITS = {
  nameLength: 80,
  seed: whole(0, 4_294_967_295),
  strategyOptions: {
    // Up to the most servers a scenario may list: d = n samples every server.
    choices: whole(1, 10_000),
    virtualNodes: whole(1, 1000),
    decayMs: above(0, 1e7),
  },
  /** `customStrategy.code`: a long strategy is a few hundred lines. */
  customCodeLength: 100_000,
  servers: { entries: 10_000 },
  server: {
    nameLength: 64,
    capacity: whole(1, 1_000_000),
    weight: above(0, 1e6),
    speed: above(0, 1000),
    /** null (in a file) is an unbounded queue. */
    queueLimit: whole(0, 10_000_000),
    errorRate: number(0, 1),
  },
  service: {
    /** uniform minMs and maxMs, constant ms. */
    ms: number(0, MAX_MS),
    /** exponential meanMs, lognormal medianMs. */
    positiveMs: above(0, MAX_MS),
    sigma: number(0, 5),
  },
  cache: { capacity: whole(1, 1_000_000), hitMs: number(0, MAX_MS) },
  keys: { count: whole(1, 1_000_000_000), zipf: number(0, 5) },
  traffic: {
    entries: 1000,
    time: number(0, MAX_TIME),
    burst: whole(1, 1_000_000),
    ratePerSec: above(0, MAX_RATE),
    rampRatePerSec: number(0, MAX_RATE),
  },
  events: {
    entries: 10_000,
    spikeFactor: above(0, 1000),
    spikeDurationMs: above(0, MAX_TIME),
  },
  durationMs: above(0, MAX_TIME),
  sampleIntervalMs: number(10, 60_000),
  resilience: {
    healthCheck: {
      intervalMs: number(10, MAX_MS),
      timeoutMs: above(0, MAX_MS),
      rise: whole(1, 100),
      fall: whole(1, 100),
    },
    outlier: {
      consecutiveFailures: whole(1, 1000),
      baseEjectionMs: above(0, MAX_MS),
      maxEjectionMs: above(0, MAX_MS),
      maxEjectionPercent: number(0, 100),
    },
    panicThresholdPercent: number(0, 100),
    /** null is no timeout. */
    timeoutMs: above(0, MAX_MS),
    connectTimeoutMs: above(0, MAX_MS),
    retry: {
      maxRetries: whole(0, 10),
      budgetPercent: number(0, 100),
      minRetryConcurrency: whole(0, 1_000_000),
      backoffMs: number(0, 60_000),
    },
    breaker: {
      failureThreshold: whole(1, 1000),
      openMs: above(0, MAX_MS),
      halfOpenProbes: whole(1, 1000),
    },
    slowStartMs: number(0, MAX_MS),
    balancers: { count: whole(1, 64), loadUpdateMs: number(0, MAX_MS) },
  },
} as const;

/** Live commands and run controls (not part of a file), as the worker accepts them. */
export const LIVE_LIMITS = {
  /** Requests one "fire" sends at once. */
  burst: whole(1, 100_000),
  /** The steady rate set by hand: the same ceiling as a file's traffic. */
  ratePerSec: number(0, MAX_RATE),
  spikeFactor: above(0, 1000),
  spikeDurationMs: above(0, MAX_MS),
  /** Simulated ms per real ms ("max" aside). */
  speed: number(0.1, 1000),
  /** One "step by" of simulated time. */
  stepMs: above(0, MAX_MS),
} as const;

/** The original demo's servers: what a scenario without `servers` gets. */
export const DEMO_SERVERS = [
  { name: 'Server-A', capacity: 3 },
  { name: 'Server-B', capacity: 2 },
  { name: 'Server-C', capacity: 4 },
] as const;

/**
 * Every default of the format: what an omitted field becomes. Defences default to off or to the
 * value the balancer they are modelled on ships with (HAProxy checks, Envoy ejection and retry
 * budgets, Hystrix breakers).
 */
export const DEFAULTS = {
  version: 1,
  name: 'Untitled',
  seed: 42,
  strategy: 'round-robin',
  strategyOptions: { choices: 2, virtualNodes: 100, decayMs: 10_000 },
  server: {
    capacity: 1,
    weight: 1,
    speed: 1,
    queueLimit: 0,
    up: true,
    errorRate: 0,
    partitioned: false,
  },
  service: { distribution: 'uniform', minMs: 200, maxMs: 600 },
  cache: { placement: 'shared', capacity: 128, hitMs: 1 },
  // About eight times the demo cache: big enough that the cache cannot hold every key, small
  // enough that Zipf popularity gives it a clearly visible hit rate.
  keys: { count: 1000, zipf: 1 },
  traffic: [{ at: 0, burst: 10 }],
  events: [],
  durationMs: null,
  sampleIntervalMs: 100,
  resilience: {
    healthCheck: { mode: 'instant', intervalMs: 2000, timeoutMs: 1000, rise: 2, fall: 3 },
    outlier: {
      enabled: false,
      consecutiveFailures: 5,
      baseEjectionMs: 30_000,
      maxEjectionMs: 300_000,
      maxEjectionPercent: 10,
    },
    panicThresholdPercent: 0,
    timeoutMs: null,
    connectTimeoutMs: 5000,
    retry: { mode: 'off', maxRetries: 2, budgetPercent: 20, minRetryConcurrency: 3, backoffMs: 25 },
    breaker: { enabled: false, failureThreshold: 5, openMs: 5000, halfOpenProbes: 1 },
    slowStartMs: 0,
    balancers: { count: 1, loadUpdateMs: 0 },
  },
} as const;

/** Whether `value` is a number the range allows. */
export function inRange(value: unknown, range: Range): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (range.integer && !Number.isInteger(value)) return false;
  const low = range.aboveMin ? value > range.min : value >= range.min;
  return low && value <= range.max;
}
