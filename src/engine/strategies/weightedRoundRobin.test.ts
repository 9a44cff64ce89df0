import { describe, expect, it } from 'vitest';
import { FakePool } from '../testing/fakePool.ts';
import { Xoshiro128 } from '../random.ts';
import { WeightedRoundRobinStrategy } from './weightedRoundRobin.ts';

const ctx = { key: 0, now: 0, trace: null };
const rng = new Xoshiro128(1);

function sequence(pool: FakePool, strategy: WeightedRoundRobinStrategy, n: number): string[] {
  return Array.from({ length: n }, () => pool.names[strategy.pick(pool, ctx, rng)]!);
}

describe('WeightedRoundRobinStrategy', () => {
  it("gives nginx's smooth sequence for weights 5, 1, 1", () => {
    const pool = new FakePool([
      { name: 'a', capacity: 99, weight: 5 },
      { name: 'b', capacity: 99, weight: 1 },
      { name: 'c', capacity: 99, weight: 1 },
    ]);
    const wrr = new WeightedRoundRobinStrategy();
    const seq = sequence(pool, wrr, 14);
    expect(seq.join(' ')).toBe('a a b a c a a a a b a c a a');
  });

  it('gives shares exactly proportional to weight over whole cycles', () => {
    const weights = [3, 2, 1, 0.5, 4];
    const pool = new FakePool(weights.map((w, i) => ({ name: `s${i}`, capacity: 99, weight: w })));
    const wrr = new WeightedRoundRobinStrategy();
    const total = weights.reduce((a, b) => a + b, 0); // 10.5 -> a cycle of 21 picks
    const picks = 21 * 500;
    const c = new Array<number>(pool.size).fill(0);
    for (let i = 0; i < picks; i++) c[wrr.pick(pool, ctx, rng)]!++;
    expect(c).toEqual(weights.map((w) => (picks * w) / total));
  });

  it('interleaves: after every pick each server is less than one turn from its fair share', () => {
    for (const weights of [
      [5, 1, 1],
      [3, 2, 1],
      [7, 3, 3, 2, 1],
      [1, 9, 4, 4, 6, 2],
    ]) {
      const pool = new FakePool(
        weights.map((w, i) => ({ name: `s${i}`, capacity: 99, weight: w })),
      );
      const wrr = new WeightedRoundRobinStrategy();
      const total = weights.reduce((a, b) => a + b, 0);
      const c = new Array<number>(pool.size).fill(0);
      for (let k = 1; k <= 3 * total; k++) {
        c[wrr.pick(pool, ctx, rng)]!++;
        weights.forEach((w, i) => expect(Math.abs(c[i]! - (k * w) / total)).toBeLessThan(1));
      }
    }
  });

  it('skips unhealthy servers and shares among the rest by weight', () => {
    const pool = new FakePool([
      { name: 'a', capacity: 99, weight: 5, up: false },
      { name: 'b', capacity: 99, weight: 2 },
      { name: 'c', capacity: 99, weight: 1 },
    ]);
    const seq = sequence(pool, new WeightedRoundRobinStrategy(), 30);
    expect(seq.filter((n) => n === 'a')).toHaveLength(0);
    expect(seq.filter((n) => n === 'b')).toHaveLength(20);
  });

  it('follows weight changes and added servers', () => {
    const pool = new FakePool([
      { name: 'a', capacity: 99, weight: 1 },
      { name: 'b', capacity: 99, weight: 1 },
    ]);
    const wrr = new WeightedRoundRobinStrategy();
    expect(sequence(pool, wrr, 4).join('')).toBe('abab');
    pool.setWeight(pool.slotOf('b'), 3);
    expect(sequence(pool, wrr, 8).join('')).toBe('babbbabb');
    pool.add({ name: 'c', capacity: 99, weight: 4 });
    const seq = sequence(pool, wrr, 80);
    expect(seq.filter((n) => n === 'c')).toHaveLength(40);
  });
});
