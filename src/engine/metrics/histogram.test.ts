import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Xoshiro128 } from '../random.ts';
import {
  BucketIndexer,
  bucketIndex,
  bucketIndexByLog,
  HISTOGRAM_MAX_VALUE,
  HISTOGRAM_MIN_VALUE,
  HISTOGRAM_RELATIVE_ERROR,
  LatencyHistogram,
  quantileOfCounts,
  TAIL_QUANTILES,
  tailQuantilesOfCounts,
} from './histogram.ts';

/** Nearest-rank quantile of sorted values, the definition LatencyHistogram.quantile follows. */
function exactQuantile(sorted: readonly number[], q: number): number {
  const rank = Math.max(1, Math.ceil(q * sorted.length - 1e-9));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

function relErr(actual: number, expected: number): number {
  return Math.abs(actual - expected) / expected;
}

const QS = [0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

describe('LatencyHistogram', () => {
  it('bounds the relative error of the bucket midpoint by 1%', () => {
    expect(HISTOGRAM_RELATIVE_ERROR).toBeLessThan(0.01);
    expect(HISTOGRAM_RELATIVE_ERROR).toBeGreaterThan(0.009);
  });

  it('reports zeros when empty', () => {
    const h = new LatencyHistogram();
    expect(h.count).toBe(0);
    expect(h.sum).toBe(0);
    expect(h.mean).toBe(0);
    expect(h.min).toBe(0);
    expect(h.max).toBe(0);
    expect(h.quantile(0.5)).toBe(0);
  });

  it('is within 1% of the exact quantiles of seeded log-normal data, with exact min/max/mean', () => {
    const rng = new Xoshiro128(42);
    const h = new LatencyHistogram();
    const values: number[] = [];
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      // Log-normal around 20 ms via Box-Muller, spanning several decades.
      const z = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
      const v = 20 * Math.exp(1.5 * z);
      values.push(v);
      sum += v;
      h.record(v);
    }
    values.sort((a, b) => a - b);
    expect(h.count).toBe(values.length);
    expect(h.min).toBe(values[0]);
    expect(h.max).toBe(values[values.length - 1]);
    expect(h.sum).toBeCloseTo(sum, 6);
    expect(h.mean).toBeCloseTo(sum / values.length, 9);
    for (const q of QS) {
      expect(relErr(h.quantile(q), exactQuantile(values, q))).toBeLessThanOrEqual(0.01);
    }
    expect(h.quantile(0)).toBe(values[0]);
    expect(h.quantile(1)).toBe(values[values.length - 1]);
  });

  it('is exact for a single repeated value and clamps q', () => {
    const h = new LatencyHistogram();
    for (let i = 0; i < 10; i++) h.record(7.25);
    for (const q of [-1, 0, 0.3, 0.5, 0.99, 1, 2]) expect(h.quantile(q)).toBe(7.25);
  });

  it('follows the nearest-rank definition on small data', () => {
    const h = new LatencyHistogram();
    for (let v = 1; v <= 100; v++) h.record(v);
    expect(relErr(h.quantile(0.07), 7)).toBeLessThan(0.01);
    expect(relErr(h.quantile(0.5), 50)).toBeLessThan(0.01);
    expect(relErr(h.quantile(0.505), 51)).toBeLessThan(0.01);
    expect(h.quantile(0.995)).toBe(100);
  });

  it('handles zero, underflow, negative, NaN and huge values as documented', () => {
    const h = new LatencyHistogram();
    h.record(0);
    h.record(HISTOGRAM_MIN_VALUE / 2);
    h.record(-5); // recorded as 0
    h.record(NaN); // ignored
    expect(h.count).toBe(3);
    expect(h.min).toBe(0);
    expect(h.max).toBe(HISTOGRAM_MIN_VALUE / 2);
    expect(h.countAt(0)).toBe(3);
    expect(h.quantile(0.5)).toBe(0); // underflow reports the exact min

    const big = new LatencyHistogram();
    big.record(1);
    big.record(HISTOGRAM_MAX_VALUE * 1000);
    expect(big.countAt(big.bucketCount - 1)).toBe(1);
    expect(big.max).toBe(HISTOGRAM_MAX_VALUE * 1000);
    expect(big.quantile(1)).toBe(HISTOGRAM_MAX_VALUE * 1000);
    // Just inside the range is still within 1%.
    const edge = new LatencyHistogram();
    for (const v of [1, HISTOGRAM_MAX_VALUE * 0.999, HISTOGRAM_MAX_VALUE * 0.9995]) edge.record(v);
    expect(relErr(edge.quantile(0.5), HISTOGRAM_MAX_VALUE * 0.999)).toBeLessThan(0.01);
  });

  it('recordN equals recording n times', () => {
    const a = new LatencyHistogram();
    const b = new LatencyHistogram();
    a.recordN(3.5, 4);
    a.recordN(100, 2);
    for (let i = 0; i < 4; i++) b.record(3.5);
    for (let i = 0; i < 2; i++) b.record(100);
    expect(a.count).toBe(b.count);
    expect(a.sum).toBe(b.sum);
    expect(Array.from(a.copyCounts())).toEqual(Array.from(b.copyCounts()));
    for (const q of QS) expect(a.quantile(q)).toBe(b.quantile(q));
  });

  it('merging equals recording both streams into one', () => {
    const rng = new Xoshiro128(7);
    const a = new LatencyHistogram();
    const b = new LatencyHistogram();
    const both = new LatencyHistogram();
    for (let i = 0; i < 5000; i++) {
      const v = rng.next() * 50;
      a.record(v);
      both.record(v);
      const w = 100 + rng.next() * 1000;
      b.record(w);
      both.record(w);
    }
    a.mergeFrom(b);
    expect(a.count).toBe(both.count);
    expect(a.sum).toBeCloseTo(both.sum, 6);
    expect(a.min).toBe(both.min);
    expect(a.max).toBe(both.max);
    expect(Array.from(a.copyCounts())).toEqual(Array.from(both.copyCounts()));
    for (const q of QS) expect(a.quantile(q)).toBe(both.quantile(q));
    // Merging an empty histogram changes nothing.
    a.mergeFrom(new LatencyHistogram());
    expect(a.count).toBe(both.count);
    expect(a.min).toBe(both.min);
  });

  it('reset forgets everything', () => {
    const h = new LatencyHistogram();
    h.record(5);
    h.record(500);
    h.reset();
    expect(h.count).toBe(0);
    expect(h.sum).toBe(0);
    expect(h.min).toBe(0);
    expect(h.max).toBe(0);
    expect(h.quantile(0.5)).toBe(0);
    expect(h.copyCounts().every((c) => c === 0)).toBe(true);
    h.record(3);
    expect(h.min).toBe(3);
    expect(h.max).toBe(3);
    expect(h.quantile(0.5)).toBe(3);
  });

  it('exposes a bucket layout a chart can read', () => {
    const h = new LatencyHistogram();
    const n = h.bucketCount;
    expect(n).toBe(LatencyHistogram.bucketCount);
    expect(h.bucketLowerBound(0)).toBe(0);
    expect(h.bucketLowerBound(1)).toBe(HISTOGRAM_MIN_VALUE);
    expect(h.bucketUpperBound(n - 1)).toBeGreaterThanOrEqual(HISTOGRAM_MAX_VALUE);
    for (let i = 1; i < n; i++) {
      expect(h.bucketLowerBound(i)).toBe(h.bucketUpperBound(i - 1));
      const ratio = h.bucketUpperBound(i) / h.bucketLowerBound(i);
      expect(Math.sqrt(ratio) - 1).toBeLessThan(0.01);
    }
    // Each value lands in the bucket whose bounds contain it, even at the exact bounds.
    for (let i = 1; i < n; i += 37) {
      const lo = h.bucketLowerBound(i);
      h.reset();
      h.record(lo);
      expect(h.countAt(i)).toBe(1);
      if (i > 1) {
        h.reset();
        h.record(lo * (1 - 1e-15));
        expect(h.countAt(i - 1)).toBe(1);
      }
    }
    h.reset();
    h.record(12);
    h.record(12);
    const target = new Float64Array(n + 5);
    expect(h.copyCounts(target)).toBe(target);
    const i = target.findIndex((c) => c > 0);
    expect(target[i]).toBe(2);
    expect(h.countAt(i)).toBe(2);
    expect(h.bucketLowerBound(i)).toBeLessThanOrEqual(12);
    expect(h.bucketUpperBound(i)).toBeGreaterThan(12);
    expect(() => h.copyCounts(new Float64Array(3))).toThrow(RangeError);
    expect(() => h.countAt(n)).toThrow(RangeError);
    expect(() => h.bucketLowerBound(-1)).toThrow(RangeError);
  });

  it('property: every quantile is within 1% of the true nearest-rank value and within [min, max]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: HISTOGRAM_MIN_VALUE, max: HISTOGRAM_MAX_VALUE, noNaN: true }), {
          minLength: 1,
          maxLength: 300,
        }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (values, qs) => {
          const h = new LatencyHistogram();
          for (const v of values) h.record(v);
          const sorted = [...values].sort((a, b) => a - b);
          const min = sorted[0]!;
          const max = sorted[sorted.length - 1]!;
          expect(h.min).toBe(min);
          expect(h.max).toBe(max);
          for (const q of [...qs, 0, 0.5, 1]) {
            const got = h.quantile(q);
            expect(got).toBeGreaterThanOrEqual(min);
            expect(got).toBeLessThanOrEqual(max);
            expect(relErr(got, exactQuantile(sorted, q))).toBeLessThanOrEqual(0.01);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('tailQuantilesOfCounts: p50, p90 and p99 in one walk', () => {
  /** What quantileOfCounts gives one by one, for the same counts. */
  function oneByOne(h: LatencyHistogram): number[] {
    const counts = h.copyCounts();
    return TAIL_QUANTILES.map((q) => quantileOfCounts(counts, h.count, h.min, h.max, q));
  }

  function inOneWalk(h: LatencyHistogram): number[] {
    const out = new Float64Array(5).fill(-1);
    tailQuantilesOfCounts(h.copyCounts(), h.count, h.min, h.max, out, 1);
    expect([out[0], out[4]]).toEqual([-1, -1]); // writes its three places and no others
    return [...out.subarray(1, 4)];
  }

  it('gives what three calls of quantileOfCounts give, for any values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: HISTOGRAM_MAX_VALUE, noNaN: true }), {
          minLength: 1,
          maxLength: 400,
        }),
        (values) => {
          const h = new LatencyHistogram();
          for (const v of values) h.record(v);
          expect(inOneWalk(h)).toEqual(oneByOne(h));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports the maximum for ranks at or past the count, and 0 for an empty histogram', () => {
    const h = new LatencyHistogram();
    // Two values: p50's rank is 1 (the lower one's bucket), p90's and p99's are 2 = n (the max).
    h.record(10);
    h.record(500);
    const [p50, p90, p99] = inOneWalk(h);
    expect(p90).toBe(500);
    expect(p99).toBe(500);
    expect(p50).toBeCloseTo(10, -1);
    expect(inOneWalk(h)).toEqual(oneByOne(h));
    const out = new Float64Array(3).fill(-1);
    tailQuantilesOfCounts(new Float64Array(h.bucketCount), 0, Infinity, -Infinity, out, 0);
    expect([...out]).toEqual([0, 0, 0]);
  });
});

describe('bucketIndex without a logarithm', () => {
  /** The double next to `v` in the direction of `dir` (+1 up, -1 down), for positive v. */
  function nextTo(v: number, dir: 1 | -1): number {
    const f = new Float64Array([v]);
    const b = new BigInt64Array(f.buffer);
    b[0] = b[0]! + BigInt(dir);
    return f[0]!;
  }

  it('puts every value in the same bucket as the logarithm does, at and next to every bound (bucketIndex and BucketIndexer)', () => {
    const h = new LatencyHistogram();
    const values = [0, 1e-9, 5e-4, 1e-3, 0.5, 1, 1e9, 1e10, 3e10, Infinity, Number.MAX_VALUE];
    for (let i = 1; i < h.bucketCount; i++) {
      const bound = h.bucketLowerBound(i);
      values.push(bound, nextTo(bound, 1), nextTo(bound, -1));
    }
    // And a spread of values drawn log-uniformly over the whole range.
    let x = 0x9e3779b9;
    for (let k = 0; k < 200_000; k++) {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      values.push(Math.pow(10, -4 + 15 * (x / 4294967296)));
    }
    const indexer = new BucketIndexer();
    const mismatches = values.filter(
      (v) => bucketIndex(v) !== bucketIndexByLog(v) || indexer.of(v) !== bucketIndexByLog(v),
    );
    expect(mismatches).toEqual([]);
  });
});
