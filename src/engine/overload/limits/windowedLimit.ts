import type { ConcurrencyLimit } from './concurrencyLimit.ts';

/** WindowedLimit's settings (the library's defaults: 1 s windows of at least 10 samples). */
export interface WindowSettings {
  readonly minWindowMs: number;
  readonly maxWindowMs: number;
  /** Samples a window needs to count. */
  readonly windowSize: number;
  /** Samples with a shorter RTT are ignored (the library's 100 µs). */
  readonly minRttThresholdMs: number;
}

export const WINDOW_DEFAULTS: WindowSettings = {
  minWindowMs: 1000,
  maxWindowMs: 1000,
  windowSize: 10,
  minRttThresholdMs: 0.1,
};

/**
 * Netflix concurrency-limits' WindowedLimit with its default average sample window: samples are
 * gathered into a window (minimum RTT, sum of RTTs, largest inflight, any drop), and when a
 * sample ends after the window's end the window is handed to the delegate as one sample (its mean
 * RTT, largest inflight, whether any dropped), if it holds at least `windowSize` samples. The next
 * window ends max(minWindow, min(maxWindow, 2 x the window's minimum RTT)) later. The README wraps
 * Gradient2Limit in it; so does this playground for both gradient algorithms.
 */
export class WindowedLimit implements ConcurrencyLimit {
  private nextUpdateTime = 0;
  private minRtt = Infinity;
  private sum = 0;
  private maxInFlight = 0;
  private count = 0;
  private didDrop = false;

  constructor(
    private readonly delegate: ConcurrencyLimit,
    private readonly settings: WindowSettings = WINDOW_DEFAULTS,
  ) {}

  get limit(): number {
    return this.delegate.limit;
  }

  onSample(startMs: number, rttMs: number, inflight: number, didDrop: boolean): void {
    const s = this.settings;
    if (rttMs < s.minRttThresholdMs) return;
    this.minRtt = Math.min(this.minRtt, rttMs);
    this.sum += rttMs;
    this.maxInFlight = Math.max(this.maxInFlight, inflight);
    this.count++;
    this.didDrop ||= didDrop;
    const endTime = startMs + rttMs;
    if (endTime <= this.nextUpdateTime) return;
    const { minRtt, sum, maxInFlight, count } = this;
    const dropped = this.didDrop;
    this.minRtt = Infinity;
    this.sum = this.maxInFlight = this.count = 0;
    this.didDrop = false;
    this.nextUpdateTime = endTime + Math.min(Math.max(minRtt * 2, s.minWindowMs), s.maxWindowMs);
    if (count >= s.windowSize) this.delegate.onSample(startMs, sum / count, maxInFlight, dropped);
  }
}
