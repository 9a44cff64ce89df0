import { describe, expect, it } from 'vitest';
import { FakePool } from '../testing/fakePool.ts';
import { Xoshiro128 } from '../random.ts';
import { hashKey } from './keyHash.ts';
import { ModuloHashStrategy } from './moduloHash.ts';

const rng = new Xoshiro128(1);
const KEYS = 20_000;

function servers(n: number, capacity = 1000) {
  return Array.from({ length: n }, (_, i) => ({ name: `server-${i}`, capacity }));
}

function assign(pool: FakePool, mh = new ModuloHashStrategy()): string[] {
  const out: string[] = [];
  for (let key = 0; key < KEYS; key++) {
    out.push(pool.names[mh.pick(pool, { key, now: 0, trace: null }, rng)]!);
  }
  return out;
}

function movedShare(a: string[], b: string[]): number {
  return a.filter((n, k) => n !== b[k]).length / a.length;
}

describe('ModuloHashStrategy', () => {
  it('sends key k to server hash(k) mod N in registry order, the same every time', () => {
    const pool = new FakePool(servers(7));
    const mh = new ModuloHashStrategy();
    for (let key = 0; key < 500; key++) {
      const slot = mh.pick(pool, { key, now: key, trace: null }, rng);
      expect(slot).toBe(pool.members[hashKey(key) % 7]);
      expect(mh.ownerOf(pool, key)).toBe(slot);
    }
    expect(assign(pool)).toEqual(assign(pool, new ModuloHashStrategy()));
  });

  it('gives every server a fair share of keys', () => {
    const pool = new FakePool(servers(8));
    const counts = new Map<string, number>();
    for (const n of assign(pool)) counts.set(n, (counts.get(n) ?? 0) + 1);
    expect(counts.size).toBe(8);
    // 2,500 expected each; binomial sigma ≈ 47, so ±250 is over 5 sigma.
    for (const c of counts.values()) expect(Math.abs(c - KEYS / 8)).toBeLessThan(250);
  });

  it('removing the last of 10 servers moves about 9/10 of the keys', () => {
    const pool = new FakePool(servers(10));
    const before = assign(pool);
    pool.remove(pool.slotOf('server-9'));
    const moved = movedShare(before, assign(pool));
    expect(moved).toBeGreaterThan(0.87);
    expect(moved).toBeLessThan(0.93);
  });

  it('adding an 11th server moves about 10/11 of the keys', () => {
    const pool = new FakePool(servers(10));
    const before = assign(pool);
    pool.add({ name: 'server-10', capacity: 1000 });
    const moved = movedShare(before, assign(pool));
    expect(moved).toBeGreaterThan(10 / 11 - 0.03);
    expect(moved).toBeLessThan(10 / 11 + 0.03);
  });

  it('probes a down or full home on to the next registered server, wrapping round', () => {
    const pool = new FakePool(servers(4, 1));
    const mh = new ModuloHashStrategy();
    const key = Array.from({ length: 100 }, (_, k) => k).find((k) => hashKey(k) % 4 === 3)!;
    pool.setUp(3, false);
    expect(mh.pick(pool, { key, now: 0, trace: null }, rng)).toBe(0);
    pool.dispatch(0); // now full
    expect(mh.pick(pool, { key, now: 0, trace: null }, rng)).toBe(1);
    // Health does not renumber: every other key stays home, and the key returns on recovery.
    expect(mh.ownerOf(pool, key)).toBe(3);
    pool.setUp(3, true);
    expect(mh.pick(pool, { key, now: 0, trace: null }, rng)).toBe(3);
  });

  it('returns -1 with no servers, or when none in the list can take the key', () => {
    const mh = new ModuloHashStrategy();
    expect(mh.pick(new FakePool(), { key: 1, now: 0, trace: null }, rng)).toBe(-1);
    expect(mh.ownerOf(new FakePool(), 1)).toBe(-1);
    const pool = new FakePool(servers(2, 1));
    pool.dispatch(0);
    pool.dispatch(1);
    expect(mh.pick(pool, { key: 1, now: 0, trace: null }, rng)).toBe(-1);
  });
});
