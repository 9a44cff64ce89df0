import { describe, expect, it } from 'vitest';
import { FakePool } from '../testing/fakePool.ts';
import { Xoshiro128 } from '../random.ts';
import { ConsistentHashStrategy } from './consistentHash.ts';
import { fmix32, hashKey, hashString } from './keyHash.ts';

const rng = new Xoshiro128(1);
const KEYS = 20_000;

function servers(n: number, capacity = 1000) {
  return Array.from({ length: n }, (_, i) => ({ name: `server-${i}`, capacity }));
}

/** The server name each key 0..KEYS-1 is sent to. */
function assign(pool: FakePool, ch: ConsistentHashStrategy): string[] {
  const out: string[] = [];
  for (let key = 0; key < KEYS; key++)
    out.push(pool.names[ch.pick(pool, { key, now: 0, trace: null }, rng)]!);
  return out;
}

function shares(names: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const n of names) m.set(n, (m.get(n) ?? 0) + 1);
  return m;
}

describe('hash functions', () => {
  it('use the MurmurHash3 finalizer', () => {
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).toBe(0x514e28b7);
  });

  it('spread consecutive keys and similar names apart', () => {
    expect(new Set(Array.from({ length: 1000 }, (_, k) => hashKey(k))).size).toBe(1000);
    expect(hashString('server-1')).not.toBe(hashString('server-2'));
    expect(hashKey(2 ** 32 + 5)).not.toBe(hashKey(5));
  });
});

describe('ConsistentHashStrategy', () => {
  it('sends the same key to the same server, across instances too', () => {
    const pool = new FakePool(servers(10));
    const a = assign(pool, new ConsistentHashStrategy());
    expect(assign(pool, new ConsistentHashStrategy())).toEqual(a);
    const ch = new ConsistentHashStrategy();
    expect(ch.pick(pool, { key: 1234, now: 0, trace: null }, rng)).toBe(
      ch.pick(pool, { key: 1234, now: 9, trace: null }, rng),
    );
  });

  it('gives every server a fair share of keys', () => {
    const pool = new FakePool(servers(10));
    for (const [, n] of shares(assign(pool, new ConsistentHashStrategy()))) {
      expect(n / KEYS).toBeGreaterThan(0.06);
      expect(n / KEYS).toBeLessThan(0.14);
    }
  });

  it('removing one of 10 servers moves only its keys, about a tenth of all', () => {
    const pool = new FakePool(servers(10));
    const ch = new ConsistentHashStrategy();
    const before = assign(pool, ch);
    pool.remove(pool.slotOf('server-4'));
    const after = assign(pool, ch);
    let moved = 0;
    for (let k = 0; k < KEYS; k++) {
      if (before[k] !== after[k]) {
        moved++;
        expect(before[k]).toBe('server-4');
      }
    }
    expect(moved).toBe(shares(before).get('server-4'));
    expect(moved / KEYS).toBeGreaterThan(0.06);
    expect(moved / KEYS).toBeLessThan(0.14);
    // The orphaned keys are shared out among many of the remaining servers.
    const heirs = new Set(after.filter((_, k) => before[k] === 'server-4'));
    expect(heirs.size).toBeGreaterThanOrEqual(7);
  });

  it('adding an 11th server takes about 1/11 of the keys, all of them for itself', () => {
    const pool = new FakePool(servers(10));
    const ch = new ConsistentHashStrategy();
    const before = assign(pool, ch);
    pool.add({ name: 'server-new', capacity: 1000 });
    const after = assign(pool, ch);
    const moved = after.filter((n, k) => n !== before[k]);
    expect(new Set(moved)).toEqual(new Set(['server-new']));
    expect(moved.length / KEYS).toBeGreaterThan(0.05);
    expect(moved.length / KEYS).toBeLessThan(0.14);
  });

  it("sends an unhealthy owner's keys to the next healthy owners on the ring", () => {
    const pool = new FakePool(servers(10));
    const ch = new ConsistentHashStrategy();
    const before = assign(pool, ch);
    const down = pool.slotOf('server-7');
    pool.setUp(down, false);
    const whileDown = assign(pool, ch);
    // Exactly where they would go if server-7 had left the ring.
    const without = new FakePool(servers(10));
    without.remove(without.slotOf('server-7'));
    expect(whileDown).toEqual(assign(without, new ConsistentHashStrategy()));
    expect(whileDown).not.toContain('server-7');
    for (let k = 0; k < KEYS; k++) {
      if (before[k] !== 'server-7') expect(whileDown[k]).toBe(before[k]);
    }
    // Its home is unchanged, and it gets its keys back when it recovers.
    expect(ch.ownerOf(pool, before.indexOf('server-7'))).toBe(down);
    pool.setUp(down, true);
    expect(assign(pool, ch)).toEqual(before);
  });

  it('spills a full server to the next one clockwise', () => {
    const pool = new FakePool(servers(5, 1));
    const ch = new ConsistentHashStrategy();
    const home = ch.pick(pool, { key: 42, now: 0, trace: null }, rng);
    pool.dispatch(home);
    expect(pool.healthy[home]).toBe(0);
    const next = ch.pick(pool, { key: 42, now: 0, trace: null }, rng);
    expect(next).not.toBe(home);
    expect(pool.healthy[next]).toBe(1);
  });

  it('keys a server by name, so renaming moves its keys and re-adding restores them', () => {
    const pool = new FakePool(servers(6));
    const ch = new ConsistentHashStrategy();
    const before = assign(pool, ch);
    const slot = pool.slotOf('server-2');
    pool.remove(slot);
    pool.add({ name: 'server-2', capacity: 1000 }); // new slot, same name
    expect(assign(pool, ch)).toEqual(before);
    pool.rename(pool.slotOf('server-2'), 'server-2b');
    expect(assign(pool, ch)).not.toEqual(before.map((n) => (n === 'server-2' ? 'server-2b' : n)));
  });

  it('builds a sorted ring of 1,000 servers x 100 virtual nodes and routes on it', () => {
    const pool = new FakePool(servers(1000));
    const ch = new ConsistentHashStrategy({ virtualNodes: 100 });
    const counts = new Int32Array(pool.size);
    for (let key = 0; key < 200_000; key++)
      counts[ch.pick(pool, { key, now: 0, trace: null }, rng)]!++;
    expect(ch.points.length).toBe(100_000);
    let sorted = true;
    for (let i = 1; i < ch.points.length; i++)
      if (ch.points[i - 1]! > ch.points[i]!) sorted = false;
    expect(sorted).toBe(true);
    expect(new Set(ch.owners).size).toBe(1000);
    // 200 keys expected per server; 100 virtual nodes keep every share within a factor of ~2.
    expect(Math.min(...counts)).toBeGreaterThan(80);
    expect(Math.max(...counts)).toBeLessThan(400);
  });

  it('returns -1 with no servers and rejects bad options', () => {
    expect(
      new ConsistentHashStrategy().pick(new FakePool(), { key: 1, now: 0, trace: null }, rng),
    ).toBe(-1);
    expect(() => new ConsistentHashStrategy({ virtualNodes: 0 })).toThrow(RangeError);
  });
});
