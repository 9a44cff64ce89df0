import { describe, expect, it } from 'vitest';
import { FakePool } from '../testing/fakePool.ts';
import { Xoshiro128 } from '../random.ts';
import { RandomStrategy } from './randomChoice.ts';

const ctx = { key: 0, now: 0, trace: null };

function counts(pool: FakePool, seed: number, picks: number): number[] {
  const strategy = new RandomStrategy();
  const rng = new Xoshiro128(seed);
  const c = new Array<number>(pool.size).fill(0);
  for (let i = 0; i < picks; i++) c[strategy.pick(pool, ctx, rng)]!++;
  return c;
}

describe('RandomStrategy', () => {
  it('spreads picks uniformly over healthy servers and never picks an unhealthy one', () => {
    const pool = new FakePool(
      Array.from({ length: 10 }, (_, i) => ({ name: `s${i}`, capacity: 5, up: i !== 3 })),
    );
    pool.setLoad(7, 5); // full
    const c = counts(pool, 42, 80_000);
    expect(c[3]).toBe(0);
    expect(c[7]).toBe(0);
    for (const s of [0, 1, 2, 4, 5, 6, 8, 9]) {
      // 10,000 expected, standard deviation about 94.
      expect(Math.abs(c[s]! - 10_000)).toBeLessThan(500);
    }
  });

  it('is deterministic given the seed', () => {
    const pool = new FakePool(
      Array.from({ length: 7 }, (_, i) => ({ name: `s${i}`, capacity: 5 })),
    );
    expect(counts(pool, 7, 1000)).toEqual(counts(pool, 7, 1000));
    expect(counts(pool, 7, 1000)).not.toEqual(counts(pool, 8, 1000));
  });

  it('uses one draw per pick: the k-th healthy server for draw k', () => {
    const pool = new FakePool([
      { name: 'a', capacity: 1, active: 1 },
      { name: 'b', capacity: 1 },
      { name: 'c', capacity: 1 },
    ]);
    const a = new Xoshiro128(5);
    const b = new Xoshiro128(5);
    const strategy = new RandomStrategy();
    for (let i = 0; i < 50; i++) {
      const k = b.int(2);
      expect(pool.names[strategy.pick(pool, ctx, a)]).toBe(k === 0 ? 'b' : 'c');
    }
  });
});
