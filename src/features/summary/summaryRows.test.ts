import { describe, expect, it } from 'vitest';
import { summaryRows } from './summaryRows.ts';

describe('summaryRows', () => {
  it('shows every server of a small pool in slot order', () => {
    expect(summaryRows([0.5, 0.1, 0.9], false)).toEqual({
      slots: [0, 1, 2],
      gapAfter: null,
      hidden: 0,
    });
  });

  it('collapses a large pool to the five busiest and five least busy, busiest first', () => {
    const utilization = Array.from({ length: 100 }, (_, i) => ((i * 37) % 100) / 100);
    const rows = summaryRows(utilization, false);
    expect(rows.hidden).toBe(90);
    expect(rows.gapAfter).toBe(4);
    expect(rows.slots.map((s) => utilization[s])).toEqual([
      0.99, 0.98, 0.97, 0.96, 0.95, 0.04, 0.03, 0.02, 0.01, 0,
    ]);
  });

  it('breaks ties in slot order and shows all when asked', () => {
    const rows = summaryRows(new Array<number>(20).fill(0.5), false);
    expect(rows.slots).toEqual([0, 1, 2, 3, 4, 15, 16, 17, 18, 19]);
    expect(summaryRows(new Array<number>(20).fill(0.5), true).slots).toHaveLength(20);
  });
});
