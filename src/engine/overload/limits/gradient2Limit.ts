import type { ConcurrencyLimit, LimitBounds } from './concurrencyLimit.ts';

/** Gradient2Limit's own settings (library defaults in GRADIENT2_DEFAULTS). */
export interface Gradient2Settings extends LimitBounds {
  readonly smoothing: number;
  /** Short RTT may grow to this multiple of the long one before the limit shrinks. */
  readonly rttTolerance: number;
  /** Samples in the long-term average (an exponential average of factor 2 / (n + 1)). */
  readonly longWindow: number;
  /** How much the limit may grow per update while latency holds (the library's fixed 4). */
  readonly queueSize: number;
}

/** The library's Gradient2Limit.Builder defaults. */
export const GRADIENT2_DEFAULTS: Gradient2Settings = {
  initialLimit: 20,
  minLimit: 20,
  maxLimit: 200,
  smoothing: 0.2,
  rttTolerance: 1.5,
  longWindow: 600,
  queueSize: 4,
};

/** The library's ExpAvgMeasurement: a plain mean over the first 10 samples, then an EMA. */
export class ExpAverage {
  value = 0;
  private sum = 0;
  private count = 0;

  constructor(
    private readonly window: number,
    private readonly warmup = 10,
  ) {}

  add(sample: number): number {
    if (this.count < this.warmup) {
      this.count++;
      this.sum += sample;
      this.value = this.sum / this.count;
    } else {
      const factor = 2 / (this.window + 1);
      this.value = this.value * (1 - factor) + sample * factor;
    }
    return this.value;
  }
}

/**
 * Netflix concurrency-limits' Gradient2Limit: compares the latest RTT (short) with a long
 * exponential average (long) instead of a minimum, which bursty RPC latencies bias too low. After
 * each sample: when long / short > 2 (latency just recovered from a long overload) the long average
 * is cut by 5% to catch up; if inflight < limit / 2 nothing changes; otherwise
 *   gradient = clamp(tolerance x long / short, 0.5, 1)
 *   new = limit x gradient + queueSize, smoothed: limit x (1 − smoothing) + new x smoothing
 * clamped to [minLimit, maxLimit].
 */
export class Gradient2Limit implements ConcurrencyLimit {
  estimatedLimit: number;
  readonly longRtt: ExpAverage;

  constructor(private readonly settings: Gradient2Settings) {
    this.estimatedLimit = settings.initialLimit;
    this.longRtt = new ExpAverage(settings.longWindow);
  }

  get limit(): number {
    return Math.trunc(this.estimatedLimit);
  }

  onSample(_startMs: number, rttMs: number, inflight: number, _didDrop: boolean): void {
    const s = this.settings;
    const shortRtt = rttMs;
    const longRtt = this.longRtt.add(rttMs);
    if (longRtt / shortRtt > 2) this.longRtt.value *= 0.95;
    if (inflight < this.estimatedLimit / 2) return;
    const gradient = Math.max(0.5, Math.min(1, (s.rttTolerance * longRtt) / shortRtt));
    let next = this.estimatedLimit * gradient + s.queueSize;
    next = this.estimatedLimit * (1 - s.smoothing) + next * s.smoothing;
    // The library's order: the minimum wins if the bounds cross.
    this.estimatedLimit = Math.max(s.minLimit, Math.min(s.maxLimit, next));
  }
}
