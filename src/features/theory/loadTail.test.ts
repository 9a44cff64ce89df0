import { describe, expect, it } from 'vitest';
import { LoadTailTally, measuredLoadTail, tailExtent, theoryLoadTail } from './loadTail.ts';

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

describe('LoadTailTally', () => {
  /** One server's samples (active only) at the given times. */
  const window = (times: number[], loads: number[]) => ({
    length: times.length,
    time: Float64Array.from(times),
    active: Float32Array.from(loads),
    queued: new Float32Array(loads.length),
  });

  it('keeps the traffic period’s curve after its samples leave the snapshot’s window', () => {
    const tally = new LoadTailTally(3);
    // Traffic from 0 to 300 ms; the window then slides past it.
    expect(tally.add(window([100, 200, 300], [2, 1, 0]), 0, 300)).toBe(true);
    const during = Array.from(tally.tail());
    expect(during).toEqual([1, 2 / 3, 1 / 3, 0]);
    expect(tally.add(window([200, 300, 400], [1, 0, 0]), 0, 300)).toBe(false);
    expect(tally.add(window([500, 600, 700], [0, 0, 0]), 0, 300)).toBe(false);
    expect(Array.from(tally.tail())).toEqual(during);
    expect(tally.intervals).toBe(3);
  });

  it('counts each sample once, and starts over for a new run or another traffic span', () => {
    const tally = new LoadTailTally(3);
    tally.add(window([100, 200], [3, 3]), 0, 1000);
    tally.add(window([100, 200, 300], [3, 3, 0]), 0, 1000);
    expect(Array.from(tally.tail())).toEqual([1, 2 / 3, 2 / 3, 2 / 3]);
    tally.add(window([100], [1]), 0, 1000); // time went back: a new run
    expect(Array.from(tally.tail())).toEqual([1, 1, 0, 0]);
    tally.add(window([100, 200], [0, 2]), 0, 150); // another span
    expect(Array.from(tally.tail())).toEqual([1, 0, 0, 0]);
    expect(new LoadTailTally(3).tail().length).toBe(0);
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
