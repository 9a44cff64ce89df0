import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FakePool } from '../testing/fakePool.ts';
import { Xoshiro128 } from '../random.ts';
import { LeastConnectionsStrategy } from './leastConnections.ts';

const ctx = { key: 0, now: 0, trace: null };
const rng = new Xoshiro128(1);

describe('LeastConnectionsStrategy', () => {
  it('picks the server with the fewest requests in service plus queued', () => {
    const pool = new FakePool([
      { name: 'a', capacity: 5, active: 3 },
      { name: 'b', capacity: 5, active: 1, queueLimit: 5, queued: 3 },
      { name: 'c', capacity: 5, active: 2 },
    ]);
    // b has only 1 in service but 4 outstanding.
    expect(pool.names[new LeastConnectionsStrategy().pick(pool, ctx, rng)]).toBe('c');
  });

  it('breaks ties by registry order, like min() in the demo', () => {
    const pool = new FakePool([
      { name: 'a', capacity: 5, active: 2 },
      { name: 'b', capacity: 5, active: 1 },
      { name: 'c', capacity: 5, active: 1 },
    ]);
    const lc = new LeastConnectionsStrategy();
    pool.onChange = (slot) => lc.onServerChange(pool, slot);
    expect(pool.names[lc.pick(pool, ctx, rng)]).toBe('b');
    pool.setLoad(pool.slotOf('a'), 1);
    expect(pool.names[lc.pick(pool, ctx, rng)]).toBe('a');
  });

  it('never picks a server that is down or full, however idle it looks', () => {
    const pool = new FakePool([
      { name: 'down', capacity: 5, up: false },
      { name: 'full', capacity: 1, active: 1 },
      { name: 'busy', capacity: 9, active: 7 },
    ]);
    expect(pool.names[new LeastConnectionsStrategy().pick(pool, ctx, rng)]).toBe('busy');
  });

  it('fills a pool evenly under a stream of requests with completions', () => {
    const pool = new FakePool(
      Array.from({ length: 5 }, (_, i) => ({ name: `s${i}`, capacity: 100 })),
    );
    const lc = new LeastConnectionsStrategy();
    pool.onChange = (slot) => lc.onServerChange(pool, slot);
    for (let i = 0; i < 200; i++) {
      const slot = lc.pick(pool, ctx, rng);
      expect(pool.healthy[slot]).toBe(1);
      pool.dispatch(slot);
      // Complete the oldest-looking work on a fixed server now and then to create imbalance.
      if (i % 7 === 0) pool.complete(pool.slotOf('s3'));
    }
    const loads = pool.members.map((s) => pool.outstanding(s));
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });

  it('returns -1 when nothing is healthy', () => {
    const pool = new FakePool([{ name: 'a', capacity: 1, up: false }]);
    expect(new LeastConnectionsStrategy().pick(pool, ctx, rng)).toBe(-1);
  });
});

describe('least connections index (property)', () => {
  it('always picks what a scan of the pool would: the first healthy server with the least load', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 70 }),
        fc.array(fc.tuple(fc.constantFrom('pick', 'pick', 'complete', 'toggle', 'add'), fc.nat()), {
          maxLength: 400,
        }),
        (capacities, ops) => {
          const pool = new FakePool(
            capacities.map((capacity, i) => ({ name: `s${i}`, capacity, queueLimit: 5 })),
          );
          const lc = new LeastConnectionsStrategy();
          pool.onChange = (slot) => lc.onServerChange(pool, slot);
          const scan = () => {
            let best = -1;
            for (const s of pool.members) {
              if (pool.healthy[s] !== 1) continue;
              if (best < 0 || pool.outstanding(s) < pool.outstanding(best)) best = s;
            }
            return best;
          };
          for (const [op, n] of ops) {
            if (op === 'pick') {
              const expected = scan();
              expect(lc.pick(pool, ctx, rng)).toBe(expected);
              if (expected >= 0) pool.dispatch(expected);
            } else if (op === 'complete') {
              const s = n % pool.size;
              if (pool.outstanding(s) > 0) pool.complete(s);
            } else if (op === 'toggle') {
              const s = n % pool.size;
              pool.setUp(s, pool.up[s] !== 1);
            } else pool.add({ name: `x${pool.size}`, capacity: 1 + (n % 30) });
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
