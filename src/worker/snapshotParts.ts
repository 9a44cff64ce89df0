/**
 * The parts of the worker's snapshot that describe servers, series and routes (protocol.ts holds
 * the snapshot itself and the commands, and re-exports these). Only types live here.
 */

/** One registered server as the page shows it now (its totals are in the summary). */
export interface ServerSnapshot {
  readonly slot: number;
  readonly name: string;
  readonly up: boolean;
  readonly healthy: boolean;
  readonly active: number;
  readonly queued: number;
  readonly capacity: number;
  readonly queueLimit: number | null;
  readonly weight: number;
  readonly speed: number;
  /** Entries in this server's own cache (per-server placement). */
  readonly cacheSize: number;
  /** What the balancer believes: up (it may be wrong until checks or failures tell it). */
  readonly believedUp: boolean;
  readonly draining: boolean;
  readonly partitioned: boolean;
  /** Share of requests it fails fast (a sinkhole); 0 normally. */
  readonly errorRate: number;
  /** Service-time multiplier of a latency spike in progress; 1 normally. */
  readonly spike: number;
  readonly ejected: boolean;
  /** When its ejection ends (simulated ms), if ejected. */
  readonly ejectedUntil: number | null;
  readonly breaker: 'closed' | 'open' | 'half-open';
  /** Share of its capacity a slowly starting server may use now; null when not starting. */
  readonly slowStart: number | null;
  /** Attempts that failed or timed out here. */
  readonly failed: number;
  /** Hit rate of the cache look-ups its requests made (its own cache when per-server). */
  readonly cacheHitRate: number | null;
}

/** Run-wide series, oldest sample first, all of `length`. */
export interface SeriesSnapshot {
  readonly length: number;
  readonly time: Float64Array;
  readonly arrivalsPerSec: Float64Array;
  readonly throughputPerSec: Float64Array;
  readonly rejectionsPerSec: Float64Array;
  readonly failuresPerSec: Float64Array;
  readonly timeoutsPerSec: Float64Array;
  readonly retriesPerSec: Float64Array;
  /** NaN where no request finished in the interval. */
  readonly p50: Float64Array;
  readonly p90: Float64Array;
  readonly p99: Float64Array;
  /** NaN where the cache was not consulted in the interval. */
  readonly cacheHitRate: Float64Array;
  readonly inFlight: Float64Array;
}

/** Per-server load over the last `length` samples: row i belongs to servers[i]. */
export interface ServerSeriesSnapshot {
  readonly length: number;
  readonly time: Float64Array;
  /** servers.length rows of `length` values each. */
  readonly active: Float32Array;
  readonly queued: Float32Array;
}

/**
 * Routing decisions since the page last asked: a server slot, -1 no healthy servers, -2
 * overloaded, -3 shed, -4 limited, -5 throttled, or -1000 − slot for a hedge sent to slot.
 */
export interface RoutesSnapshot {
  readonly fromSeq: number;
  readonly nextSeq: number;
  readonly times: Float64Array;
  readonly ids: Float64Array;
  readonly dests: Int32Array;
}
