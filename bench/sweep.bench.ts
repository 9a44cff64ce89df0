/**
 * Sweep benchmark: the knee preset (3 strategies × 10 loads × 5 replications of 1-minute runs on
 * 20 servers, 150 runs) with one worker in this thread and with one worker thread per core, and
 * the speed-up. Wall times include starting the threads, which is what a user waits for.
 *
 * On a machine shared with other work, wall times say more about the neighbours than about the
 * sweep, so each repeat also times a control: a plain arithmetic loop split over 1 and N threads,
 * whose speed-up is the most any program could get from the cores at that moment. The sweep's
 * speed-up is reported beside it, and the process's CPU time in each mode shows whether threads
 * add work of their own. Run with `npm run bench:sweep [-- --repeats N]` (default 3).
 */
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { startThreadPool } from '../src/cli/sweep/threadPool.ts';
import { longestFirst, runEffort } from '../src/engine/sweep/effort.ts';
import { loadSweep } from '../src/engine/sweep/loadSweep.ts';
import { allRuns, type SweepPlan } from '../src/engine/sweep/plan.ts';
import { inThreadWorker, runSweep } from '../src/engine/sweep/pool.ts';
import { SWEEP_PRESETS } from '../src/engine/sweep/presets.ts';
import { assembleResult, resultJson } from '../src/engine/sweep/results.ts';

function repeatsArg(): number {
  const i = process.argv.indexOf('--repeats');
  const n = i < 0 ? 3 : Number(process.argv[i + 1]);
  if (!(Number.isInteger(n) && n >= 1)) throw new Error('--repeats must be an integer >= 1');
  return n;
}

/** Wall time and the process's CPU time (every thread's) of a whole sweep. */
async function timedSweep(
  plan: SweepPlan,
  workers: number,
): Promise<{ ms: number; cpuMs: number; json: string }> {
  const runs = allRuns(plan.header);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const pool =
    workers === 1
      ? { workers: [inThreadWorker(plan)], close: async () => {} }
      : await startThreadPool(plan, workers);
  try {
    const { figures } = await runSweep(plan, longestFirst(plan, runs), pool.workers, {
      depth: workers === 1 ? 1 : 2, // as the CLI does
    });
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    return { ms, cpuMs, json: resultJson(assembleResult(plan.header, figures)) };
  } finally {
    await pool.close();
  }
}

const SPIN = `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (n) => {
  let x = 0;
  for (let i = 0; i < n; i++) x = (x + Math.sqrt(i)) % 1e9;
  parentPort.postMessage(x);
});`;

/** Wall time of a fixed arithmetic loop split evenly over `threads` worker threads. */
async function timedSpin(threads: number, iterations = 2e8): Promise<number> {
  const ws = Array.from({ length: threads }, () => new Worker(SPIN, { eval: true }));
  await Promise.all(ws.map((w) => new Promise((r) => w.once('online', r))));
  const start = performance.now();
  await Promise.all(
    ws.map((w) => new Promise((r) => (w.once('message', r), w.postMessage(iterations / threads)))),
  );
  const ms = performance.now() - start;
  await Promise.all(ws.map((w) => w.terminate()));
  return ms;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const loaded = loadSweep(SWEEP_PRESETS.find((p) => p.id === 'the-knee')!.raw);
if (!loaded.ok) throw new Error('the knee preset does not load');
const plan = loaded.plan;
const runs = allRuns(plan.header);
const requests = runs.reduce((sum, i) => sum + runEffort(plan, i), 0);
const cores = availableParallelism();
const repeats = repeatsArg();

console.log(
  `the knee: ${runs.length} runs, about ${(requests / 1e6).toFixed(1)} million simulated requests; ` +
    `${cores} cores; load average before ${load()}`,
);
const sweepRatios: number[] = [];
const spinRatios: number[] = [];
let reference: string | null = null;
for (let r = 0; r < repeats; r++) {
  const spin1 = await timedSpin(1);
  const one = await timedSweep(plan, 1);
  const spinN = await timedSpin(cores);
  const many = await timedSweep(plan, cores);
  reference ??= one.json;
  if (one.json !== reference || many.json !== reference) {
    throw new Error('1 worker and many gave different results');
  }
  sweepRatios.push(one.ms / many.ms);
  spinRatios.push(spin1 / spinN);
  console.log(
    `  repeat ${r + 1}: sweep 1 worker ${secs(one.ms)} (${secs(one.cpuMs)} CPU), ` +
      `${cores} workers ${secs(many.ms)} (${secs(many.cpuMs)} CPU): ${(one.ms / many.ms).toFixed(2)}x; ` +
      `control loop ${secs(spin1)} and ${secs(spinN)}: ${(spin1 / spinN).toFixed(2)}x; load ${load()}`,
  );
}
console.log(
  `median speed-up on ${cores} cores: sweep ${median(sweepRatios).toFixed(2)}x, ` +
    `control loop ${median(spinRatios).toFixed(2)}x (results byte-identical)`,
);
