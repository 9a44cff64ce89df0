import { describe, expect, it } from 'vitest';
import { Xoshiro128 } from './random.ts';
import { ZIPF_TABLE_MAX_KEYS, ZipfSampler } from './zipf.ts';

/** The exact pmf: p_k ∝ 1/(k+1)^s for k = 0..count-1. */
function pmf(count: number, s: number): number[] {
  const w = Array.from({ length: count }, (_, k) => Math.pow(k + 1, -s));
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
}

function frequencies(count: number, s: number, draws: number, seed: number): number[] {
  const sampler = new ZipfSampler(count, s, new Xoshiro128(seed));
  const counts = new Array<number>(count).fill(0);
  for (let i = 0; i < draws; i++) {
    const k = sampler.sample();
    if (!(Number.isInteger(k) && k >= 0 && k < count)) throw new Error(`sample out of range: ${k}`);
    counts[k]!++;
  }
  return counts;
}

/** Pearson's chi-square statistic of observed counts against the pmf. */
function chiSquare(counts: readonly number[], p: readonly number[], draws: number): number {
  return counts.reduce((sum, c, k) => {
    const expected = draws * p[k]!;
    return sum + ((c - expected) * (c - expected)) / expected;
  }, 0);
}

/** Each key's frequency within 5 standard errors of its probability. */
function expectClose(
  counts: readonly number[],
  p: readonly number[],
  draws: number,
  keys = counts.length,
): void {
  for (let k = 0; k < keys; k++) {
    const se = Math.sqrt((p[k]! * (1 - p[k]!)) / draws);
    expect(Math.abs(counts[k]! / draws - p[k]!), `key ${k}`).toBeLessThan(5 * se + 1e-12);
  }
}

describe('ZipfSampler', () => {
  it('matches the pmf for count 10, s 1.2', () => {
    const draws = 1_000_000;
    const p = pmf(10, 1.2);
    const counts = frequencies(10, 1.2, draws, 1);
    expectClose(counts, p, draws);
    // 9 degrees of freedom: the 99.9th percentile is 27.9.
    expect(chiSquare(counts, p, draws)).toBeLessThan(27.9);
  });

  it('matches the pmf for count 1000, s 1', () => {
    const draws = 2_000_000;
    const p = pmf(1000, 1);
    const counts = frequencies(1000, 1, draws, 2);
    expectClose(counts, p, draws);
    // 999 degrees of freedom: mean 999, standard deviation about 44.7.
    expect(chiSquare(counts, p, draws)).toBeLessThan(999 + 4 * 44.7);
    // The tail as a whole, where single keys are rare.
    const tail = (xs: readonly number[]) => xs.slice(500).reduce((a, b) => a + b, 0);
    expect(tail(counts) / draws).toBeCloseTo(tail(p), 3);
  });

  it('is uniform for s 0', () => {
    const draws = 500_000;
    const counts = frequencies(5, 0, draws, 3);
    expectClose(counts, [0.2, 0.2, 0.2, 0.2, 0.2], draws);
    expect(chiSquare(counts, [0.2, 0.2, 0.2, 0.2, 0.2], draws)).toBeLessThan(18.5);
  });

  it('always returns 0 for a single key', () => {
    const sampler = new ZipfSampler(1, 1.5, new Xoshiro128(4));
    for (let i = 0; i < 1000; i++) expect(sampler.sample()).toBe(0);
  });

  it('handles a billion keys in constant memory', () => {
    const n = 1_000_000_000;
    const draws = 400_000;
    // s = 1: p_0 = 1/H_n, with H_n = ln n + γ + 1/(2n) - ...
    const harmonic = Math.log(n) + 0.5772156649015329 + 1 / (2 * n);
    const sampler = new ZipfSampler(n, 1, new Xoshiro128(5));
    let zeros = 0;
    let max = 0;
    for (let i = 0; i < draws; i++) {
      const k = sampler.sample();
      if (k === 0) zeros++;
      max = Math.max(max, k);
    }
    expect(max).toBeLessThan(n);
    const p0 = 1 / harmonic;
    expect(Math.abs(zeros / draws - p0)).toBeLessThan(5 * Math.sqrt((p0 * (1 - p0)) / draws));
    // P(k >= 1e8) = (H_n - H_1e8)/H_n ≈ ln 10 / H_n ≈ 0.108: the far tail is reached.
    expect(max).toBeGreaterThan(100_000_000);

    // s = 0 over a billion keys: tenths of the range and odd/even keys are equally likely.
    const uniform = new ZipfSampler(n, 0, new Xoshiro128(6));
    const tenths = new Array<number>(10).fill(0);
    let odd = 0;
    for (let i = 0; i < draws; i++) {
      const k = uniform.sample();
      tenths[Math.floor(k / 100_000_000)]!++;
      odd += k % 2;
    }
    expectClose(tenths, new Array<number>(10).fill(0.1), draws);
    expect(Math.abs(odd / draws - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / draws));
  });

  it('is continuous in s around 1 (no cancellation in the helpers)', () => {
    for (const s of [1 - 1e-12, 1 + 1e-12, 1 - 1e-9, 1 + 1e-9]) {
      const a = new ZipfSampler(1000, 1, new Xoshiro128(7));
      const b = new ZipfSampler(1000, s, new Xoshiro128(7));
      let same = 0;
      for (let i = 0; i < 10_000; i++) if (a.sample() === b.sample()) same++;
      expect(same).toBe(10_000);
    }
    // And close to 1 but past the series threshold, still the right distribution.
    const draws = 500_000;
    const counts = frequencies(50, 1 + 1e-7, draws, 8);
    expectClose(counts, pmf(50, 1 + 1e-7), draws);
  });

  it('is deterministic for a seed', () => {
    const run = () => {
      const sampler = new ZipfSampler(10_000, 1.1, new Xoshiro128(9));
      return Array.from({ length: 100 }, () => sampler.sample());
    };
    expect(run()).toEqual(run());
  });

  it('rejects impossible parameters', () => {
    const rng = new Xoshiro128(1);
    expect(() => new ZipfSampler(0, 1, rng)).toThrow(RangeError);
    expect(() => new ZipfSampler(2.5, 1, rng)).toThrow(RangeError);
    expect(() => new ZipfSampler(10, -0.1, rng)).toThrow(RangeError);
    expect(() => new ZipfSampler(10, NaN, rng)).toThrow(RangeError);
    expect(() => new ZipfSampler(10, Infinity, rng)).toThrow(RangeError);
  });
});

describe('ZipfSampler without a table', () => {
  it('matches the pmf just past the table limit, where rejection-inversion takes over', () => {
    const n = ZIPF_TABLE_MAX_KEYS + 1;
    const draws = 400_000;
    const sampler = new ZipfSampler(n, 0.9, new Xoshiro128(10));
    const head = new Array<number>(5).fill(0);
    for (let i = 0; i < draws; i++) {
      const k = sampler.sample();
      if (k < 5) head[k]!++;
    }
    let total = 0;
    for (let k = 0; k < n; k++) total += Math.pow(k + 1, -0.9);
    const p = head.map((_, k) => Math.pow(k + 1, -0.9) / total);
    expectClose(head, p, draws, 5);
  });
});

describe('ZipfSampler.drawsPerKey', () => {
  it('is what a table draw takes, so DeferredKeys can step over owed keys exactly', () => {
    const rng = new Xoshiro128(21);
    const twin = new Xoshiro128(21);
    const sampler = new ZipfSampler(100_000, 0.9, rng);
    expect(sampler.drawsPerKey).toBe(2);
    for (let i = 0; i < 5000; i++) sampler.sample();
    for (let i = 0; i < 5000 * sampler.drawsPerKey; i++) twin.next();
    expect(rng.nextUint32()).toBe(twin.nextUint32());
  });
});
