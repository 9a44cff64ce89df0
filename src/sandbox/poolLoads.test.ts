/**
 * `pool.loads`, the numbers handed to selectServer beside `servers`: at every pick
 * `pool.loads[i]` is `servers[i].active + servers[i].queued`, however the pool changed in
 * between (loads, servers filling up and freeing a place, going down, leaving, joining, renamed).
 */
import { describe, expect, test } from 'vitest';
import { Xoshiro128 } from '../engine/random.ts';
import { FakePool } from '../engine/testing/fakePool.ts';
import { IO } from './ioLayout.ts';
import { request, sandboxed } from './testing/sandboxed.ts';

/**
 * Checks the promise inside the sandbox (a broken one throws, naming the pick), then answers with
 * the last of the busiest servers, something the host can work out on its own to compare.
 */
const CHECKER = `function selectServer(servers, request, state, pool) {
  const loads = pool.loads;
  if (loads.length !== servers.length)
    throw new Error('pick ' + request.id + ': ' + loads.length + ' loads for ' + servers.length + ' servers');
  for (let i = 0; i < servers.length; i++) {
    const s = servers[i];
    if (loads[i] !== s.active + s.queued)
      throw new Error('pick ' + request.id + ': loads[' + i + '] is ' + loads[i] + ', ' + s.name + ' has ' + (s.active + s.queued));
  }
  return servers[loads.lastIndexOf(Math.max.apply(null, loads))];
}`;

/** The same answer worked out from the pool: healthy servers in pool order, the last busiest. */
function lastBusiest(pool: FakePool): number {
  let best = -1;
  for (const slot of pool.members) {
    if (pool.healthy[slot] !== 1) continue;
    if (best < 0 || pool.outstanding(slot) >= pool.outstanding(best)) best = slot;
  }
  return best;
}

describe('pool.loads matches the servers offered, pick after pick', () => {
  test('through loads, fills, outages, leavers, joiners and renames', async () => {
    const { strategy, pool } = await sandboxed(
      CHECKER,
      Array.from({ length: 12 }, (_, i) => ({ name: `S${i}`, capacity: 1 + (i % 4) })),
    );
    const churn = new Xoshiro128(5);
    const rng = new Xoshiro128(1);
    let picks = 0;
    let changes = 0;
    for (let i = 0; i < 4000; i++) {
      const roll = churn.int(100);
      const slot = pool.members[churn.int(pool.members.length)]!;
      if (roll < 2 && pool.members.length > 3) pool.remove(slot);
      else if (roll < 4) pool.add({ name: `N${i}`, capacity: 1 + churn.int(3), queueLimit: 1 });
      else if (roll < 7) pool.setUp(slot, pool.up[slot] !== 1);
      else if (roll < 8) pool.rename(slot, `R${i}`);
      else if (roll < 10) pool.setLoad(slot, churn.int(3), churn.int(2));
      if (roll < 10) changes++;
      for (let k = churn.int(3); k > 0; k--) {
        const done = pool.members[churn.int(pool.members.length)]!;
        if (pool.outstanding(done) > 0) pool.complete(done);
      }
      if (pool.healthyCount === 0) continue;
      const expected = lastBusiest(pool);
      const got = strategy.pick(pool, request(i), rng);
      if (strategy.failure !== null) throw strategy.failure;
      expect(got).toBe(expected);
      pool.dispatch(got);
      picks++;
    }
    // Not vacuous: many picks, with the pool reshaped often in between.
    expect(picks).toBeGreaterThan(2000);
    expect(changes).toBeGreaterThan(300);
    expect(pool.size).toBeGreaterThan(12);
    strategy.dispose();
  });

  test('a pool of one server: one load', async () => {
    const { strategy, pool } = await sandboxed(
      'function selectServer(servers, request, state, pool) { state.seen = pool.loads.join(","); if (state.seen !== String(servers[0].active)) throw new Error(state.seen); return 0; }',
      [{ name: 'A', capacity: 3 }],
    );
    const rng = new Xoshiro128(1);
    for (let i = 0; i < 3; i++) {
      expect(strategy.pick(pool, request(i), rng)).toBe(0);
      pool.dispatch(0);
    }
    expect(strategy.failure).toBeNull();
    strategy.dispose();
  });

  test('each pick gets a request of its own, which the code may keep', async () => {
    const { strategy, pool } = await sandboxed(
      `function selectServer(servers, request, state) {
        if (state.kept && state.kept.id !== request.id - 1) throw new Error('kept ' + state.kept.id);
        state.kept = request;
        return 0;
      }`,
      [{ name: 'A', capacity: 9 }],
    );
    const rng = new Xoshiro128(1);
    for (let i = 0; i < 4; i++) expect(strategy.pick(pool, request(i), rng)).toBe(0);
    expect(strategy.failure).toBeNull();
    strategy.dispose();
  });

  test('a wrong place from the host costs a search, never a wrong list', async () => {
    const { strategy, pool } = await sandboxed(
      CHECKER,
      ['A', 'B', 'C', 'D'].map((name) => ({ name, capacity: 5 })),
    );
    const rng = new Xoshiro128(1);
    expect(strategy.pick(pool, request(0), rng)).toBe(3);
    // Records as the host writes them, with wrong places: D's load changes (said to be at 0), C
    // leaves the list (said to be at 3), then comes back (said to go in at 0).
    const floats = strategy.sandbox.shared.floats;
    const records = [
      [IO.opLoad, 3, 2, 0, 1, 0],
      [IO.opLoad, 2, 5, 0, 0, 3],
      [IO.opLoad, 2, 4, 0, 1, 0],
      [IO.opLoad, 0, 3, 0, 1, 3],
    ].flat();
    floats.set(records, IO.journal);
    floats[IO.journalLength] = records.length;
    floats[IO.pick] = 1;
    strategy.sandbox.call();
    // Loads A 3, B 0, C 4, D 2: the busiest is C, and the checker found every load in its place.
    expect(floats[IO.result]).toBe(2);
    strategy.dispose();
  });
});
