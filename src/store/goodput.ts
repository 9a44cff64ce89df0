import type { OverloadSnapshot, SeriesSnapshot, Snapshot } from '../worker/protocol.ts';

/**
 * Goodput per second, sample by sample: requests served within their deadline. Where the run did
 * not measure it (before any overload mechanism or deadline was on: NaN in the overload series),
 * every request served counted, so goodput is the throughput itself.
 */
export function goodputSeries(
  series: Pick<SeriesSnapshot, 'length' | 'throughputPerSec'>,
  overload: OverloadSnapshot | undefined,
): Float64Array {
  const out = new Float64Array(series.length);
  const good = overload?.series.goodputPerSec;
  for (let i = 0; i < series.length; i++) {
    const g = good?.[i];
    out[i] = g !== undefined && !Number.isNaN(g) ? g : series.throughputPerSec[i]!;
  }
  return out;
}

/**
 * Goodput per second over the last `ms` of simulated time (the samples the snapshot has), or
 * null before the run has any: what "now" means for a figure that is noisy per interval.
 */
export function recentGoodput(snap: Snapshot | null, ms = 5000): number | null {
  if (!snap || snap.series.length === 0) return null;
  const s = snap.series;
  const from = s.time[s.length - 1]! - ms;
  const good = snap.overload?.series.goodputPerSec;
  let sum = 0;
  let n = 0;
  for (let i = s.length - 1; i >= 0 && s.time[i]! > from; i--) {
    const g = good?.[i];
    sum += g !== undefined && !Number.isNaN(g) ? g : s.throughputPerSec[i]!;
    n++;
  }
  return n > 0 ? sum / n : null;
}
