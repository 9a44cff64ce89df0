import { describe, expect, it } from 'vitest';
import type { OverloadSnapshot } from '../worker/protocol.ts';
import { goodputSeries } from './goodput.ts';

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
