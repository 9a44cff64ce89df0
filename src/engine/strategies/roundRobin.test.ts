import { describe, expect, it } from 'vitest';
import { FakePool } from '../testing/fakePool.ts';
import { Xoshiro128 } from '../random.ts';
import { RoundRobinStrategy } from './roundRobin.ts';

const ctx = { key: 0, now: 0, trace: null };

describe('RoundRobinStrategy', () => {
  it("reproduces the Python demo's sequence for ten simultaneous requests", () => {
    const pool = new FakePool([
      { name: 'A', capacity: 3 },
      { name: 'B', capacity: 2 },
      { name: 'C', capacity: 4 },
    ]);
    const rr = new RoundRobinStrategy();
    const rng = new Xoshiro128(1);
    const picked: string[] = [];
    for (let i = 0; i < 10; i++) {
      if (pool.healthyCount === 0) {
        picked.push('none');
        continue;
      }
      const slot = rr.pick(pool, ctx, rng);
      picked.push(pool.names[slot]!);
      pool.dispatch(slot);
    }
    expect(picked).toEqual(['A', 'B', 'C', 'A', 'B', 'C', 'A', 'C', 'C', 'none']);
  });

  it('cycles through healthy servers in registry order and skips unhealthy ones', () => {
    const pool = new FakePool([
      { name: 'a', capacity: 9 },
      { name: 'b', capacity: 9, up: false },
      { name: 'c', capacity: 9 },
      { name: 'd', capacity: 9 },
    ]);
    const rr = new RoundRobinStrategy();
    const rng = new Xoshiro128(1);
    const names = Array.from({ length: 6 }, () => pool.names[rr.pick(pool, ctx, rng)]);
    expect(names).toEqual(['a', 'c', 'd', 'a', 'c', 'd']);
  });

  it('keeps one counter over the current healthy list, as the demo did', () => {
    const pool = new FakePool([
      { name: 'a', capacity: 9 },
      { name: 'b', capacity: 9 },
      { name: 'c', capacity: 9 },
    ]);
    const rr = new RoundRobinStrategy();
    const rng = new Xoshiro128(1);
    expect(pool.names[rr.pick(pool, ctx, rng)]).toBe('a'); // counter 0 -> 1
    pool.setUp(pool.slotOf('a'), false);
    // Healthy list is now [b, c]; counter 1 picks c, not b.
    expect(pool.names[rr.pick(pool, ctx, rng)]).toBe('c');
    pool.setUp(pool.slotOf('a'), true);
    // Counter 2 over [a, b, c].
    expect(pool.names[rr.pick(pool, ctx, rng)]).toBe('c');
    expect(pool.names[rr.pick(pool, ctx, rng)]).toBe('a');
  });

  it('includes servers added later and never returns a removed one', () => {
    const pool = new FakePool([
      { name: 'a', capacity: 9 },
      { name: 'b', capacity: 9 },
    ]);
    const rr = new RoundRobinStrategy();
    const rng = new Xoshiro128(1);
    rr.pick(pool, ctx, rng);
    rr.pick(pool, ctx, rng);
    const c = pool.add({ name: 'c', capacity: 9 });
    pool.remove(pool.slotOf('a'));
    const seen = Array.from({ length: 4 }, () => rr.pick(pool, ctx, rng));
    expect(new Set(seen)).toEqual(new Set([pool.slotOf('b'), c]));
  });

  it('returns -1 when nothing is healthy', () => {
    const pool = new FakePool([{ name: 'a', capacity: 1, active: 1 }]);
    expect(new RoundRobinStrategy().pick(pool, ctx, new Xoshiro128(1))).toBe(-1);
  });
});
