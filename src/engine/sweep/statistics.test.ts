import { describe, expect, it } from 'vitest';
import { meanCi95, tQuantile975 } from './statistics.ts';

/** ln Γ(x) by the Lanczos approximation (g = 7, n = 9), accurate to ~1e-15 for x > 0.5. */
function lnGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** P(T <= t) for Student's t with df degrees of freedom, by Simpson's rule on the density. */
function tCdf(t: number, df: number): number {
  const logC = lnGamma((df + 1) / 2) - lnGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  const f = (x: number) => Math.exp(logC - ((df + 1) / 2) * Math.log1p((x * x) / df));
  const n = 20_000;
  const h = t / n;
  let sum = f(0) + f(t);
  for (let i = 1; i < n; i++) sum += f(i * h) * (i % 2 === 1 ? 4 : 2);
  return 0.5 + (sum * h) / 3;
}

describe("Student's t quantiles", () => {
  it('the table and its expansion put 97.5% of the distribution below the value', () => {
    for (const df of [1, 2, 3, 4, 5, 9, 10, 19, 29, 30, 31, 45, 60, 120, 500]) {
      expect(Math.abs(tCdf(tQuantile975(df), df) - 0.975)).toBeLessThan(1e-8);
    }
  });

  it('falls towards the normal quantile 1.96 as df grows, and agrees with printed tables', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706, 3);
    expect(tQuantile975(4)).toBeCloseTo(2.776, 3);
    expect(tQuantile975(30)).toBeCloseTo(2.042, 3);
    expect(tQuantile975(120)).toBeCloseTo(1.98, 3);
    expect(tQuantile975(1e6)).toBeCloseTo(1.96, 3);
    for (let df = 2; df <= 200; df++) {
      expect(tQuantile975(df)).toBeLessThan(tQuantile975(df - 1));
    }
  });

  it('refuses degrees of freedom that are not positive integers', () => {
    expect(() => tQuantile975(0)).toThrow(RangeError);
    expect(() => tQuantile975(2.5)).toThrow(RangeError);
  });
});

describe('mean and 95% confidence interval', () => {
  it('matches a hand-computed example', () => {
    // 10, 12, 14, 16, 18: mean 14; squared deviations 16 + 4 + 0 + 4 + 16 = 40, so s² = 40/4 = 10
    // and s/√n = √(10/5) = √2; t(0.975, 4) = 2.776445, half-width 2.776445 · √2 = 3.926486.
    const { n, mean, ci95 } = meanCi95([10, 12, 14, 16, 18]);
    expect(n).toBe(5);
    expect(mean).toBe(14);
    expect(ci95![0]).toBeCloseTo(10.073514, 6);
    expect(ci95![1]).toBeCloseTo(17.926486, 6);
  });

  it('with two values: mean ± 12.706 · |a − b| / 2', () => {
    const { mean, ci95 } = meanCi95([1, 3]);
    expect(mean).toBe(2);
    // s = √2, s/√2 = 1.
    expect(ci95![1] - 2).toBeCloseTo(12.706205, 6);
  });

  it('has no interval for one value and nothing for none; nulls are left out', () => {
    expect(meanCi95([5])).toEqual({ n: 1, mean: 5, ci95: null });
    expect(meanCi95([])).toEqual({ n: 0, mean: null, ci95: null });
    expect(meanCi95([null, null])).toEqual({ n: 0, mean: null, ci95: null });
    expect(meanCi95([10, null, 12, 14, null, 16, 18])).toEqual(meanCi95([10, 12, 14, 16, 18]));
  });

  it('is a point when every replication agrees', () => {
    expect(meanCi95([7, 7, 7])).toEqual({ n: 3, mean: 7, ci95: [7, 7] });
  });
});
