import type { RunMetrics } from '../engine/metrics/runMetrics.ts';
import type { CompareSeries } from './protocol.ts';

/** The series a comparison keeps, named as in RunMetrics. */
const NAMES = [
  'time',
  'p50',
  'p99',
  'throughputPerSec',
  'rejectionsPerSec',
  'failuresPerSec',
  'timeoutsPerSec',
  'retriesPerSec',
  'cacheHitRate',
] as const;
/** Per-second rates: merged points take their mean. */
const RATES = [
  'throughputPerSec',
  'rejectionsPerSec',
  'failuresPerSec',
  'timeoutsPerSec',
  'retriesPerSec',
] as const;
type Name = (typeof NAMES)[number];

/** Series points a comparison sends per strategy; longer runs merge neighbouring intervals. */
export const MAX_POINTS = 600;

/**
 * Copies a run's samples out of the simulation's ring buffers as they close, so a comparison keeps
 * the whole run although the buffers hold only the last few hundred samples. `collect` must be
 * called before the buffers wrap (at least every `historyLength / 2` intervals).
 */
export class SeriesCollector {
  private readonly values = Object.fromEntries(NAMES.map((n) => [n, [] as number[]])) as Record<
    Name,
    number[]
  >;
  private lastTime = -Infinity;

  get length(): number {
    return this.values.time.length;
  }

  /** Takes the samples that closed since the last call. */
  collect(metrics: RunMetrics): void {
    const time = metrics.series.time;
    let first = time.length;
    while (first > 0 && time.get(first - 1) > this.lastTime) first--;
    for (let i = first; i < time.length; i++) {
      for (const name of NAMES) this.values[name].push(metrics.series[name].get(i));
    }
    if (first < time.length) this.lastTime = time.get(time.length - 1);
  }

  /**
   * The collected series, with every `merge` consecutive intervals made one point: the rates per
   * second averaged, the hit rate the mean of the intervals that had look-ups, and p50 / p99 the
   * highest of the merged intervals (a spike stays visible). Groups follow the sample number, so
   * runs with the same sample interval merge the same intervals.
   */
  finish(merge: number, intervalMs: number): CompareSeries {
    const v = this.values;
    const n = v.time.length;
    const groups: number[][] = [];
    let current = NaN;
    for (let i = 0; i < n; i++) {
      const g = Math.floor((Math.round(v.time[i]! / intervalMs) - 1) / merge);
      if (g !== current) groups.push([]);
      current = g;
      groups[groups.length - 1]!.push(i);
    }
    const out = {} as Record<Name, Float64Array>;
    for (const name of NAMES) out[name] = new Float64Array(groups.length);
    groups.forEach((idx, k) => {
      out.time[k] = v.time[idx[idx.length - 1]!]!;
      out.p50[k] = highest(v.p50, idx);
      out.p99[k] = highest(v.p99, idx);
      for (const name of RATES) out[name][k] = mean(v[name], idx);
      out.cacheHitRate[k] = mean(v.cacheHitRate, idx);
    });
    return { length: groups.length, ...out };
  }
}

/** The largest finite value at `idx`, or NaN when there is none. */
function highest(values: readonly number[], idx: readonly number[]): number {
  let best = NaN;
  for (const i of idx) {
    const x = values[i]!;
    if (Number.isFinite(x) && !(x <= best)) best = x;
  }
  return best;
}

/** The mean of the finite values at `idx`, or NaN when there is none. */
function mean(values: readonly number[], idx: readonly number[]): number {
  let sum = 0;
  let k = 0;
  for (const i of idx) {
    const x = values[i]!;
    if (Number.isFinite(x)) {
      sum += x;
      k++;
    }
  }
  return k > 0 ? sum / k : NaN;
}
