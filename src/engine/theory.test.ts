import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Xoshiro128 } from './random.ts';
import {
  cheHitRate,
  erlangB,
  mm1,
  mm1SloAttainment,
  supermarketMeanSojourn,
  supermarketTail,
  zipfProbabilities,
} from './theory.ts';

/** Erlang B from its definition, 1/B = Σ_{j=0..c} c!/((c-j)! a^j), as an independent check. */
function erlangBDirect(c: number, a: number): number {
  let inv = 0;
  let term = 1;
  for (let j = 0; j <= c; j++) {
    inv += term;
    term *= (c - j) / a;
  }
  return 1 / inv;
}

/** Hit rate of an exact LRU cache fed `requests` draws from `p`, after a warm-up. */
function simulateLru(p: Float64Array, capacity: number, requests: number, seed: number): number {
  const rng = new Xoshiro128(seed);
  const cdf = new Float64Array(p.length);
  let acc = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = acc += p[i]!;
  const draw = (): number => {
    const u = rng.next() * acc;
    let lo = 0;
    let hi = p.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const cache: number[] = []; // most recently used first
  let hits = 0;
  const warmup = 10_000;
  for (let r = 0; r < warmup + requests; r++) {
    const key = draw();
    const at = cache.indexOf(key);
    if (at >= 0) {
      if (r >= warmup) hits++;
      cache.splice(at, 1);
    } else if (cache.length >= capacity) {
      cache.pop();
    }
    cache.unshift(key);
  }
  return hits / requests;
}

describe('erlangB', () => {
  it('matches known values', () => {
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 12);
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 12);
    expect(erlangB(10, 5)).toBeCloseTo(0.01838, 5); // 0.0183846
    expect(erlangB(0, 3)).toBe(1);
    expect(erlangB(5, 0)).toBe(0);
  });

  it('agrees with the defining formula', () => {
    for (const [c, a] of [
      [3, 2.5],
      [20, 15],
      [50, 60],
      [100, 80],
    ] as const) {
      expect(erlangB(c, a)).toBeCloseTo(erlangBDirect(c, a), 12);
    }
  });

  it('stays finite and accurate for thousands of servers', () => {
    const b = erlangB(5000, 5000);
    expect(Number.isFinite(b)).toBe(true);
    expect(b).toBeCloseTo(erlangBDirect(5000, 5000), 12);
    // Heavy-traffic asymptote B(c, c) ≈ sqrt(2 / (π c)).
    expect(b).toBeGreaterThan(0.9 * Math.sqrt(2 / (Math.PI * 5000)));
    expect(b).toBeLessThan(Math.sqrt(2 / (Math.PI * 5000)));
    expect(erlangB(10_000, 100)).toBe(0);
    expect(erlangB(10, 1e6)).toBeGreaterThan(0.99);
  });

  it('falls with more servers and rises with more load', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0.01, max: 300, noNaN: true }),
        (c, a) => {
          const b = erlangB(c, a);
          expect(b).toBeGreaterThanOrEqual(0); // underflows to 0 for tiny loads on many servers
          expect(b).toBeLessThanOrEqual(1);
          expect(erlangB(c, a * 1.1)).toBeGreaterThanOrEqual(b);
          // Strictly smaller unless the value has underflowed into subnormals.
          if (b > 1e-290) expect(erlangB(c + 1, a)).toBeLessThan(b);
          else expect(erlangB(c + 1, a)).toBeLessThanOrEqual(b);
        },
      ),
    );
  });

  it('rejects invalid arguments', () => {
    expect(() => erlangB(-1, 1)).toThrow(RangeError);
    expect(() => erlangB(1.5, 1)).toThrow(RangeError);
    expect(() => erlangB(3, -1)).toThrow(RangeError);
    expect(() => erlangB(3, NaN)).toThrow(RangeError);
  });
});

describe('mm1', () => {
  it('gives the textbook values', () => {
    const r = mm1(0.5, 1);
    expect(r).not.toBeNull();
    expect(r!.utilization).toBeCloseTo(0.5, 12);
    expect(r!.meanResponseMs).toBeCloseTo(2, 12);
    expect(r!.meanWaitMs).toBeCloseTo(1, 12);
    expect(r!.meanInSystem).toBeCloseTo(1, 12);
    // Little's law: L = λ W.
    const s = mm1(0.08, 0.1)!;
    expect(s.meanInSystem).toBeCloseTo(0.08 * s.meanResponseMs, 9);
    expect(mm1(0, 2)!.meanResponseMs).toBeCloseTo(0.5, 12);
  });

  it('is null when unstable or invalid', () => {
    expect(mm1(1, 1)).toBeNull();
    expect(mm1(2, 1)).toBeNull();
    expect(mm1(0.5, 0)).toBeNull();
    expect(mm1(-1, 1)).toBeNull();
    expect(mm1(NaN, 1)).toBeNull();
  });
});

describe('mm1SloAttainment', () => {
  it('gives the exponential time in system’s share within the threshold, by hand', () => {
    // W = 20 ms (10 ms service at load 0.5): 1 − e^(−50/20) within 50 ms, 1 − e^(−50/200) at
    // load 0.95 (W = 200 ms).
    expect(mm1SloAttainment(50, 20)).toBeCloseTo(0.9179150013761012, 14);
    expect(mm1SloAttainment(50, 200)).toBeCloseTo(0.22119921692859512, 14);
    // The median is W ln 2 and the 99th percentile W ln 100.
    expect(mm1SloAttainment(20 * Math.LN2, 20)).toBeCloseTo(0.5, 12);
    expect(mm1SloAttainment(20 * Math.log(100), 20)).toBeCloseTo(0.99, 12);
    expect(mm1SloAttainment(0, 20)).toBe(0);
    expect(mm1SloAttainment(Infinity, 20)).toBe(1);
  });

  it('takes the mean time in system mm1 gives: P(T ≤ t) = 1 − e^(−(μ − λ)t)', () => {
    const w = mm1(0.08, 0.1)!.meanResponseMs;
    expect(mm1SloAttainment(30, w)).toBeCloseTo(1 - Math.exp(-(0.1 - 0.08) * 30), 12);
  });

  it('rises with the threshold and falls with the mean time in system', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e4, noNaN: true }),
        (a, b, w) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const low = mm1SloAttainment(lo, w);
          expect(low).toBeGreaterThanOrEqual(0);
          expect(mm1SloAttainment(hi, w)).toBeGreaterThanOrEqual(low);
          expect(mm1SloAttainment(lo, w * 2)).toBeLessThanOrEqual(low);
        },
      ),
    );
  });

  it('rejects invalid arguments', () => {
    expect(() => mm1SloAttainment(-1, 20)).toThrow(RangeError);
    expect(() => mm1SloAttainment(NaN, 20)).toThrow(RangeError);
    expect(() => mm1SloAttainment(50, 0)).toThrow(RangeError);
    expect(() => mm1SloAttainment(50, NaN)).toThrow(RangeError);
  });
});

describe('zipfProbabilities', () => {
  it('is uniform for s = 0 and normalized, decreasing otherwise', () => {
    expect(Array.from(zipfProbabilities(4, 0))).toEqual([0.25, 0.25, 0.25, 0.25]);
    const p = zipfProbabilities(1000, 1.2);
    expect(p.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    for (let k = 1; k < p.length; k++) expect(p[k]!).toBeLessThan(p[k - 1]!);
    expect(p[0]! / p[9]!).toBeCloseTo(Math.pow(10, 1.2), 9);
    expect(zipfProbabilities(0, 1).length).toBe(0);
    expect(() => zipfProbabilities(-1, 1)).toThrow(RangeError);
    expect(() => zipfProbabilities(3, -1)).toThrow(RangeError);
  });
});

describe('cheHitRate', () => {
  it('is within 2% of an exact LRU simulation (100 keys, capacity 10, Zipf 0.8)', () => {
    const p = zipfProbabilities(100, 0.8);
    const che = cheHitRate(10, p);
    const simulated = simulateLru(p, 10, 400_000, 99);
    expect(Math.abs(che - simulated) / simulated).toBeLessThan(0.02);
  });

  it('is within 2% of exact LRU on a uniform popularity too', () => {
    const p = zipfProbabilities(50, 0);
    const che = cheHitRate(20, p);
    // Under uniform popularity LRU holds 20 of 50 keys: hit rate 0.4 exactly.
    expect(che).toBeCloseTo(0.4, 9);
  });

  it('solves the characteristic-time equation', () => {
    // With two keys and capacity 1, T solves 2 - e^{-T/4} - e^{-3T/4} = 1.
    const p = new Float64Array([0.25, 0.75]);
    const h = cheHitRate(1, p);
    let lo = 0;
    let hi = 100;
    for (let i = 0; i < 200; i++) {
      const t = (lo + hi) / 2;
      if (2 - Math.exp(-0.25 * t) - Math.exp(-0.75 * t) < 1) lo = t;
      else hi = t;
    }
    const expected = 0.25 * (1 - Math.exp(-0.25 * lo)) + 0.75 * (1 - Math.exp(-0.75 * lo));
    expect(h).toBeCloseTo(expected, 10);
  });

  it('handles edges', () => {
    const p = zipfProbabilities(10, 1);
    expect(cheHitRate(0, p)).toBe(0);
    expect(cheHitRate(-3, p)).toBe(0);
    expect(cheHitRate(10, p)).toBe(1);
    expect(cheHitRate(1000, p)).toBe(1);
    expect(cheHitRate(5, new Float64Array(0))).toBe(0);
    // Keys with zero probability do not take room: 2 requested keys fit in capacity 2.
    expect(cheHitRate(2, new Float64Array([0.5, 0, 0.5, 0]))).toBe(1);
    // Unnormalized weights give the same answer as normalized ones.
    const w = p.map((x) => x * 7);
    expect(cheHitRate(3, w)).toBeCloseTo(cheHitRate(3, p), 12);
    // Nearly full caches still converge.
    const big = zipfProbabilities(10_000, 0.9);
    const nearlyAll = cheHitRate(9_999.5, big);
    expect(nearlyAll).toBeGreaterThan(0.9999);
    expect(nearlyAll).toBeLessThan(1);
  });

  it('grows with capacity', () => {
    const p = zipfProbabilities(500, 0.7);
    let prev = 0;
    for (let c = 1; c < 500; c += 25) {
      const h = cheHitRate(c, p);
      expect(h).toBeGreaterThan(prev);
      prev = h;
    }
  });
});

describe('supermarket model', () => {
  it('reduces to M/M/1 for d = 1', () => {
    for (const lambda of [0.1, 0.5, 0.9, 0.99]) {
      for (let i = 0; i < 6; i++) {
        expect(supermarketTail(lambda, 1, i)).toBeCloseTo(Math.pow(lambda, i), 14);
      }
      expect(supermarketMeanSojourn(lambda, 1)).toBeCloseTo(mm1(lambda, 1)!.meanResponseMs, 10);
    }
  });

  it('matches the fixed point for d ≥ 2', () => {
    expect(supermarketTail(0.9, 2, 0)).toBe(1);
    expect(supermarketTail(0.9, 2, 1)).toBeCloseTo(0.9, 14);
    expect(supermarketTail(0.9, 2, 2)).toBeCloseTo(0.9 ** 3, 14);
    expect(supermarketTail(0.9, 2, 3)).toBeCloseTo(0.9 ** 7, 14);
    expect(supermarketTail(0.9, 3, 3)).toBeCloseTo(0.9 ** 13, 14);
    for (const [lambda, d] of [
      [0.5, 2],
      [0.9, 2],
      [0.99, 2],
      [0.9, 3],
    ] as const) {
      let sum = 0;
      for (let i = 1; i < 200; i++) sum += supermarketTail(lambda, d, i);
      expect(supermarketMeanSojourn(lambda, d)).toBeCloseTo(sum / lambda, 10);
    }
  });

  it('shows the power of two choices', () => {
    // At λ = 0.99 one random queue waits ~100 service times; two choices cut it to a handful.
    expect(supermarketMeanSojourn(0.99, 1)).toBeCloseTo(100, 6);
    const two = supermarketMeanSojourn(0.99, 2);
    expect(two).toBeGreaterThan(5);
    expect(two).toBeLessThan(7);
    expect(supermarketMeanSojourn(0.99, 3)).toBeLessThan(two);
  });

  it('handles edges', () => {
    expect(supermarketMeanSojourn(0, 2)).toBe(1);
    expect(supermarketTail(0, 2, 1)).toBe(0);
    expect(supermarketTail(0, 2, 0)).toBe(1);
    expect(supermarketTail(1, 2, 5)).toBe(1);
    expect(supermarketMeanSojourn(1, 2)).toBe(Infinity);
    expect(supermarketTail(0.9, 2, 2000)).toBe(0);
    expect(() => supermarketTail(-0.1, 2, 1)).toThrow(RangeError);
    expect(() => supermarketTail(0.5, 0.5, 1)).toThrow(RangeError);
    expect(() => supermarketMeanSojourn(NaN, 2)).toThrow(RangeError);
  });
});
