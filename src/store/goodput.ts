import type { OverloadSnapshot, SeriesSnapshot } from '../worker/protocol.ts';

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
