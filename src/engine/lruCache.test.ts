import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LruCache } from './lruCache.ts';

describe('LruCache', () => {
  it('counts a miss, then a hit once the key is inserted', () => {
    const c = new LruCache(2);
    expect(c.lookup(7)).toBe(false);
    c.insert(7);
    expect(c.lookup(7)).toBe(true);
    expect([c.hits, c.misses, c.evictions, c.size]).toEqual([1, 1, 0, 1]);
  });

  it('evicts the least recently used key, counting the eviction', () => {
    const c = new LruCache(2);
    c.insert(1);
    c.insert(2);
    c.lookup(1); // 1 is now the most recent, 2 the least
    c.insert(3);
    expect(c.has(2)).toBe(false);
    expect(c.keysByRecency()).toEqual([3, 1]);
    expect(c.evictions).toBe(1);
  });

  it('refuses a capacity below 1', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });

  it('behaves like a reference LRU for any access sequence (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 500 }),
        (capacity, accesses) => {
          const c = new LruCache(capacity);
          const ref: number[] = []; // most recent first
          let evictions = 0;
          for (const k of accesses) {
            const i = ref.indexOf(k);
            expect(c.lookup(k)).toBe(i >= 0);
            if (i >= 0) ref.splice(i, 1);
            else c.insert(k);
            ref.unshift(k);
            if (ref.length > capacity) {
              ref.pop();
              evictions++;
            }
          }
          expect(c.keysByRecency()).toEqual(ref);
          expect(c.evictions).toBe(evictions);
          expect(c.hits + c.misses).toBe(accesses.length);
        },
      ),
    );
  });

  it('starts small whatever its capacity, and grows to hold what it is given', () => {
    // 10,000 servers with a cache each once took 1 MB per server before any request.
    const c = new LruCache(1_000_000);
    // 64 slots of three int32s, and a key map of four entries per slot (IntMap's load of 1/4).
    expect(c.byteLength).toBe(64 * (4 + 4 + 4) + 4 * 2 * 256);
    const small = new LruCache(10_000);
    for (let k = 0; k < 25_000; k++) small.insert(k);
    expect(small.size).toBe(10_000);
    expect(small.evictions).toBe(15_000);
    expect(small.has(14_999)).toBe(false);
    expect(small.has(15_000) && small.has(24_999)).toBe(true);
    expect(small.byteLength).toBeGreaterThan(c.byteLength);
  });
});
