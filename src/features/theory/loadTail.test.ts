import { describe, expect, it } from 'vitest';
import { measuredLoadTail, tailExtent, theoryLoadTail } from './loadTail.ts';

describe('measuredLoadTail', () => {
  // Two servers, three samples: loads (0, 2, 5) and (1, 1, 3).
  const series = {
    length: 3,
    time: new Float64Array([100, 200, 300]),
    active: new Float32Array([0, 1, 1, 1, 1, 1]),
    queued: new Float32Array([0, 1, 4, 0, 0, 2]),
  };

  it('gives the share of server samples with at least k requests', () => {
    const tail = Array.from(measuredLoadTail(series, 4));
    expect(tail).toEqual([1, 5 / 6, 3 / 6, 2 / 6, 1 / 6]);
  });

  it('counts only the samples inside the traffic span', () => {
    // Samples at 200 and 300 ms: loads 2, 5, 1, 3.
    expect(Array.from(measuredLoadTail(series, 3, 100, 300))).toEqual([1, 1, 3 / 4, 2 / 4]);
    expect(measuredLoadTail(series, 3, 300, 400).length).toBe(0);
  });
});

describe('theoryLoadTail and tailExtent', () => {
  it('follows the fixed point and stops where both curves are negligible', () => {
    const t = theoryLoadTail(0.9, 2, 12);
    expect(t[0]).toBe(1);
    expect(t[2]).toBeCloseTo(0.9 ** 3, 12);
    // 0.9^(2^k − 1) drops below 0.002 at k = 6 (0.9^63 ≈ 0.0013).
    expect(tailExtent([t])).toBe(6);
    // A longer measured tail keeps the chart wide enough to show it.
    const measured = new Float64Array(13).fill(0.01);
    expect(tailExtent([t, measured])).toBe(12);
  });
});
