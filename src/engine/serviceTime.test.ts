import { describe, expect, it } from 'vitest';
import { Xoshiro128 } from './random.ts';
import type { ServiceSpec } from './scenario/types.ts';
import { createServiceSampler, meanServiceMs } from './serviceTime.ts';

const DRAWS = 200_000;

function draw(spec: ServiceSpec, seed: number, n = DRAWS): number[] {
  const sampler = createServiceSampler(spec, new Xoshiro128(seed));
  return Array.from({ length: n }, () => sampler.sample());
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('meanServiceMs', () => {
  it('is the exact mean of each distribution', () => {
    expect(meanServiceMs({ distribution: 'uniform', minMs: 200, maxMs: 600 })).toBe(400);
    expect(meanServiceMs({ distribution: 'exponential', meanMs: 250 })).toBe(250);
    expect(meanServiceMs({ distribution: 'constant', ms: 7 })).toBe(7);
    expect(meanServiceMs({ distribution: 'lognormal', medianMs: 100, sigma: 0 })).toBe(100);
    expect(meanServiceMs({ distribution: 'lognormal', medianMs: 100, sigma: 1 })).toBeCloseTo(
      100 * Math.exp(0.5),
      10,
    );
  });
});

describe('createServiceSampler', () => {
  const specs: ServiceSpec[] = [
    { distribution: 'uniform', minMs: 200, maxMs: 600 },
    { distribution: 'uniform', minMs: 0, maxMs: 3_600_000 },
    { distribution: 'exponential', meanMs: 400 },
    { distribution: 'exponential', meanMs: 0.5 },
    { distribution: 'lognormal', medianMs: 300, sigma: 0.5 },
    { distribution: 'lognormal', medianMs: 50, sigma: 1 },
    { distribution: 'constant', ms: 123 },
  ];

  specs.forEach((spec, i) => {
    it(`sample mean of ${JSON.stringify(spec)} is within 2% of meanServiceMs`, () => {
      const xs = draw(spec, 100 + i);
      expect(Math.abs(mean(xs) / meanServiceMs(spec) - 1)).toBeLessThan(0.02);
      for (const x of xs) if (!(x >= 0 && Number.isFinite(x))) throw new Error(`bad sample ${x}`);
    });
  });

  it('uniform stays within [min, max] and fills it', () => {
    const xs = draw({ distribution: 'uniform', minMs: 200, maxMs: 600 }, 1);
    const lo = xs.reduce((a, b) => Math.min(a, b));
    const hi = xs.reduce((a, b) => Math.max(a, b));
    expect(lo).toBeGreaterThanOrEqual(200);
    expect(hi).toBeLessThanOrEqual(600);
    expect(lo).toBeLessThan(201);
    expect(hi).toBeGreaterThan(599);
    // A degenerate range gives its one value.
    expect(new Set(draw({ distribution: 'uniform', minMs: 5, maxMs: 5 }, 2, 100))).toEqual(
      new Set([5]),
    );
  });

  it('constant always returns its value', () => {
    expect(new Set(draw({ distribution: 'constant', ms: 0 }, 3, 1000))).toEqual(new Set([0]));
  });

  it('exponential has standard deviation equal to its mean', () => {
    const xs = draw({ distribution: 'exponential', meanMs: 400 }, 4);
    const m = mean(xs);
    const sd = Math.sqrt(mean(xs.map((x) => (x - m) * (x - m))));
    expect(sd / 400).toBeGreaterThan(0.97);
    expect(sd / 400).toBeLessThan(1.03);
  });

  it('lognormal has the given median, and log-samples with standard deviation sigma', () => {
    const xs = draw({ distribution: 'lognormal', medianMs: 300, sigma: 0.8 }, 5);
    const sorted = [...xs].sort((a, b) => a - b);
    expect(sorted[DRAWS / 2]! / 300).toBeGreaterThan(0.98);
    expect(sorted[DRAWS / 2]! / 300).toBeLessThan(1.02);
    const logs = xs.map((x) => Math.log(x / 300));
    const m = mean(logs);
    expect(Math.abs(m)).toBeLessThan(0.01);
    expect(Math.sqrt(mean(logs.map((l) => (l - m) * (l - m))))).toBeCloseTo(0.8, 2);
    expect(new Set(draw({ distribution: 'lognormal', medianMs: 42, sigma: 0 }, 6, 100))).toEqual(
      new Set([42]),
    );
  });

  it('is deterministic for a seed', () => {
    for (const spec of specs) expect(draw(spec, 7, 50)).toEqual(draw(spec, 7, 50));
  });
});
