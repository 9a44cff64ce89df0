import { describe, expect, it } from 'vitest';
import { integerWeights, listWeights } from './weights.ts';

describe('integerWeights', () => {
  it('keeps the ratios exactly with the smallest whole numbers that fit', () => {
    expect(integerWeights([2, 4, 6], 256)).toEqual({ values: [1, 2, 3], exact: true });
    expect(integerWeights([0.5, 1, 1.5], 256)).toEqual({ values: [1, 2, 3], exact: true });
    expect(integerWeights([1 / 3, 1], 256)).toEqual({ values: [1, 3], exact: true });
    expect(integerWeights([5, 5], 256)).toEqual({ values: [1, 1], exact: true });
    expect(integerWeights([], 256)).toEqual({ values: [], exact: true });
  });

  it('rounds in proportion under the ceiling, never below 1, and says so', () => {
    expect(integerWeights([1, 1000], 256)).toEqual({ values: [1, 256], exact: false });
    expect(integerWeights([300, 600, 0.001], 256)).toEqual({ values: [128, 256, 1], exact: false });
    expect(integerWeights([Math.PI, 1], 1000)).toEqual({ values: [1000, 318], exact: false });
  });

  it('lists weights in words', () => {
    expect(listWeights([1, 2.5, 4])).toBe('1, 2.5 and 4');
    expect(listWeights([1 / 3])).toBe('0.333333');
  });
});
