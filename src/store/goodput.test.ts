import { describe, expect, it } from 'vitest';
import type { OverloadSnapshot, Snapshot } from '../worker/protocol.ts';
import { goodputSeries, recentGoodput } from './goodput.ts';

describe('goodput series', () => {
  it('is the throughput where goodput was not measured, the measure where it was', () => {
    const series = { length: 4, throughputPerSec: Float64Array.from([10, 20, 30, 40]) };
    const f = (a: number[]) => Float64Array.from(a);
    const overload = {
      series: {
        length: 4,
        goodputPerSec: f([NaN, NaN, 25, 5]),
        shedPerSec: f([0, 0, 0, 0]),
        limitedPerSec: f([0, 0, 0, 0]),
        throttledPerSec: f([0, 0, 0, 0]),
        hedgesPerSec: f([0, 0, 0, 0]),
      },
    } as unknown as OverloadSnapshot;
    expect(Array.from(goodputSeries(series, overload))).toEqual([10, 20, 25, 5]);
    expect(Array.from(goodputSeries(series, undefined))).toEqual([10, 20, 30, 40]);
  });
});

describe('recent goodput', () => {
  it('averages the last 5 simulated seconds, falling back to throughput where unmeasured', () => {
    const n = 100; // 10 s at 100 ms
    const time = Float64Array.from({ length: n }, (_, i) => (i + 1) * 100);
    const throughputPerSec = new Float64Array(n).fill(50);
    const goodputPerSec = Float64Array.from({ length: n }, (_, i) => (i < 60 ? NaN : 20));
    const snap = {
      series: { length: n, time, throughputPerSec },
      overload: { series: { goodputPerSec } },
    } as unknown as Snapshot;
    // The last 5 s are samples 50..99: ten unmeasured (throughput 50), forty at 20.
    expect(recentGoodput(snap)).toBeCloseTo((10 * 50 + 40 * 20) / 50, 12);
    expect(recentGoodput(null)).toBeNull();
  });
});
