import { describe, expect, it } from 'vitest';
import { movingAverage } from './movingAverage.ts';

const avg = (values: number[], window: number) =>
  Array.from(movingAverage(Float64Array.from(values), window));

describe('movingAverage', () => {
  it('averages each value with the ones before it, up to the window', () => {
    expect(avg([0, 10, 20, 30, 40], 2)).toEqual([0, 5, 15, 25, 35]);
    expect(avg([10, 0, 0, 20], 3)).toEqual([10, 5, 10 / 3, 20 / 3]);
  });

  it('passes values through with a window of one (or less)', () => {
    expect(avg([3, 1, 4], 1)).toEqual([3, 1, 4]);
    expect(avg([3, 1, 4], 0)).toEqual([3, 1, 4]);
  });

  it('skips gaps instead of counting them as zero, and is NaN where there is no value', () => {
    expect(avg([NaN, 4, NaN, 8], 2)).toEqual([NaN, 4, 4, 8]);
    expect(avg([NaN, NaN], 3)).toEqual([NaN, NaN]);
  });
});
