import { useState } from 'react';
import { useApp } from './hooks.tsx';
import type { AppState } from './types.ts';

/**
 * A selector for one field of every item of a list in the store (each server's slot, name…) that
 * hands back the same array for as long as the values are equal. Snapshots bring a new list every
 * time, but names and slots seldom change; comparing in one plain loop, once per new list, costs
 * ten thousand servers well under a millisecond, where a shallow compare through iterators, done
 * twice per store update by every subscriber, cost whole frames.
 */
export function columnSelector<I, T>(
  list: (state: AppState) => readonly I[] | undefined,
  pick: (item: I) => T,
): (state: AppState) => readonly T[] {
  let lastList: readonly I[] | undefined;
  let last: readonly T[] = [];
  return (state) => {
    const items = list(state);
    if (items === lastList) return last;
    lastList = items;
    if (!items) return (last = last.length === 0 ? last : []);
    let same = items.length === last.length;
    for (let i = 0; same && i < items.length; i++) same = Object.is(pick(items[i]!), last[i]);
    if (!same) last = items.map(pick);
    return last;
  };
}

/** {@link columnSelector} as a hook, with this component's own memory; `list` and `pick` are read once (pass module-level functions). */
export function useColumn<I, T>(
  list: (state: AppState) => readonly I[] | undefined,
  pick: (item: I) => T,
): readonly T[] {
  const [select] = useState(() => columnSelector(list, pick));
  return useApp(select);
}
