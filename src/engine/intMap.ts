/**
 * A hash map from non-negative 32-bit integer keys to integer values, by open addressing with
 * linear probing in typed arrays and backward-shift deletion (no tombstones). The cache and the
 * hot-key counter look keys up on every request; a JS Map costs several times more per call there.
 */
export class IntMap {
  private keys: Int32Array;
  private values: Int32Array;
  private mask: number;
  private shift: number;
  private count = 0;

  constructor(expectedSize = 16) {
    let cap = 16;
    while (cap < expectedSize * 2) cap *= 2;
    this.keys = new Int32Array(cap).fill(-1);
    this.values = new Int32Array(cap);
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
  }

  get size(): number {
    return this.count;
  }

  /** The value for `key`, or -1 when absent. */
  get(key: number): number {
    const keys = this.keys;
    for (let i = this.home(key); ; i = (i + 1) & this.mask) {
      const k = keys[i]!;
      if (k === key) return this.values[i]!;
      if (k === -1) return -1;
    }
  }

  set(key: number, value: number): void {
    if (key < 0 || key > 0x7fffffff || !Number.isInteger(key))
      throw new RangeError(`IntMap key out of range: ${key}`);
    const keys = this.keys;
    let i = this.home(key);
    for (; ; i = (i + 1) & this.mask) {
      const k = keys[i]!;
      if (k === key) {
        this.values[i] = value;
        return;
      }
      if (k === -1) break;
    }
    keys[i] = key;
    this.values[i] = value;
    if (++this.count * 2 > keys.length) this.grow();
  }

  /** Removes `key`; returns whether it was there. */
  delete(key: number): boolean {
    const keys = this.keys;
    const mask = this.mask;
    let i = this.home(key);
    for (; ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === key) break;
      if (k === -1) return false;
    }
    // Shift later entries of the probe run back so lookups never stop at a false gap.
    let gap = i;
    for (let j = (i + 1) & mask; ; j = (j + 1) & mask) {
      const k = keys[j]!;
      if (k === -1) break;
      const h = this.home(k);
      // Move k into the gap when its home is not cyclically within (gap, j].
      if ((j > gap && (h <= gap || h > j)) || (j < gap && h <= gap && h > j)) {
        keys[gap] = k;
        this.values[gap] = this.values[j]!;
        gap = j;
      }
    }
    keys[gap] = -1;
    this.count--;
    return true;
  }

  clear(): void {
    this.keys.fill(-1);
    this.count = 0;
  }

  private home(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const cap = oldKeys.length * 2;
    this.keys = new Int32Array(cap).fill(-1);
    this.values = new Int32Array(cap);
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
    this.count = 0;
    for (let i = 0; i < oldKeys.length; i++)
      if (oldKeys[i] !== -1) this.set(oldKeys[i]!, oldValues[i]!);
  }
}
