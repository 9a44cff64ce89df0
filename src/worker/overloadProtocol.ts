/**
 * The overload-control part of the page/worker contract (issue 15): types only, like protocol.ts,
 * which includes it in every snapshot once a mechanism was on.
 */
import type { ContentionSpec, SheddingSpec } from '../engine/overload/specs.ts';

/** Overload control's commands (in SimCommand). */
export type OverloadCommand =
  /** How every server sheds load from its queue. */
  | { readonly type: 'setShedding'; readonly shedding: SheddingSpec }
  /** How every server's service time grows with its concurrency. */
  | { readonly type: 'setContention'; readonly contention: ContentionSpec }
  /** A closed-loop population from now on: `clients` (0 stops it) thinking `thinkMs`. */
  | { readonly type: 'setPopulation'; readonly clients: number; readonly thinkMs: number };

/**
 * Overload control's figures (issue 15), in a snapshot once any of its mechanisms was on: series
 * aligned with `Snapshot.series` (goodput NaN before it was measured), and each server's learned
 * limit, aligned with `serverSeries` (NaN where no limiter ran).
 */
export interface OverloadSnapshot {
  readonly series: {
    readonly length: number;
    readonly goodputPerSec: Float64Array;
    readonly shedPerSec: Float64Array;
    readonly limitedPerSec: Float64Array;
    readonly throttledPerSec: Float64Array;
    readonly hedgesPerSec: Float64Array;
  };
  /** servers.length rows of `serverSeries.length` limits each; null when no limiter ever ran. */
  readonly limits: Float32Array | null;
  /** The limit in force now per server, in `servers` order (NaN: no limiter). */
  readonly limitNow: readonly number[];
  /** Attempts holding a place under each server's limit now, in `servers` order. */
  readonly limitInflight: readonly number[];
  /** The probability the client throttle rejects a request now, or null when it is off. */
  readonly throttleProbability: number | null;
  /** Closed-loop clients waiting for an answer now. */
  readonly clientsWaiting: number;
}
