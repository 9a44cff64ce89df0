import type { ConcurrencyLimit, LimitBounds } from './concurrencyLimit.ts';

/** AIMDLimit's own settings (library defaults: back off to 90%, a 5 s RTT counts as a drop). */
export interface AimdSettings extends LimitBounds {
  /** Multiplier on a drop, in [0.5, 1). */
  readonly backoffRatio: number;
  /** An RTT above this counts as a drop. */
  readonly timeoutMs: number;
}

/** The library's AIMDLimit.Builder defaults. */
export const AIMD_DEFAULTS: AimdSettings = {
  initialLimit: 20,
  minLimit: 20,
  maxLimit: 200,
  backoffRatio: 0.9,
  timeoutMs: 5000,
};

/**
 * Netflix concurrency-limits' AIMDLimit: loss based, like TCP Reno's congestion window. After each
 * sample: a drop (or an RTT over the timeout) multiplies the limit by `backoffRatio`, truncated to
 * an integer; otherwise, if the limit was in use (inflight x 2 >= limit), it grows by one; the
 * result is clamped to [minLimit, maxLimit].
 */
export class AimdLimit implements ConcurrencyLimit {
  limit: number;

  constructor(private readonly settings: AimdSettings) {
    this.limit = settings.initialLimit;
  }

  onSample(_startMs: number, rttMs: number, inflight: number, didDrop: boolean): void {
    const s = this.settings;
    let next = this.limit;
    if (didDrop || rttMs > s.timeoutMs) next = Math.trunc(next * s.backoffRatio);
    else if (inflight * 2 >= next) next = next + 1;
    // The library's order: the maximum wins if the bounds cross.
    this.limit = Math.min(s.maxLimit, Math.max(s.minLimit, next));
  }
}
