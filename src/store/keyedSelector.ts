import type { PlaygroundState } from './hooks.ts';
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
): (state: PlaygroundState) => T | null {
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

/** The key of a time axis: how many samples and when the newest closed. */
export function timeKey(time: Float64Array): string {
  return `${time.length}|${time.length > 0 ? time[time.length - 1] : ''}|${time[0] ?? ''}`;
}
