/**
 * Speed of a strategy in the user's code (not a test): picks per second of least connections
 * written in the strategy API and run in the QuickJS sandbox, over 100 servers, against the
 * built-in least connections on the same loop, and round robin (one server read a pick: the cost
 * of crossing into the sandbox). Each pick is
 * followed by a dispatch and, every other pick, a completion, so the sandbox also gets the load
 * changes it must hear of between picks (as in a real run). CPU time of this process, best of
 * five; the ratio of the two figures is the one to quote on a shared machine.
 * Run with `npm run bench:sandbox`.
 */
import { availableParallelism, loadavg } from 'node:os';
import { Xoshiro128 } from '../src/engine/random.ts';
import { createStrategy } from '../src/engine/strategies/index.ts';
import type { PickContext, Strategy } from '../src/engine/strategies/strategy.ts';
import { FakePool } from '../src/engine/testing/fakePool.ts';
import { nodeSandboxHost } from '../src/sandbox/node/nodeSandboxHost.ts';
import { SandboxStrategy } from '../src/sandbox/sandboxStrategy.ts';
import { STRATEGY_TEMPLATES } from '../src/sandbox/templates.ts';

const SERVERS = 100;
const PICKS = 200_000;
const REPEATS = 5;
const LEAST = STRATEGY_TEMPLATES.find((t) => t.id === 'least-connections')!.code;

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Picks per second of `strategy` over a pool of 100 servers with work coming and going. */
function picksPerSecond(make: () => Strategy): number {
  let best = Infinity;
  for (let r = 0; r < REPEATS; r++) {
    const strategy = make();
    const pool = new FakePool(
      Array.from({ length: SERVERS }, (_, i) => ({ name: `S${i}`, capacity: 1000 })),
    );
    pool.onChange = (slot) => strategy.onServerChange?.(pool, slot);
    const rng = new Xoshiro128(r + 1);
    const churn = new Xoshiro128(99);
    const ctx = { key: 0, now: 0, trace: null, id: 0, attempt: 0 } as PickContext & { id: number };
    const start = cpuMs();
    for (let i = 0; i < PICKS; i++) {
      ctx.id = i;
      const slot = strategy.pick(pool, ctx, rng);
      pool.dispatch(slot);
      if (i % 2 === 1) {
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
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(
  `Sandboxed strategies (CPU time, best of ${REPEATS}; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${availableParallelism()} CPUs)\n`,
);
const builtIn = picksPerSecond(() => createStrategy('least-connections'));
const sandboxed = picksPerSecond(() => new SandboxStrategy(host.load(LEAST)));
console.log(`Least connections over ${SERVERS} servers, ${fmt(PICKS)} picks:`);
console.log(`  built-in             ${fmt(builtIn).padStart(12)} picks/s`);
console.log(
  `  in the sandbox       ${fmt(sandboxed).padStart(12)} picks/s   (${(1e6 / sandboxed).toFixed(2)} µs a pick; target >= 200,000/s: ${sandboxed >= 200_000 ? 'met' : 'NOT met'})`,
);
console.log(`  built-in / sandbox   ${(builtIn / sandboxed).toFixed(1)}×`);
// Round robin reads one server a pick: what is left is the cost of crossing into the sandbox.
const ROUND_ROBIN = STRATEGY_TEMPLATES.find((t) => t.id === 'round-robin')!.code;
const crossing = picksPerSecond(() => new SandboxStrategy(host.load(ROUND_ROBIN)));
console.log(
  `Round robin in the sandbox (one server read a pick): ${fmt(crossing)} picks/s (${(1e6 / crossing).toFixed(2)} µs a pick)\n`,
);
