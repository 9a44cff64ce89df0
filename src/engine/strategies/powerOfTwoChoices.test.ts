import { describe, expect, it } from 'vitest';
import { FakePool } from '../testing/fakePool.ts';
import { Xoshiro128 } from '../random.ts';
import { newPickTrace, resetPickTrace } from './strategy.ts';
import { LeastConnectionsStrategy } from './leastConnections.ts';
import { HealthySampler, PowerOfTwoChoicesStrategy } from './powerOfTwoChoices.ts';

const ctx = { key: 0, now: 0, trace: null };

function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 0; i < k; i++) r = (r * (n - i)) / (i + 1);
  return r;
}

/** Ten healthy servers with distinct loads in scrambled registry order, plus two idle ones down. */
function loadedPool(): { pool: FakePool; loads: number[] } {
  const loads = [5, 2, 9, 0, 7, 1, 8, 3, 6, 4];
  const pool = new FakePool(loads.map((l, i) => ({ name: `s${i}`, capacity: 100, active: l })));
  pool.add({ name: 'down1', capacity: 100, up: false });
  pool.add({ name: 'down2', capacity: 100, up: false });
  return { pool, loads };
}

describe('PowerOfTwoChoicesStrategy', () => {
  for (const d of [1, 2, 3]) {
    it(`with d = ${d}, picks the k-th least loaded of 10 with probability C(10-1-k, d-1)/C(10, d)`, () => {
      const { pool, loads } = loadedPool();
      const p2c = new PowerOfTwoChoicesStrategy({ choices: d });
      const rng = new Xoshiro128(2024);
      const picks = 100_000;
      const byLoad = new Array<number>(10).fill(0);
      let downPicked = 0;
      for (let i = 0; i < picks; i++) {
        const slot = p2c.pick(pool, ctx, rng);
        if (slot >= 10) downPicked++;
        else byLoad[loads[slot]!]!++;
      }
      expect(downPicked).toBe(0);
      for (let k = 0; k < 10; k++) {
        const p = binomial(9 - k, d - 1) / binomial(10, d);
        const sigma = Math.sqrt(picks * p * (1 - p));
        expect(Math.abs(byLoad[k]! - picks * p)).toBeLessThanOrEqual(5 * sigma + 1e-9);
      }
    });
  }

  it('with d at least the healthy count, is exactly least connections', () => {
    const rng = new Xoshiro128(99);
    const specs = [3, 1, 4, 1, 5, 9].map((c, i) => ({ name: `s${i}`, capacity: c }));
    const pool = new FakePool(specs);
    const lc = new LeastConnectionsStrategy();
    pool.onChange = (slot) => lc.onServerChange(pool, slot);
    const wide = new PowerOfTwoChoicesStrategy({ choices: 6 });
    const narrow = new PowerOfTwoChoicesStrategy({ choices: 3 });
    let compared = 0;
    for (let step = 0; step < 2000; step++) {
      if (rng.next() < 0.55 && pool.healthyCount > 0) {
        const expected = lc.pick(pool, ctx, rng);
        expect(wide.pick(pool, ctx, rng)).toBe(expected);
        if (pool.healthyCount <= 3) {
          expect(narrow.pick(pool, ctx, rng)).toBe(expected);
          compared++;
        }
        pool.dispatch(expected);
      } else {
        const slot = rng.int(pool.size);
        if (rng.next() < 0.05) pool.setUp(slot, !pool.up[slot]);
        else pool.complete(slot);
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('picks with d = 2 exactly as the traced, general path does, draw for draw', () => {
    // The untraced pick of two has a path of its own (lessLoadedOfTwo); a traced pick takes the
    // general sample. Same seed, same pool changes: the same slots and the same stream after.
    const rng = new Xoshiro128(7);
    const specs = Array.from({ length: 12 }, (_, i) => ({ name: `s${i}`, capacity: 4 }));
    const pool = new FakePool(specs);
    const fast = new PowerOfTwoChoicesStrategy();
    const traced = new PowerOfTwoChoicesStrategy();
    const fastRng = new Xoshiro128(3);
    const tracedRng = new Xoshiro128(3);
    const trace = newPickTrace();
    let picks = 0;
    for (let step = 0; step < 3000; step++) {
      if (rng.next() < 0.6 && pool.healthyCount > 0) {
        resetPickTrace(trace);
        const slot = fast.pick(pool, ctx, fastRng);
        expect(traced.pick(pool, { ...ctx, trace }, tracedRng)).toBe(slot);
        expect(fastRng.next()).toBe(tracedRng.next());
        if (slot >= 0 && pool.healthy[slot] === 1) pool.dispatch(slot);
        picks++;
      } else {
        const slot = rng.int(pool.size);
        if (rng.next() < 0.1) pool.setUp(slot, !pool.up[slot]);
        else pool.complete(slot);
      }
    }
    expect(picks).toBeGreaterThan(1000);
  });

  it('is deterministic given the seed', () => {
    const { pool } = loadedPool();
    const run = (seed: number) => {
      const p2c = new PowerOfTwoChoicesStrategy();
      const rng = new Xoshiro128(seed);
      return Array.from({ length: 200 }, () => p2c.pick(pool, ctx, rng));
    };
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
  });

  it('rejects a choice count below 1 or fractional', () => {
    expect(() => new PowerOfTwoChoicesStrategy({ choices: 0 })).toThrow(RangeError);
    expect(() => new PowerOfTwoChoicesStrategy({ choices: 1.5 })).toThrow(RangeError);
  });
});

describe('HealthySampler', () => {
  it('draws distinct healthy members, every pair equally often', () => {
    const pool = new FakePool(
      Array.from({ length: 8 }, (_, i) => ({ name: `s${i}`, capacity: 1, up: i % 3 !== 1 })),
    );
    pool.remove(pool.slotOf('s5'));
    const healthy = pool.members.filter((s) => pool.healthy[s] === 1); // 0 2 3 6
    expect(healthy).toEqual([0, 2, 3, 6]);
    const sampler = new HealthySampler();
    const rng = new Xoshiro128(11);
    const pairs = new Map<string, number>();
    const draws = 60_000;
    let bad = 0;
    for (let i = 0; i < draws; i++) {
      const n = sampler.sample(pool, rng, 2);
      const a = sampler.out[0]!;
      const b = sampler.out[1]!;
      if (n !== 2 || a === b || !healthy.includes(a) || !healthy.includes(b)) bad++;
      const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
    expect(bad).toBe(0);
    expect(pairs.size).toBe(6);
    for (const n of pairs.values()) expect(Math.abs(n - draws / 6)).toBeLessThan(500);
  });

  it('takes every healthy member in registry order when there are d or fewer', () => {
    const pool = new FakePool([
      { name: 'a', capacity: 1 },
      { name: 'b', capacity: 1, up: false },
      { name: 'c', capacity: 1 },
    ]);
    const sampler = new HealthySampler();
    expect(sampler.sample(pool, new Xoshiro128(1), 2)).toBe(2);
    expect(Array.from(sampler.out.subarray(0, 2))).toEqual([0, 2]);
  });

  it('follows servers added after it first ran', () => {
    const pool = new FakePool([
      { name: 'a', capacity: 1 },
      { name: 'b', capacity: 1 },
      { name: 'c', capacity: 1 },
    ]);
    const sampler = new HealthySampler();
    const rng = new Xoshiro128(3);
    sampler.sample(pool, rng, 2);
    const d = pool.add({ name: 'd', capacity: 1 });
    let seen = 0;
    for (let i = 0; i < 200; i++) {
      sampler.sample(pool, rng, 2);
      if (sampler.out[0] === d || sampler.out[1] === d) seen++;
    }
    expect(seen).toBeGreaterThan(50);
  });
});
