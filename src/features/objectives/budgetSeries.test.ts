import { describe, expect, it } from 'vitest';
import { budgetSeries } from './budgetSeries.ts';

describe('the error budget over time', () => {
  it('has each window’s attainment and the budget left after it, cumulatively', () => {
    const s = budgetSeries(
      { windowMs: 60_000, first: 2, good: [99, 0, 90], ended: [100, 0, 100] },
      0.99,
    );
    expect(Array.from(s.time)).toEqual([180_000, 240_000, 300_000]);
    expect(s.attainment[0]).toBeCloseTo(0.99, 12);
    expect(Number.isNaN(s.attainment[1])).toBe(true);
    // 1 miss of an allowed 1: nothing left; then 11 misses of an allowed 2: overspent 4.5 times.
    expect(s.budgetLeft[0]).toBeCloseTo(0, 12);
    expect(s.budgetLeft[1]).toBeCloseTo(0, 12);
    expect(s.budgetLeft[2]).toBeCloseTo(1 - 11 / 2, 12);
  });
});
