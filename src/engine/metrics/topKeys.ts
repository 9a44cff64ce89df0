import { IntMap } from '../intMap.ts';

/**
 * Heavy hitters among request keys in O(k) memory: the Space-Saving algorithm (Metwally, Agrawal
 * & El Abbadi, "Efficient Computation of Frequent and Top-k Elements in Data Streams", 2005).
 * Each of k counters holds a key, its count and an error bound; an untracked key takes over the
 * smallest counter, inheriting its count as error. For every tracked key,
 * count - error ≤ true count ≤ count, and any key whose true frequency exceeds total / k is
 * guaranteed to be tracked.
 *
 * The counters sit in typed arrays at stable slots; an IntMap (typed-array hash map) finds a key's slot and a binary min-heap
 * of slots (ordered by count) finds the counter to replace. add() of a tracked key is one hash
 * lookup plus a sift-down that is usually empty; an untracked key costs O(log k). No allocation
 * per add.
 */

/** One tracked key: `count` overestimates the true count by at most `error`. */
export interface TopKeyEntry {
  readonly key: number;
  readonly count: number;
  readonly error: number;
}

/** Space-Saving summary of the k most frequent integer keys. */
export class TopKeys {
  private readonly keys: Float64Array;
  private readonly counts: Float64Array;
  private readonly errors: Float64Array;
  /** heap[h] is a slot; the heap is ordered by counts[slot], smallest at the root. */
  private readonly heap: Int32Array;
  /** pos[slot] is the slot's index in heap. */
  private readonly pos: Int32Array;
  private readonly slotOf: IntMap;
  private used = 0;
  private adds = 0;

  /** `k` (default 32) is the number of counters, a positive integer. */
  constructor(k = 32) {
    if (!(Number.isInteger(k) && k > 0)) {
      throw new RangeError(`TopKeys k must be a positive integer, got ${k}`);
    }
    this.slotOf = new IntMap(k);
    this.keys = new Float64Array(k);
    this.counts = new Float64Array(k);
    this.errors = new Float64Array(k);
    this.heap = new Int32Array(k);
    this.pos = new Int32Array(k);
  }

  /** Number of counters. */
  get capacity(): number {
    return this.keys.length;
  }

  /** Number of keys tracked now (≤ capacity). */
  get size(): number {
    return this.used;
  }

  /** Number of add() calls since construction or reset. */
  get total(): number {
    return this.adds;
  }

  /** Counts one occurrence of `key`. */
  add(key: number): void {
    this.adds++;
    const slot = this.slotOf.get(key);
    if (slot !== -1) {
      this.counts[slot]!++;
      this.siftDown(this.pos[slot]!);
      return;
    }
    if (this.used < this.keys.length) {
      const s = this.used++;
      this.keys[s] = key;
      this.counts[s] = 1;
      this.errors[s] = 0;
      this.slotOf.set(key, s);
      // Place the new slot at the end of the heap; a count of 1 is the smallest possible, so it
      // sifts up past any larger counts.
      this.heap[s] = s;
      this.pos[s] = s;
      this.siftUp(s);
      return;
    }
    const s = this.heap[0]!;
    const floor = this.counts[s]!;
    this.slotOf.delete(this.keys[s]!);
    this.keys[s] = key;
    this.counts[s] = floor + 1;
    this.errors[s] = floor;
    this.slotOf.set(key, s);
    this.siftDown(0);
  }

  /**
   * The estimated count of `key`: its counter if tracked (an overestimate by at most its error),
   * otherwise 0 (its true count is then at most the smallest counter).
   */
  estimate(key: number): number {
    const slot = this.slotOf.get(key);
    return slot === -1 ? 0 : this.counts[slot]!;
  }

  /** Up to n (default all) tracked keys, by count descending, ties by key ascending. */
  top(n = this.keys.length): TopKeyEntry[] {
    const out: TopKeyEntry[] = [];
    for (let s = 0; s < this.used; s++) {
      out.push({ key: this.keys[s]!, count: this.counts[s]!, error: this.errors[s]! });
    }
    out.sort((a, b) => b.count - a.count || a.key - b.key);
    if (n < out.length) out.length = Math.max(0, Math.floor(n));
    return out;
  }

  /** Forgets every key. */
  reset(): void {
    this.slotOf.clear();
    this.used = 0;
    this.adds = 0;
  }

  private siftDown(h: number): void {
    const heap = this.heap;
    const counts = this.counts;
    const pos = this.pos;
    const n = this.used;
    const slot = heap[h]!;
    const c = counts[slot]!;
    for (;;) {
      const l = 2 * h + 1;
      if (l >= n) break;
      let child = l;
      let childCount = counts[heap[l]!]!;
      const r = l + 1;
      if (r < n) {
        const rc = counts[heap[r]!]!;
        if (rc < childCount) {
          child = r;
          childCount = rc;
        }
      }
      if (childCount >= c) break;
      const cs = heap[child]!;
      heap[h] = cs;
      pos[cs] = h;
      h = child;
    }
    heap[h] = slot;
    pos[slot] = h;
  }

  private siftUp(h: number): void {
    const heap = this.heap;
    const counts = this.counts;
    const pos = this.pos;
    const slot = heap[h]!;
    const c = counts[slot]!;
    while (h > 0) {
      const p = (h - 1) >> 1;
      const ps = heap[p]!;
      if (counts[ps]! <= c) break;
      heap[h] = ps;
      pos[ps] = h;
      h = p;
    }
    heap[h] = slot;
    pos[slot] = h;
  }
}
