import type { Rng } from '../../random.ts';
import type { ConcurrencyLimit, LimitBounds } from './concurrencyLimit.ts';

/** GradientLimit's own settings (library defaults in GRADIENT_DEFAULTS). */
export interface GradientSettings extends LimitBounds {
  /** How much the limit may fall per update when latency rises: 0..1. */
  readonly smoothing: number;
  /** RTT may grow to this multiple of the minimum before the limit shrinks (>= 1). */
  readonly rttTolerance: number;
  /** Multiplier on a drop. */
  readonly backoffRatio: number;
  /** Updates between probes for a new no-load RTT (plus a random share as much again); -1 = never. */
  readonly probeInterval: number;
}

/** The library's GradientLimit.Builder defaults. */
export const GRADIENT_DEFAULTS: GradientSettings = {
  initialLimit: 50,
  minLimit: 1,
  maxLimit: 1000,
  smoothing: 0.2,
  rttTolerance: 2,
  backoffRatio: 0.9,
  probeInterval: 1000,
};

/**
 * The queue the limit may grow by: the library's `SquareRootFunction.create(4)`, max(4, sqrt(limit))
 * with the square root truncated (and at least 1).
 */
export function sqrtQueueSize(limit: number): number {
  return Math.max(4, Math.max(1, Math.floor(Math.sqrt(Math.trunc(limit)))));
}

/**
 * Netflix concurrency-limits' GradientLimit: delay based. It keeps the minimum RTT seen (the
 * "no load" RTT) and after each sample computes gradient = clamp(tolerance x minRtt / rtt, 0.5, 1):
 * 1 while latency stays near the minimum, less as it rises. Then
 *   drop:                  new = limit x backoffRatio
 *   inflight < limit / 2:  no change (the limit is not what holds traffic back)
 *   otherwise:             new = limit x gradient + queueSize
 * a fall is smoothed (limit x (1 − smoothing) + new x smoothing, at least minLimit) and the result
 * kept in [queueSize, maxLimit]. Every `probeInterval` to 2 x `probeInterval` updates it forgets the
 * minimum and restarts from max(minLimit, queueSize), so a minimum measured long ago cannot pin
 * the limit (the countdown's random part draws from the limiter's own stream).
 */
export class GradientLimit implements ConcurrencyLimit {
  /** The estimate, kept as a real number; the limit in force is its integer part. */
  estimatedLimit: number;
  /** The minimum RTT since the last probe; 0 before any. */
  rttNoLoad = 0;
  private resetCountdown: number;

  constructor(
    private readonly settings: GradientSettings,
    private readonly rng: Rng,
  ) {
    this.estimatedLimit = settings.initialLimit;
    this.resetCountdown = this.nextProbeCountdown();
  }

  get limit(): number {
    return Math.trunc(this.estimatedLimit);
  }

  onSample(_startMs: number, rttMs: number, inflight: number, didDrop: boolean): void {
    const s = this.settings;
    const queueSize = sqrtQueueSize(this.estimatedLimit);
    if (s.probeInterval !== -1 && this.resetCountdown-- <= 0) {
      this.resetCountdown = this.nextProbeCountdown();
      this.estimatedLimit = Math.max(s.minLimit, queueSize);
      this.rttNoLoad = 0;
      return;
    }
    if (this.rttNoLoad === 0 || rttMs < this.rttNoLoad) this.rttNoLoad = rttMs;
    const gradient = Math.max(0.5, Math.min(1, (s.rttTolerance * this.rttNoLoad) / rttMs));
    let next: number;
    if (didDrop) next = this.estimatedLimit * s.backoffRatio;
    else if (inflight < this.estimatedLimit / 2) return;
    else next = this.estimatedLimit * gradient + queueSize;
    if (next < this.estimatedLimit)
      next = Math.max(s.minLimit, this.estimatedLimit * (1 - s.smoothing) + s.smoothing * next);
    // The library's order: the queue size wins over a smaller maximum.
    this.estimatedLimit = Math.max(queueSize, Math.min(s.maxLimit, next));
  }

  private nextProbeCountdown(): number {
    const interval = this.settings.probeInterval;
    return interval === -1 ? -1 : interval + this.rng.int(interval);
  }
}
