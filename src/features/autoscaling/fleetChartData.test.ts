import { describe, expect, it } from 'vitest';
import { fleetBands, hourTicks, timeTick } from './fleetChartData.ts';

describe('the fleet chart’s data', () => {
  it('stacks ready, starting and draining servers and runs the last row on to now', () => {
    const view = {
      length: 2,
      time: Float64Array.of(0, 15_000),
      inPool: Float64Array.of(2, 2),
      starting: Float64Array.of(0, 3),
      draining: Float64Array.of(1, 0),
      metric: Float64Array.of(NaN, 0.9),
      recommended: Float64Array.of(NaN, 5),
      desired: Float64Array.of(2, 5),
      arrivalsPerSec: Float64Array.of(NaN, 20),
    };
    const b = fleetBands(view, 20_000);
    expect(Array.from(b.x)).toEqual([0, 15, 20]);
    expect(Array.from(b.starting)).toEqual([2, 5, 5]);
    expect(Array.from(b.draining)).toEqual([3, 5, 5]);
    expect(b.peak).toBe(5);
  });

  it('ticks a day at whole hours, and short runs in seconds', () => {
    expect(hourTicks(86_400, 600)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24].map((h) => h * 3600));
    expect(hourTicks(600, 600)).toBeNull();
    expect(timeTick(86_400)(9 * 3600 + 30 * 60)).toBe('9:30');
    expect(timeTick(600)(12.5)).toBe('12.5');
  });
});
