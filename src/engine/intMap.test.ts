import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IntMap } from './intMap.ts';

describe('IntMap', () => {
  it('stores, finds, overwrites and deletes', () => {
    const m = new IntMap(2);
    m.set(5, 50);
    m.set(0, 7);
    m.set(5, 51);
    expect([m.get(5), m.get(0), m.get(9), m.size]).toEqual([51, 7, -1, 2]);
    expect(m.delete(5)).toBe(true);
    expect(m.delete(5)).toBe(false);
    expect([m.get(5), m.size]).toEqual([-1, 1]);
  });

  it('refuses keys it cannot hold', () => {
    expect(() => new IntMap().set(-1, 0)).toThrow(RangeError);
    expect(() => new IntMap().set(2 ** 31, 0)).toThrow(RangeError);
  });

  it('agrees with Map under any mix of sets and deletes (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.boolean(),
            fc.integer({ min: 0, max: 200 }),
            fc.integer({ min: 0, max: 1e6 }),
          ),
          { maxLength: 2000 },
        ),
        (ops) => {
          const m = new IntMap(1);
          const ref = new Map<number, number>();
          for (const [isSet, k, v] of ops) {
            if (isSet) {
              m.set(k, v);
              ref.set(k, v);
            } else expect(m.delete(k)).toBe(ref.delete(k));
          }
          expect(m.size).toBe(ref.size);
          for (let k = 0; k <= 200; k++) expect(m.get(k)).toBe(ref.get(k) ?? -1);
        },
      ),
    );
  });

  it('getOrAdd finds a key or adds it in one probe, and an eviction right after keeps every key findable (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 1e6 })), {
          maxLength: 2000,
        }),
        (ops) => {
          // An LRU-like use: the map is kept at 32 keys; a new key comes in and the oldest leaves.
          const m = new IntMap(32);
          const ref = new Map<number, number>();
          for (const [k, v] of ops) {
            const found = m.getOrAdd(k, v);
            expect(found).toBe(ref.get(k) ?? -1);
            if (found !== -1) continue;
            ref.set(k, v);
            if (ref.size > 32) {
              const oldest = ref.keys().next().value!;
              ref.delete(oldest);
              expect(m.delete(oldest)).toBe(true);
            }
          }
          expect(m.size).toBe(ref.size);
          for (let k = 0; k <= 300; k++) expect(m.get(k)).toBe(ref.get(k) ?? -1);
        },
      ),
    );
    expect(() => new IntMap().getOrAdd(-1, 0)).toThrow(RangeError);
  });
});
