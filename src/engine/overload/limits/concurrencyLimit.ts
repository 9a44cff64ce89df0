/**
 * A concurrency limit that learns from the requests it lets through, as in Netflix's
 * concurrency-limits library (github.com/Netflix/concurrency-limits, `Limit` and `AbstractLimit`):
 * every request that completes is a sample (when it started, its round-trip time, how many were in
 * flight when it was sent, and whether it was dropped: failed or timed out), and the algorithm
 * moves the limit after each sample. Requests over the limit are rejected at once and are not
 * samples (the library's `createRejectedListener`).
 */
export interface ConcurrencyLimit {
  /** The limit in force: requests in flight allowed at once (an integer). */
  readonly limit: number;
  /**
   * One completed request (the library's `onSample`): sent at `startMs`, answered (or given up on)
   * `rttMs` later, with `inflight` requests in flight when it was sent (itself included); `didDrop`
   * when it failed or timed out.
   */
  onSample(startMs: number, rttMs: number, inflight: number, didDrop: boolean): void;
}

/** The algorithms of the library this playground models, by their class names there. */
export type LimitAlgorithm = 'aimd' | 'gradient' | 'gradient2';

/** The bounds every algorithm shares. */
export interface LimitBounds {
  readonly initialLimit: number;
  readonly minLimit: number;
  readonly maxLimit: number;
}
