/**
 * Speed of a strategy in the user's code (not a test): picks per second of least connections
 * written in the strategy API and run in the QuickJS sandbox, over 100 servers, against the
 * built-in least connections on the same loop. Three forms of the same least connections: the
 * scan of `pool.loads` by Math.min and indexOf (the template's and the exercise solution's), the
 * loop over the server objects (the demo's min() written out), and a loop over `pool.loads`; then
 * round robin (one server read a pick: the cost of crossing into the sandbox). Each pick is
 * followed by a dispatch and, every other pick, a completion, so the sandbox also gets the load
 * changes it must hear of between picks (as in a real run). A second pool at its limit (servers
 * filling up and freeing a place, so the healthy list changes between picks) shows the cost of
 * that. CPU time of this process, best of five; the ratios between the figures are the ones to
 * quote on a shared machine. Run with `npm run bench:sandbox`.
 */
import { availableParallelism, loadavg } from 'node:os';
import { Xoshiro128 } from '../src/engine/random.ts';
import { createStrategy } from '../src/engine/strategies/index.ts';
import type { PickContext, Strategy } from '../src/engine/strategies/strategy.ts';
import { FakePool } from '../src/engine/testing/fakePool.ts';
import { nodeSandboxHost } from '../src/sandbox/node/nodeSandboxHost.ts';
import { SandboxStrategy } from '../src/sandbox/sandboxStrategy.ts';
import { STRATEGY_TEMPLATES } from '../src/sandbox/templates.ts';
import { cpuMs } from './measure.ts';
import { formatCount } from '../src/lib/format.ts';

const SERVERS = 100;
const PICKS = 200_000;
const REPEATS = 5;
const template = (id: string) => STRATEGY_TEMPLATES.find((t) => t.id === id)!.code;

/** The template's form: pool.loads scanned by Math.min and indexOf (native code in QuickJS). */
const LEAST_BY_LOADS = template('least-connections');
/** The demo's min(servers, key=...) written as a loop over the server objects. */
const LEAST_BY_OBJECTS = `function selectServer(servers, request, state) {
  let best = servers[0];
  for (const server of servers) {
    if (server.active + server.queued < best.active + best.queued) best = server;
  }
  return best;
}`;
/** The same scan of pool.loads as an interpreted loop. */
const LEAST_BY_LOOP = `function selectServer(servers, request, state, pool) {
  const loads = pool.loads;
  let best = 0;
  for (let i = 1; i < loads.length; i++) if (loads[i] < loads[best]) best = i;
  return servers[best];
}`;
const ROUND_ROBIN = template('round-robin');

/**
 * Picks per second of `strategy` over a pool of 100 servers with work coming and going. Normally
 * no server fills up (capacity 1000). `atLimit`: capacity 1 and two completion draws a pick, so
 * about half the servers are busy and every pick takes one off the healthy list while completions
 * put about one back: the list handed to selectServer changes between every two picks.
 */
function picksPerSecond(make: () => Strategy, atLimit = false): number {
  const capacity = atLimit ? 1 : 1000;
  let best = Infinity;
  for (let r = 0; r < REPEATS; r++) {
    const strategy = make();
    const pool = new FakePool(
      Array.from({ length: SERVERS }, (_, i) => ({ name: `S${i}`, capacity })),
    );
    pool.onChange = (slot) => strategy.onServerChange?.(pool, slot);
    const rng = new Xoshiro128(r + 1);
    const churn = new Xoshiro128(99);
    const ctx = { key: 0, now: 0, trace: null, id: 0, attempt: 0 } as PickContext & { id: number };
    const start = cpuMs();
    for (let i = 0; i < PICKS; i++) {
      ctx.id = i;
      if (pool.healthyCount > 0) {
        const slot = strategy.pick(pool, ctx, rng);
        pool.dispatch(slot);
      }
      const draws = atLimit ? 2 : i % 2;
      for (let d = 0; d < draws; d++) {
        const done = churn.int(SERVERS);
        if (pool.outstanding(done) > 0) {
          pool.complete(done);
          strategy.onComplete?.(done, 300, 0);
        }
      }
    }
    best = Math.min(best, cpuMs() - start);
    strategy.dispose?.();
  }
  return PICKS / (best / 1000);
}

const host = await nodeSandboxHost();
const sandboxed = (code: string) => () => new SandboxStrategy(host.load(code));
const line = (label: string, perSecond: number, note = '') =>
  console.log(
    `  ${label.padEnd(44)} ${formatCount(perSecond).padStart(11)} picks/s  ${(1e6 / perSecond).toFixed(2).padStart(6)} µs a pick${note}`,
  );
const target = (perSecond: number) =>
  `   target >= 200,000/s: ${perSecond >= 200_000 ? 'met' : 'NOT met'}`;

console.log(
  `Sandboxed strategies (CPU time, best of ${REPEATS}; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${availableParallelism()} CPUs)\n`,
);
console.log(`Least connections over ${SERVERS} servers, ${formatCount(PICKS)} picks:`);
const builtIn = picksPerSecond(() => createStrategy('least-connections'));
line('built-in', builtIn);
const byLoads = picksPerSecond(sandboxed(LEAST_BY_LOADS));
line('sandbox, pool.loads by Math.min + indexOf', byLoads, target(byLoads));
const byObjects = picksPerSecond(sandboxed(LEAST_BY_OBJECTS));
line('sandbox, loop over the server objects', byObjects, target(byObjects));
const byLoop = picksPerSecond(sandboxed(LEAST_BY_LOOP));
line('sandbox, loop over pool.loads', byLoop);
line('sandbox, round robin (one server read)', picksPerSecond(sandboxed(ROUND_ROBIN)));
console.log(
  `  built-in / pool.loads form ${(builtIn / byLoads).toFixed(1)}×; object loop / pool.loads form ${(byLoads / byObjects).toFixed(1)}×\n`,
);

console.log(
  `${SERVERS} servers at their limit (capacity 1, about half busy; the healthy list changes every pick):`,
);
line(
  'built-in',
  picksPerSecond(() => createStrategy('least-connections'), true),
);
line('sandbox, pool.loads by Math.min + indexOf', picksPerSecond(sandboxed(LEAST_BY_LOADS), true));
line('sandbox, loop over the server objects', picksPerSecond(sandboxed(LEAST_BY_OBJECTS), true));
console.log('');
