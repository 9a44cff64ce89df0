import { describe, expect, it } from 'vitest';
import { Xoshiro128 } from '../random.ts';
import { bucketIndex, LatencyHistogram } from './histogram.ts';
import { IntervalLatency } from './intervalLatency.ts';

/** p50 / p90 / p99 of `values` as a LatencyHistogram of them reports. */
function histogramQuantiles(values: readonly number[]): number[] {
  const h = new LatencyHistogram();
  for (const v of values) h.record(v);
  return values.length === 0 ? [NaN, NaN, NaN] : [0.5, 0.9, 0.99].map((q) => h.quantile(q));
}

/** Closes one interval of `values` into row `row` and reads its quantiles back. */
function closeAndRead(il: IntervalLatency, values: readonly number[], row: number): number[] {
  for (const v of values) il.record(v, bucketIndex(v));
  const out = new Float64Array(3);
  if (il.close(row, out, 0)) il.resolve(row, out, 0);
  return Array.from(out);
}

describe('IntervalLatency', () => {
  it('reports exactly what a histogram of the interval would, for few and for many values', () => {
    const rng = new Xoshiro128(5);
    const il = new IntervalLatency(4);
    for (const n of [0, 1, 2, 3, 9, 63, 64, 65, 200, 5000]) {
      const values = Array.from({ length: n }, () => -400 * Math.log1p(-rng.next()));
      expect(closeAndRead(il, values, n % 4), `${n} values`).toEqual(histogramQuantiles(values));
    }
  });

  it('keeps a quiet interval for later: its quantiles are computed only when read', () => {
    const il = new IntervalLatency(2);
    const out = new Float64Array(6);
    out.fill(-1);
    for (const v of [100, 300, 200]) il.record(v, bucketIndex(v));
    expect(il.close(0, out, 0)).toBe(true);
    expect(Array.from(out.subarray(0, 3))).toEqual([-1, -1, -1]);
    // A later interval into another row does not disturb the waiting one.
    for (const v of [5, 6]) il.record(v, bucketIndex(v));
    expect(il.close(1, out, 3)).toBe(true);
    il.resolve(0, out, 0);
    il.resolve(1, out, 3);
    expect(Array.from(out)).toEqual([
      ...histogramQuantiles([100, 300, 200]),
      ...histogramQuantiles([5, 6]),
    ]);
  });

  it('resets between intervals: waiting rows and busy intervals each give their own quantiles', () => {
    const il = new IntervalLatency(4);
    const rng = new Xoshiro128(11);
    const draw = (n: number, scale: number) =>
      Array.from({ length: n }, () => -scale * Math.log1p(-rng.next()));
    // Busy intervals count in buckets and track their extremes: the slow one's must not leak
    // into the one after it (300 latencies of 7 ms: every quantile is exactly 7), nor into the
    // waiting rows around them.
    const intervals = [draw(7, 300), draw(500, 9000), new Array<number>(300).fill(7), draw(5, 700)];
    const out = new Float64Array(12);
    const waiting = intervals.map((values, row) => {
      for (const v of values) il.record(v, bucketIndex(v));
      return il.close(row, out, 3 * row);
    });
    expect(waiting).toEqual([true, false, false, true]);
    il.resolve(3, out, 9);
    il.resolve(0, out, 0);
    expect(Array.from(out)).toEqual(intervals.flatMap(histogramQuantiles));
    expect(Array.from(out.subarray(6, 9))).toEqual([7, 7, 7]);
  });

  it('keeps each waiting row its own latencies while the sample table goes round', () => {
    // The table reuses its rows in turn (0, 1, 2, 0, ...), and a row's kept latencies live in a
    // block that changes hands as intervals close: every row must read its latest interval's.
    const il = new IntervalLatency(3);
    const rng = new Xoshiro128(23);
    const out = new Float64Array(9);
    const latest: number[][] = [];
    for (let k = 0; k < 11; k++) {
      const row = k % 3;
      // Every fourth interval is busy (counted in buckets, read at once); the rest wait.
      const values = Array.from({ length: k % 4 === 3 ? 90 : 1 + k }, () => 50 + rng.next() * k);
      for (const v of values) il.record(v, bucketIndex(v));
      const waits = il.close(row, out, 3 * row);
      latest[row] = waits ? values : [];
      if (!waits)
        expect(Array.from(out.subarray(3 * row, 3 * row + 3))).toEqual(histogramQuantiles(values));
    }
    for (let row = 0; row < 3; row++) {
      if (latest[row]!.length === 0) continue;
      il.resolve(row, out, 3 * row);
      const read = Array.from(out.subarray(3 * row, 3 * row + 3));
      expect(read, `row ${row}`).toEqual(histogramQuantiles(latest[row]!));
    }
    // Intervals 9 and 10 (rows 0 and 1) wait; 8 (row 2, 9 values) waits too.
    expect(latest.map((values) => values.length)).toEqual([10, 11, 9]);
  });
});
