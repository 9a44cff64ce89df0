import { describe, expect, it } from 'vitest';
import { closedLoopMva, saturationPopulation } from './mva.ts';

/**
 * The same network solved without MVA: the product-form stationary distribution of j requests
 * at the station, P(j) ∝ Z^(N−j) / (N−j)! × S^j / Π_{i≤j} min(i, c); then X = E[min(j, c)] / S.
 */
function productForm(n: number, z: number, s: number, c: number) {
  const logW: number[] = [];
  for (let j = 0; j <= n; j++) {
    let lw = 0;
    for (let i = 1; i <= n - j; i++) lw += Math.log(z / i);
    for (let i = 1; i <= j; i++) lw += Math.log(s / Math.min(i, c));
    logW.push(lw);
  }
  const top = Math.max(...logW);
  const w = logW.map((l) => Math.exp(l - top));
  const total = w.reduce((a, b) => a + b, 0);
  let busy = 0;
  let atStation = 0;
  w.forEach((wj, j) => {
    busy += (Math.min(j, c) * wj) / total;
    atStation += (j * wj) / total;
  });
  const xPerMs = busy / s;
  return { throughputPerSec: xPerMs * 1000, responseMs: atStation / xPerMs };
}

describe('closed-loop mean value analysis', () => {
  it('gives the textbook single-server recursion R(n) = S (1 + Q(n − 1))', () => {
    // By hand, S = 100, Z = 900: n = 1: R = 100, X = 1/1000, Q = 0.1;
    // n = 2: R = 110, X = 2/1010, Q = 0.21782; n = 3: R = 121.782, X = 3/1021.782.
    const r = closedLoopMva(3, 900, 100);
    expect(r.responseMs).toBeCloseTo(100 * (1 + (2 / 1010) * 110), 9);
    expect(r.throughputPerSec).toBeCloseTo((3 / (900 + 121.78217821782178)) * 1000, 9);
    expect(closedLoopMva(1, 900, 100).responseMs).toBe(100);
  });

  it('agrees with the product-form solution for one and several places', () => {
    for (const [n, z, s, c] of [
      [10, 1000, 100, 1],
      [40, 500, 100, 1],
      [25, 2000, 400, 4],
      [60, 100, 50, 8],
    ] as const) {
      const mva = closedLoopMva(n, z, s, c);
      const pf = productForm(n, z, s, c);
      expect(mva.throughputPerSec).toBeCloseTo(pf.throughputPerSec, 4);
      expect(mva.responseMs).toBeCloseTo(pf.responseMs, 4);
    }
  });

  it('saturates at N* = (S + Z) / S: below it clients think, above it each adds S', () => {
    expect(saturationPopulation(900, 100)).toBe(10);
    const far = closedLoopMva(60, 900, 100);
    expect(far.throughputPerSec).toBeCloseTo(10, 3); // 1 / S
    expect(far.responseMs).toBeCloseTo(60 * 100 - 900, 0); // N S − Z
    expect(far.utilization).toBeCloseTo(1, 4);
  });

  it('has no requests with no clients, and refuses impossible inputs', () => {
    expect(closedLoopMva(0, 100, 100).throughputPerSec).toBe(0);
    expect(() => closedLoopMva(1.5, 100, 100)).toThrow(RangeError);
    expect(() => closedLoopMva(5, 100, 0)).toThrow(RangeError);
    expect(() => closedLoopMva(5, -1, 100)).toThrow(RangeError);
    expect(() => closedLoopMva(5, 100, 100, 0)).toThrow(RangeError);
  });
});
