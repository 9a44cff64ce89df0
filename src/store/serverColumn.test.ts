import { describe, expect, it } from 'vitest';
import type { AppState } from './types.ts';
import { columnSelector } from './serverColumn.ts';

type Item = { slot: number; name: string; active: number };
const state = (servers: Item[] | undefined) => ({ servers }) as unknown as AppState;
const servers = (s: AppState) => (s as unknown as { servers?: Item[] }).servers;

describe('columnSelector', () => {
  it('keeps the same array while the column’s values are unchanged', () => {
    const select = columnSelector(servers, (v: Item) => v.name);
    const a = select(state([{ slot: 0, name: 'A', active: 1 }]));
    expect(a).toEqual(['A']);
    // A new snapshot with new objects but the same names: the same array, so nobody re-renders.
    expect(select(state([{ slot: 0, name: 'A', active: 2 }]))).toBe(a);
    const b = select(state([{ slot: 0, name: 'B', active: 2 }]));
    expect(b).toEqual(['B']);
    expect(b).not.toBe(a);
    expect(select(state(undefined))).toEqual([]);
  });
});
