import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Xoshiro128 } from '../random.ts';
import { TopKeys } from './topKeys.ts';

/** Draws from p_k ∝ 1/(k+1)^s over `count` keys by inverse CDF. */
function zipfSampler(count: number, s: number, rng: Xoshiro128): () => number {
  const cdf = new Float64Array(count);
  let total = 0;
  for (let k = 0; k < count; k++) {
    total += 1 / Math.pow(k + 1, s);
    cdf[k] = total;
  }
  return () => {
    const u = rng.next() * total;
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

describe('TopKeys', () => {
  it('counts exactly while there are no more keys than counters', () => {
    const t = new TopKeys(4);
    for (const k of [5, 1, 5, 9, 5, 1]) t.add(k);
    expect(t.size).toBe(3);
    expect(t.total).toBe(6);
    expect(t.top()).toEqual([
      { key: 5, count: 3, error: 0 },
      { key: 1, count: 2, error: 0 },
      { key: 9, count: 1, error: 0 },
    ]);
    expect(t.top(1)).toEqual([{ key: 5, count: 3, error: 0 }]);
    expect(t.top(0)).toEqual([]);
    expect(t.estimate(5)).toBe(3);
    expect(t.estimate(42)).toBe(0);
  });

  it('replaces the smallest counter and carries its count as error', () => {
    const t = new TopKeys(2);
    t.add(1);
    t.add(1);
    t.add(2);
    t.add(3); // evicts 2 (count 1): 3 gets count 2, error 1
    expect(t.top()).toEqual([
      { key: 1, count: 2, error: 0 },
      { key: 3, count: 2, error: 1 },
    ]);
    expect(t.estimate(2)).toBe(0);
  });

  it.each([
    // k counters, how many of the true top keys it must rank exactly
    { k: 64, exact: 10 },
    // With only 32 counters the heavy tail of 10,000 keys churns the low counters; the keys
    // above n/k (the first 4 here) are still guaranteed and ranked right.
    { k: 32, exact: 4 },
  ])(
    'finds the true top keys of a Zipf stream (k = $k), overestimating by at most `error`',
    ({ k, exact }) => {
      const rng = new Xoshiro128(2024);
      const draw = zipfSampler(10_000, 1.1, rng);
      const t = new TopKeys(k);
      const truth = new Map<number, number>();
      const n = 200_000;
      for (let i = 0; i < n; i++) {
        const key = draw();
        t.add(key);
        truth.set(key, (truth.get(key) ?? 0) + 1);
      }
      expect(t.total).toBe(n);
      const trueTop = [...truth.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      expect(t.top(exact).map((e) => e.key)).toEqual(trueTop.slice(0, exact).map(([key]) => key));
      for (const e of t.top()) {
        const real = truth.get(e.key) ?? 0;
        expect(e.count).toBeGreaterThanOrEqual(real);
        expect(e.count - e.error).toBeLessThanOrEqual(real);
      }
      // Every key more frequent than n/k is tracked.
      const tracked = new Set(t.top().map((e) => e.key));
      for (const [key, c] of trueTop) if (c > n / k) expect(tracked.has(key)).toBe(true);
    },
  );

  it('reset forgets every key', () => {
    const t = new TopKeys(3);
    for (let k = 0; k < 10; k++) t.add(k);
    t.reset();
    expect(t.size).toBe(0);
    expect(t.total).toBe(0);
    expect(t.top()).toEqual([]);
    t.add(7);
    expect(t.top()).toEqual([{ key: 7, count: 1, error: 0 }]);
  });

  it('rejects a non-positive k', () => {
    expect(() => new TopKeys(0)).toThrow(RangeError);
  });

  it('property: the Space-Saving guarantees hold on any stream', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 300 }),
        (k, stream) => {
          const t = new TopKeys(k);
          const truth = new Map<number, number>();
          for (const key of stream) {
            t.add(key);
            truth.set(key, (truth.get(key) ?? 0) + 1);
          }
          const top = t.top();
          expect(top.length).toBe(Math.min(k, truth.size));
          // Counters always sum to the stream length.
          expect(top.reduce((s, e) => s + e.count, 0)).toBe(stream.length);
          for (let i = 1; i < top.length; i++) {
            expect(top[i - 1]!.count).toBeGreaterThanOrEqual(top[i]!.count);
          }
          const minCount = top.length === k ? top[top.length - 1]!.count : 0;
          for (const e of top) {
            const real = truth.get(e.key) ?? 0;
            expect(e.count).toBeGreaterThanOrEqual(real);
            expect(e.count - e.error).toBeLessThanOrEqual(real);
          }
          // An untracked key occurred at most minCount times.
          const tracked = new Set(top.map((e) => e.key));
          for (const [key, c] of truth)
            if (!tracked.has(key)) expect(c).toBeLessThanOrEqual(minCount);
        },
      ),
    );
  });
});
