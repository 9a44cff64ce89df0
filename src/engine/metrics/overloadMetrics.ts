import { HedgeLedger } from '../overload/hedgeLedger.ts';
import { RingBuffer } from './ringBuffer.ts';

/** Names of the overload time series, one value per sample interval (per simulated second). */
export const OVERLOAD_SERIES = [
  'goodputPerSec',
  'shedPerSec',
  'limitedPerSec',
  'throttledPerSec',
  'hedgesPerSec',
] as const;
export type OverloadSeriesName = (typeof OVERLOAD_SERIES)[number];

/**
 * What overload control measures, beside RunMetrics: rejections by the new reasons, goodput
 * (served within the deadline) and hedges, as counters and as series aligned with the run's
 * other series, and each server's learned limit over time. Nothing is allocated or sampled
 * until a mechanism is switched on (`start`), so runs without one cost nothing more; series
 * started late are padded so that sample i is the same moment in every series.
 */
export class OverloadMetrics {
  shed = 0;
  limited = 0;
  throttled = 0;
  /** Served within the deadline (goodput), and served after it (wasted work). */
  servedInTime = 0;
  servedLate = 0;
  readonly hedges = new HedgeLedger(null);
  /** A request served later than this after it arrived is not goodput (Infinity: no deadline). */
  deadlineMs = Infinity;
  /** The series, once started; null before. */
  series: Record<OverloadSeriesName, RingBuffer> | null = null;
  /** Per server slot: the limiter's limit at each sample (while a limiter runs). */
  readonly limits: RingBuffer[] = [];

  private intervalGood = 0;
  private intervalShed = 0;
  private intervalLimited = 0;
  private intervalThrottled = 0;
  private intervalHedges = 0;

  constructor(readonly historyLength: number) {}

  /** Whether the series are kept (some overload mechanism was switched on). */
  get started(): boolean {
    return this.series !== null;
  }

  /** Starts the series, padded with `samplesSoFar` zeros to line up with the run's others. */
  start(samplesSoFar: number): void {
    if (this.series !== null) return;
    const series = {} as Record<OverloadSeriesName, RingBuffer>;
    // Before the start nothing was shed, limited, throttled or hedged (0); goodput was not
    // measured (NaN: without a deadline it equals throughput, which the page shows instead).
    for (const name of OVERLOAD_SERIES)
      series[name] = padded(this.historyLength, samplesSoFar, name === 'goodputPerSec' ? NaN : 0);
    this.series = series;
  }

  /** A request ended rejected for reason 0 (shed), 1 (limited) or 2 (throttled). */
  onReject(reason: number): void {
    if (reason === 0) this.onShed();
    else if (reason === 1) this.onLimited();
    else this.onThrottled();
  }

  onShed(): void {
    this.shed++;
    this.intervalShed++;
  }

  onLimited(): void {
    this.limited++;
    this.intervalLimited++;
  }

  onThrottled(): void {
    this.throttled++;
    this.intervalThrottled++;
  }

  onHedge(): void {
    this.hedges.sent++;
    this.intervalHedges++;
  }

  /** A request was served `latencyMs` after it arrived. */
  onServed(latencyMs: number): void {
    if (latencyMs <= this.deadlineMs) {
      this.servedInTime++;
      this.intervalGood++;
    } else this.servedLate++;
  }

  /**
   * Closes one sample interval of `intervalMs`; `limitOf(slot)` gives each of `slots` servers'
   * learned limit (NaN where none runs), or is null when no limiter runs.
   */
  sample(intervalMs: number, slots: number, limitOf: ((slot: number) => number) | null): void {
    const s = this.series;
    if (s !== null) {
      const perSec = 1000 / intervalMs;
      s.goodputPerSec.push(this.intervalGood * perSec);
      s.shedPerSec.push(this.intervalShed * perSec);
      s.limitedPerSec.push(this.intervalLimited * perSec);
      s.throttledPerSec.push(this.intervalThrottled * perSec);
      s.hedgesPerSec.push(this.intervalHedges * perSec);
    }
    this.intervalGood = this.intervalShed = this.intervalLimited = 0;
    this.intervalThrottled = this.intervalHedges = 0;
    if (s === null) return;
    if (limitOf === null && this.limits.length === 0) return;
    const samples = s.goodputPerSec.length;
    for (let slot = 0; slot < slots; slot++) {
      // A server's series starts when it is first seen, padded with "no limit" (NaN).
      this.limits[slot] ??= padded(this.historyLength, samples - 1, NaN);
      this.limits[slot]!.push(limitOf === null ? NaN : limitOf(slot));
    }
  }
}

function padded(capacity: number, count: number, value: number): RingBuffer {
  const ring = new RingBuffer(capacity);
  for (let i = 0; i < Math.min(count, capacity); i++) ring.push(value);
  return ring;
}
