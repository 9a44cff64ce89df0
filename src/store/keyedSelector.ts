import { useState } from 'react';
import { useApp } from './hooks.tsx';
import type { AppState } from './types.ts';
import type { Snapshot } from '../worker/protocol.ts';

/**
 * A store selector that derives a value from the snapshot and hands back the same object for as
 * long as `keyOf` gives the same key. Snapshots arrive up to 60 times a second with fresh typed
 * arrays, but a series only changes when a sample closes (every 100 ms by default), so charts
 * keyed on "length and last sample time" rebuild their paths at the sample rate, not per frame.
 * The returned value is also stable when nothing changed, as zustand requires of a selector.
 */
export function keyedSelector<T>(
  keyOf: (snap: Snapshot) => string,
  derive: (snap: Snapshot) => T,
): (state: AppState) => T | null {
  let lastKey: string | null = null;
  let last: T | null = null;
  return (state) => {
    const snap = state.snapshot;
    if (!snap) {
      lastKey = null;
      last = null;
      return null;
    }
    const key = keyOf(snap);
    if (key !== lastKey) {
      lastKey = key;
      last = derive(snap);
    }
    return last;
  };
}

/** A value derived from the snapshot, and the key that says when it must be derived again. */
export interface KeyedDerivation<T> {
  readonly keyOf: (snap: Snapshot) => string;
  readonly derive: (snap: Snapshot) => T;
}

/** Declares a derivation for {@link useKeyedSnapshot} (plain functions: no memory of its own). */
export function keyed<T>(
  keyOf: (snap: Snapshot) => string,
  derive: (snap: Snapshot) => T,
): KeyedDerivation<T> {
  return { keyOf, derive };
}

/**
 * A value derived from the snapshot (see keyedSelector), remembered per component: each use gets
 * its own memory, so two panels never evict each other's value and nothing lives at module level.
 */
export function useKeyedSnapshot<T>(spec: KeyedDerivation<T>): T | null {
  const [select] = useState(() => keyedSelector(spec.keyOf, spec.derive));
  return useApp(select);
}

/** The key of a time axis: how many samples and when the newest closed. */
export function timeKey(time: Float64Array): string {
  return `${time.length}|${time.length > 0 ? time[time.length - 1] : ''}|${time[0] ?? ''}`;
}
