import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ExactKeyCounts, keyCounterFor, EXACT_KEY_COUNT_MAX } from './keyCounts.ts';
import { TopKeys } from './topKeys.ts';

describe('ExactKeyCounts', () => {
  it('names the most frequent keys, ties by key, with no error', () => {
    const c = new ExactKeyCounts(10);
    for (const k of [3, 3, 3, 7, 7, 1, 1, 9]) c.add(k);
    expect(c.top(3)).toEqual([
      { key: 3, count: 3, error: 0 },
      { key: 1, count: 2, error: 0 },
      { key: 7, count: 2, error: 0 },
    ]);
  });

  it('agrees with a sort of the true counts (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 400 }),
        fc.integer({ min: 1, max: 12 }),
        (keys, n) => {
          const c = new ExactKeyCounts(31);
          const truth = new Map<number, number>();
          for (const k of keys) {
            c.add(k);
            truth.set(k, (truth.get(k) ?? 0) + 1);
          }
          const expected = [...truth.entries()]
            .sort((a, b) => b[1] - a[1] || a[0] - b[0])
            .slice(0, n)
            .map(([key, count]) => ({ key, count, error: 0 }));
          expect(c.top(n)).toEqual(expected);
        },
      ),
    );
  });

  it('is chosen for small key spaces, Space-Saving for large ones', () => {
    expect(keyCounterFor(1000)).toBeInstanceOf(ExactKeyCounts);
    expect(keyCounterFor(EXACT_KEY_COUNT_MAX + 1)).toBeInstanceOf(TopKeys);
  });
});
