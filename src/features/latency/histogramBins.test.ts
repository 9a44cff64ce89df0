import { describe, expect, it } from 'vitest';
import { logFloor, rebinLatency } from './histogramBins.ts';

function buckets(first: number, n: number, ratio = 1.02) {
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lower[i] = first * ratio ** i;
    upper[i] = first * ratio ** (i + 1);
  }
  return { lower, upper };
}

describe('rebinLatency', () => {
  it('keeps every count and merges whole buckets into about 30 bars', () => {
    const { lower, upper } = buckets(1, 323);
    const counts = new Float64Array(323).map((_, i) => i % 7);
    const bins = rebinLatency(lower, upper, counts);
    expect(bins.length).toBeLessThanOrEqual(30);
    expect(bins.length).toBeGreaterThan(20);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(counts.reduce((s, c) => s + c, 0));
    expect(bins[0]!.lower).toBeCloseTo(1);
    for (let i = 1; i < bins.length; i++) expect(bins[i]!.lower).toBeCloseTo(bins[i - 1]!.upper);
  });

  it('gives one bar per bucket when there are few', () => {
    const { lower, upper } = buckets(200, 3);
    const bins = rebinLatency(lower, upper, new Float64Array([1, 0, 4]));
    expect(bins.map((b) => b.count)).toEqual([1, 0, 4]);
  });

  it('draws the underflow bucket below its upper bound and is empty for no data', () => {
    const bins = rebinLatency(
      new Float64Array([0]),
      new Float64Array([0.001]),
      new Float64Array([5]),
    );
    expect(bins[0]!.lower).toBeGreaterThan(0);
    expect(bins[0]!.upper).toBeCloseTo(0.001);
    expect(rebinLatency(new Float64Array(), new Float64Array(), new Float64Array())).toEqual([]);
  });
});

describe('logFloor', () => {
  it('keeps a positive low end and gives 0 ms a place on the log axis', () => {
    expect(logFloor(3, 100)).toBe(3);
    expect(logFloor(0, 5)).toBe(0.05);
    expect(logFloor(0, 0)).toBe(0.01);
    expect(logFloor(Number.NaN, 5)).toBe(0.05);
  });

  it('gives an all-zero histogram (0 ms latencies) a finite, positive axis', () => {
    // The engine's underflow bucket for 0 ms: [0, 0.001).
    const bins = rebinLatency(Float64Array.of(0), Float64Array.of(0.001), Float64Array.of(10));
    const hi = bins[bins.length - 1]!.upper;
    const lo = logFloor(bins[0]!.lower, hi);
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeGreaterThan(lo);
  });
});
