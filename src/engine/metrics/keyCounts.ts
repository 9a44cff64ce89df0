import { TopKeys, type TopKeyEntry } from './topKeys.ts';

/** Key spaces up to this size are counted exactly (4 bytes a key); larger ones by Space-Saving. */
export const EXACT_KEY_COUNT_MAX = 1 << 18;

/** Counts request keys and names the most frequent. */
export interface KeyCounter {
  add(key: number): void;
  /** Up to n keys by count, descending (ties by key); `error` bounds the overcount (0 when exact). */
  top(n: number): TopKeyEntry[];
}

/**
 * Exact counts in a typed array indexed by key: one increment per look-up, which is cheaper than
 * any sketch, and `top` scans the array only when someone asks (a few times a second at most).
 */
export class ExactKeyCounts implements KeyCounter {
  private readonly counts: Uint32Array;

  constructor(keyCount: number) {
    this.counts = new Uint32Array(keyCount);
  }

  add(key: number): void {
    this.counts[key]!++;
  }

  top(n: number): TopKeyEntry[] {
    const counts = this.counts;
    // A small sorted list of the best so far: n is about ten.
    const best: TopKeyEntry[] = [];
    let floor = 0;
    for (let key = 0; key < counts.length; key++) {
      const count = counts[key]!;
      if (count === 0 || (best.length === n && count <= floor)) continue;
      let i = best.length;
      while (i > 0 && best[i - 1]!.count < count) i--;
      best.splice(i, 0, { key, count, error: 0 });
      if (best.length > n) best.pop();
      floor = best.length === n ? best[n - 1]!.count : 0;
    }
    return best;
  }
}

/** The counter that suits a key space of `keyCount` keys. */
export function keyCounterFor(keyCount: number): KeyCounter {
  // 64 Space-Saving counters keep the top ten exact under Zipf-like traffic.
  return keyCount <= EXACT_KEY_COUNT_MAX ? new ExactKeyCounts(keyCount) : new TopKeys(64);
}
