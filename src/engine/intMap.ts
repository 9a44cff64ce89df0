/**
 * A hash map from non-negative 32-bit integer keys to integer values, by open addressing with
 * linear probing in typed arrays and backward-shift deletion (no tombstones). The cache and the
 * hot-key counter look keys up on every request; a JS Map costs several times more per call there.
 * The table is kept at most a quarter full: at a half, probe runs and the shifts of an LRU's
 * eviction on every miss cost the live large-pool session 1.7% more instructions per request (the
 * scratch count of SimSession.advance under valgrind: 6,052 against 5,948), for twice the memory.
 */
export class IntMap {
  /**
   * Entry i's key at 2i (-1 when empty) and its value at 2i + 1: a look-up that finds its key
   * reads the value from the same cache line.
   */
  private entries: Int32Array;
  private mask: number;
  private shift: number;
  private count = 0;

  constructor(expectedSize = 16) {
    let cap = 16;
    while (cap < expectedSize * 4) cap *= 2;
    this.entries = IntMap.empty(cap);
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
  }

  get size(): number {
    return this.count;
  }

  /** Memory the table takes now. */
  get byteLength(): number {
    return this.entries.byteLength;
  }

  /** The value for `key`, or -1 when absent. */
  get(key: number): number {
    const e = this.entries;
    for (let i = this.home(key); ; i = (i + 1) & this.mask) {
      const k = e[2 * i]!;
      if (k === key) return e[2 * i + 1]!;
      if (k === -1) return -1;
    }
  }

  set(key: number, value: number): void {
    const i = this.place(key);
    const e = this.entries;
    e[2 * i + 1] = value;
    if (e[2 * i] === key) return;
    e[2 * i] = key;
    if (++this.count * 8 > e.length) this.grow();
  }

  /**
   * The value of `key` if present; otherwise adds `key` with `value` and returns -1, in one probe.
   * It does not grow the table: a caller that adds this way must delete another key right after
   * (an LRU cache's eviction), so the map holds one entry more only for that moment.
   */
  getOrAdd(key: number, value: number): number {
    const i = this.place(key);
    const e = this.entries;
    if (e[2 * i] === key) return e[2 * i + 1]!;
    e[2 * i] = key;
    e[2 * i + 1] = value;
    this.count++;
    return -1;
  }

  /** The entry holding `key`, or the empty one where it would go (a key set or added checked). */
  private place(key: number): number {
    if (key < 0 || key > 0x7fffffff || !Number.isInteger(key))
      throw new RangeError(`IntMap key out of range: ${key}`);
    const e = this.entries;
    let i = this.home(key);
    while (e[2 * i] !== key && e[2 * i] !== -1) i = (i + 1) & this.mask;
    return i;
  }

  /** Removes `key`; returns whether it was there. */
  delete(key: number): boolean {
    const e = this.entries;
    const mask = this.mask;
    let i = this.home(key);
    for (; ; i = (i + 1) & mask) {
      const k = e[2 * i]!;
      if (k === key) break;
      if (k === -1) return false;
    }
    // Shift later entries of the probe run back so lookups never stop at a false gap.
    let gap = i;
    for (let j = (i + 1) & mask; ; j = (j + 1) & mask) {
      const k = e[2 * j]!;
      if (k === -1) break;
      const h = this.home(k);
      // Move k into the gap when its home is not cyclically within (gap, j].
      if ((j > gap && (h <= gap || h > j)) || (j < gap && h <= gap && h > j)) {
        e[2 * gap] = k;
        e[2 * gap + 1] = e[2 * j + 1]!;
        gap = j;
      }
    }
    e[2 * gap] = -1;
    this.count--;
    return true;
  }

  clear(): void {
    for (let i = 0; i < this.entries.length; i += 2) this.entries[i] = -1;
    this.count = 0;
  }

  private home(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  private grow(): void {
    const old = this.entries;
    const cap = old.length; // twice the entries: old.length / 2 entries now
    this.entries = IntMap.empty(cap);
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
    this.count = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== -1) this.set(old[i]!, old[i + 1]!);
  }

  /** Room for `cap` entries, all empty. */
  private static empty(cap: number): Int32Array {
    const e = new Int32Array(2 * cap);
    for (let i = 0; i < e.length; i += 2) e[i] = -1;
    return e;
  }
}
