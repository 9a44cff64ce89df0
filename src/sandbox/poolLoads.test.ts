/**
 * `pool.loads`, the numbers handed to selectServer beside `servers`: at every pick
 * `pool.loads[i]` is `servers[i].active + servers[i].queued`, however the pool changed in
 * between (loads, servers filling up and freeing a place, going down, leaving, joining, renamed);
 * and whatever the code does to that array or to the servers, no later pick sees it.
 */
import { describe, expect, test } from 'vitest';
import { Xoshiro128 } from '../engine/random.ts';
import { FakePool } from '../engine/testing/fakePool.ts';
import { IO } from './ioLayout.ts';
import { STRATEGY_TEMPLATES } from './templates.ts';
import { request, sandboxed } from './testing/sandboxed.ts';

const template = (id: string) => STRATEGY_TEMPLATES.find((t) => t.id === id)!.code;

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

/**
 * The healthy server a scan in pool order keeps: each one replaces the best so far when `better`
 * says its load (in service + waiting) beats the best's.
 */
function scanPool(pool: FakePool, better: (load: number, bestLoad: number) => boolean): number {
  let best = -1;
  for (const slot of pool.members) {
    if (pool.healthy[slot] !== 1) continue;
    if (best < 0 || better(pool.outstanding(slot), pool.outstanding(best))) best = slot;
  }
  return best;
}

/** The same answer worked out from the pool: healthy servers in pool order, the last busiest. */
const lastBusiest = (pool: FakePool) => scanPool(pool, (load, bestLoad) => load >= bestLoad);

/**
 * Runs `code` over a pool of twelve reshaped at random between picks (loads, fills, outages,
 * leavers, joiners, renames), checking every pick against `expected` worked out from the pool.
 */
async function churnedPicks(code: string, expected: (pool: FakePool) => number): Promise<void> {
  const { strategy, pool } = await sandboxed(
    code,
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
      if (pool.outstanding(done) > 0) {
        pool.complete(done);
        strategy.onComplete(done, 100);
      }
    }
    if (pool.healthyCount === 0) continue;
    const want = expected(pool);
    const got = strategy.pick(pool, request(i), rng);
    if (strategy.failure !== null) throw strategy.failure;
    expect(got, `pick ${i}`).toBe(want);
    pool.dispatch(got);
    picks++;
  }
  // Not vacuous: many picks, with the pool reshaped often in between.
  expect(picks).toBeGreaterThan(2000);
  expect(changes).toBeGreaterThan(300);
  expect(pool.size).toBeGreaterThan(12);
  strategy.dispose();
}

describe('pool.loads matches the servers offered, pick after pick', () => {
  test('through loads, fills, outages, leavers, joiners and renames', async () => {
    await churnedPicks(CHECKER, lastBusiest);
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

/** The first of the least busy healthy servers in pool order: least connections, from the pool. */
const firstLeast = (pool: FakePool) => scanPool(pool, (load, bestLoad) => load < bestLoad);

/** Ways code might change the array it was given (reorder, resize, rewrite), one a test. */
const WRECKS: Record<string, string> = {
  sort: 'loads.sort((a, b) => b - a)',
  reverse: 'loads.reverse()',
  push: 'loads.push(-1, -2)',
  unshift: 'loads.unshift(-4)',
  splice: 'loads.splice(0, 1)',
  'write over': 'loads[0] = 99; loads[loads.length - 1] = -5',
  fill: 'loads.fill(-3)',
  empty: 'loads.length = 0',
};

/**
 * Least connections by pool.loads that then wrecks the array it was given (`how`, one of WRECKS),
 * and does the same from its two hooks to the pool it kept in `state`.
 */
const loadsVandal = (how: string) => `function wreck(loads) { ${WRECKS[how]}; }
function selectServer(servers, request, state, pool) {
  state.pool = pool;
  const loads = pool.loads;
  const chosen = servers[loads.indexOf(Math.min.apply(null, loads))];
  wreck(loads);
  return chosen;
}
function onComplete(server, latencyMs, state) {
  if (state.pool) wreck(state.pool.loads);
}
function onServerChange(servers, state) {
  if (state.pool) wreck(state.pool.loads);
}`;

/**
 * Least connections by pool.loads that then writes over every field of every server it was
 * offered (identity, health, loads, settings).
 */
const SERVER_VANDAL = `function selectServer(servers, request, state, pool) {
  const loads = pool.loads;
  const chosen = servers[loads.indexOf(Math.min.apply(null, loads))];
  for (const s of servers) {
    try { s.index = (s.index + 1) % servers.length; } catch (e) {}
    s.healthy = !s.healthy;
    s.active = 1e9;
    s.queued = -1;
    s.name = 'vandal';
    s.capacity = 0;
    s.latencyEwmaMs = NaN;
  }
  return chosen;
}`;

describe('nothing the code does to what it is given reaches a later pick', () => {
  test.each(Object.keys(WRECKS))(
    'pool.loads wrecked (%s): the picks of least connections',
    async (how) => {
      await churnedPicks(loadsVandal(how), firstLeast);
    },
  );

  test('the same picks as the least connections template, which changes nothing', async () => {
    await churnedPicks(template('least-connections'), firstLeast);
  });

  test('server fields written over: the picks of least connections', async () => {
    await churnedPicks(SERVER_VANDAL, firstLeast);
  });

  test('each call gets a copy of its own, a plain array, the same for every read in the call', async () => {
    const { strategy, pool } = await sandboxed(
      `function selectServer(servers, request, state, pool) {
        const loads = pool.loads;
        if (!Array.isArray(loads)) throw new Error('not an array');
        if (pool.loads !== loads) throw new Error('a second read gave another array');
        if (state.last === loads) throw new Error('the last pick\\'s copy again');
        if (Object.isFrozen(loads)) throw new Error('frozen');
        state.last = loads;
        return 0;
      }`,
      [{ name: 'A', capacity: 9 }],
    );
    const rng = new Xoshiro128(1);
    for (let i = 0; i < 3; i++) expect(strategy.pick(pool, request(i), rng)).toBe(0);
    expect(strategy.failure).toBeNull();
    strategy.dispose();
  });
});
