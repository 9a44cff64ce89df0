import { IntMap } from './intMap.ts';
import { grownFrom } from './typedArrays.ts';

/** Slots a new cache starts with (fewer when its capacity is smaller). */
export const INITIAL_SLOTS = 64;

/**
 * A least-recently-used cache of integer keys, as Python's functools.lru_cache in the original
 * demo: fixed capacity, a hit refreshes the key, inserting into a full cache evicts the key used
 * longest ago. The recency list lives in typed arrays (no node objects), so it costs nothing to
 * the garbage collector however many requests pass through.
 */
export class LruCache {
  readonly capacity: number;
  hits = 0;
  misses = 0;
  evictions = 0;
  private readonly slotOf: IntMap;
  // Slot arrays, replaced when they grow.
  private keysArr: Int32Array;
  private prevArr: Int32Array;
  private nextArr: Int32Array;
  /** Most recently used slot, or -1. */
  private head = -1;
  /** Least recently used slot, or -1. */
  private tail = -1;
  private used = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`cache capacity must be an integer >= 1, got ${capacity}`);
    }
    this.capacity = capacity;
    // Everything starts small and doubles as keys come in: capacity is a ceiling, not a size.
    // A pool of 10,000 servers with a cache each once allocated 1 MB per server before the first
    // request, when the key map was sized from the capacity (up to 65,536 entries).
    const initial = Math.min(capacity, INITIAL_SLOTS);
    this.slotOf = new IntMap(initial);
    this.keysArr = new Int32Array(initial);
    this.prevArr = new Int32Array(initial);
    this.nextArr = new Int32Array(initial);
  }

  /** Memory the cache takes now: its key map and slot arrays (they grow with what it holds). */
  get byteLength(): number {
    return (
      this.slotOf.byteLength +
      this.keysArr.byteLength +
      this.prevArr.byteLength +
      this.nextArr.byteLength
    );
  }

  /** Entries held now. */
  get size(): number {
    return this.used;
  }

  /** Looks a key up, counting a hit or a miss; a hit makes it the most recently used. */
  lookup(key: number): boolean {
    const slot = this.slotOf.get(key);
    if (slot === -1) {
      this.misses++;
      return false;
    }
    this.hits++;
    this.moveToFront(slot);
    return true;
  }

  /** Whether the key is held, without counting or refreshing it. */
  has(key: number): boolean {
    return this.slotOf.get(key) !== -1;
  }

  /** Stores a key as most recently used, evicting the least recently used when full. */
  insert(key: number): void {
    if (this.used === this.capacity) {
      // Full (nearly every insert of a busy cache): the key takes the least recently used slot,
      // found or added in the map with one probe, and the evicted key leaves the map after it.
      const slot = this.tail;
      const existing = this.slotOf.getOrAdd(key, slot);
      if (existing !== -1) {
        this.moveToFront(existing);
        return;
      }
      this.unlink(slot);
      this.slotOf.delete(this.keysArr[slot]!);
      this.evictions++;
      this.keysArr[slot] = key;
      this.linkFront(slot);
      return;
    }
    const existing = this.slotOf.get(key);
    if (existing !== -1) {
      this.moveToFront(existing);
      return;
    }
    const slot = this.used++;
    if (slot >= this.keysArr.length) this.grow();
    this.keysArr[slot] = key;
    this.slotOf.set(key, slot);
    this.linkFront(slot);
  }

  /** Keys from most to least recently used (for inspection; allocates). */
  keysByRecency(): number[] {
    const out: number[] = [];
    for (let s = this.head; s !== -1; s = this.nextArr[s]!) out.push(this.keysArr[s]!);
    return out;
  }

  /** Forgets every key and counter. */
  clear(): void {
    this.slotOf.clear();
    this.head = this.tail = -1;
    this.used = 0;
    this.hits = this.misses = this.evictions = 0;
  }

  private grow(): void {
    const cap = Math.min(this.capacity, this.keysArr.length * 2);
    this.keysArr = grownFrom(this.keysArr, new Int32Array(cap));
    this.prevArr = grownFrom(this.prevArr, new Int32Array(cap));
    this.nextArr = grownFrom(this.nextArr, new Int32Array(cap));
  }

  private moveToFront(slot: number): void {
    if (slot === this.head) return;
    this.unlink(slot);
    this.linkFront(slot);
  }

  private unlink(slot: number): void {
    const p = this.prevArr[slot]!;
    const n = this.nextArr[slot]!;
    if (p !== -1) this.nextArr[p] = n;
    else this.head = n;
    if (n !== -1) this.prevArr[n] = p;
    else this.tail = p;
  }

  private linkFront(slot: number): void {
    this.prevArr[slot] = -1;
    this.nextArr[slot] = this.head;
    if (this.head !== -1) this.prevArr[this.head] = slot;
    this.head = slot;
    if (this.tail === -1) this.tail = slot;
  }
}
