import { describe, expect, it } from 'vitest';
import { brownWidth } from './calendarWidth.ts';

/** The width for events at `times`, sampled in that order. */
function widthOf(times: number[], oldWidth = 1): number {
  return brownWidth(
    Float64Array.from(times),
    Int32Array.from(times.keys()),
    times.length,
    oldWidth,
  );
}

describe('brownWidth (Brown 1988: three mean gaps, without the outliers)', () => {
  it('leaves out gaps over twice the mean, then takes three times the mean of the rest', () => {
    // Gaps 1, 1, 1, 7: mean 10 / 4 = 2.5, so the 7 is left out; 3 × (3 / 3) = 3.
    expect(widthOf([0, 1, 2, 3, 10])).toBe(3);
    // Gaps 2 and 4: mean 3, both kept; 3 × 3 = 9.
    expect(widthOf([10, 12, 16])).toBe(9);
  });

  it('reads the sample through its node numbers, in the order given', () => {
    const times = Float64Array.from([40, 0, 20, 10]);
    // Nodes 1, 3, 2, 0 are at 0, 10, 20, 40: gaps 10, 10, 20 (mean 13.3, all kept), 3 × 13.3.
    expect(brownWidth(times, Int32Array.from([1, 3, 2, 0]), 4, 1)).toBeCloseTo(40, 12);
  });

  it('keeps the old width when every sampled event is at the same time', () => {
    expect(widthOf([5, 5, 5], 7)).toBe(7);
  });

  it('is never narrower than the times allow days to be numbered exactly', () => {
    // 2^60 + 1 rounds to 2^60: all ties, and a day under 2^20 would be numbered past 2^53.
    expect(widthOf([2 ** 60, 2 ** 60 + 1, 2 ** 60 + 2], 1)).toBe(2 ** 20);
    // Gaps of 2^10 would make a width of 3 × 2^10: too narrow at the last event's magnitude.
    expect(widthOf([2 ** 60, 2 ** 60 + 2 ** 10, 2 ** 60 + 2 ** 11], 1)).toBe(
      (2 ** 60 + 2 ** 11) * 2 ** -40,
    );
  });
});
