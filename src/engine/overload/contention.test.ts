import { describe, expect, it } from 'vitest';
import { contentionFactor, peakConcurrency, relativeThroughput } from './contention.ts';

const off = { model: 'off', alpha: 0.5, beta: 0.1 } as const;
const linear = { model: 'linear', alpha: 0.1, beta: 0.5 } as const;
const usl = { model: 'usl', alpha: 0.1, beta: 0.01 } as const;

describe('contentionFactor', () => {
  it('is 1 when off or alone, whatever the coefficients', () => {
    expect(contentionFactor(off, 10)).toBe(1);
    expect(contentionFactor(linear, 1)).toBe(1);
    expect(contentionFactor(usl, 1)).toBe(1);
  });

  it('grows by alpha per other request in the linear model, ignoring beta', () => {
    // s x (1 + 0.1 x (5 - 1)) = 1.4 s
    expect(contentionFactor(linear, 5)).toBeCloseTo(1.4, 12);
  });

  it('adds beta x N x (N - 1) in the USL', () => {
    // 1 + 0.1 x 4 + 0.01 x 5 x 4 = 1.6
    expect(contentionFactor(usl, 5)).toBeCloseTo(1.6, 12);
  });
});

describe('USL throughput', () => {
  it('peaks at sqrt((1 - alpha) / beta) and falls after it', () => {
    const peak = peakConcurrency(usl);
    expect(peak).toBeCloseTo(Math.sqrt(90), 12);
    const at = (n: number) => relativeThroughput(usl, n);
    expect(at(9)).toBeGreaterThan(at(5));
    expect(at(10)).toBeGreaterThan(at(20));
    expect(at(9)).toBeGreaterThan(at(12));
  });

  it('never peaks without coherency cost', () => {
    expect(peakConcurrency(linear)).toBe(Infinity);
    expect(relativeThroughput(linear, 0)).toBe(0);
    // 10 / (1 + 0.9) rises towards 1 / alpha = 10.
    expect(relativeThroughput(linear, 10)).toBeCloseTo(10 / 1.9, 12);
  });
});
