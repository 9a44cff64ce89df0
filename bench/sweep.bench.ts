/**
 * Sweep benchmark: the knee preset (3 strategies × 10 loads × 5 replications of 1-minute runs on
 * 20 servers, 150 runs) with one worker in this thread and with one worker per core (this thread
 * and a worker thread per further core, as `npm run sweep` runs it), and the speed-up. Wall times
 * include starting the threads, which is what a user waits for.
 *
 * On a machine shared with other work, wall times say more about the neighbours than about the
 * sweep, so each repeat also times a control: a plain arithmetic loop split over 1 and N threads,
 * whose speed-up is the most any program could get from the cores at that moment. Figures that
 * hold on a busy machine are printed beside it: the process's CPU time in each mode (the threaded
 * mode's extra work: starting threads, warming each one's JIT), each worker's start-up (from the
 * sweep's start to its first run) and idle tail (from its last run's end to the sweep's end), and
 * where the threads' script came from. `--threads-only` adds the earlier layout, N worker threads
 * beside an idle command thread, for comparison. Run with
 * `npm run bench:sweep [-- --repeats N] [-- --threads-only]` (default 3 repeats).
 */
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { wallNow } from '../src/cli/sweep/runTiming.ts';
import { startThreadPool } from '../src/cli/sweep/threadPool.ts';
import { startWorkers, type SweepWorkers } from '../src/cli/sweep/workers.ts';
import { longestFirst, runEffort } from '../src/engine/sweep/effort.ts';
import { loadSweep } from '../src/engine/sweep/loadSweep.ts';
import { allRuns, type SweepPlan } from '../src/engine/sweep/plan.ts';
import { runSweep } from '../src/engine/sweep/pool.ts';
import { SWEEP_PRESETS } from '../src/engine/sweep/presets.ts';
import { assembleResult, resultJson } from '../src/engine/sweep/results.ts';
import { workerUse, type WorkerUse } from './workerUse.ts';

function repeatsArg(): number {
  const i = process.argv.indexOf('--repeats');
  const n = i < 0 ? 3 : Number(process.argv[i + 1]);
  if (!(Number.isInteger(n) && n >= 1)) throw new Error('--repeats must be an integer >= 1');
  return n;
}

interface Timed {
  readonly ms: number;
  readonly cpuMs: number;
  readonly json: string;
  readonly use: WorkerUse[];
}

/** Wall time, the process's CPU time (every thread's) and each worker's use of a whole sweep. */
async function timedSweep(plan: SweepPlan, start: () => Promise<SweepWorkers>): Promise<Timed> {
  const runs = allRuns(plan.header);
  const cpu = process.cpuUsage();
  const startMs = wallNow();
  const begun = performance.now();
  const pool = await start();
  try {
    const { figures } = await runSweep(plan, longestFirst(plan, runs), pool.workers);
    const ms = performance.now() - begun;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const json = resultJson(assembleResult(plan.header, figures));
    return { ms, cpuMs, json, use: workerUse(pool.logs, startMs) };
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
const ratio = (xs: number[]) =>
  `${median(xs).toFixed(2)}x (${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)}x)`;
const ms0 = (ms: number) => `${ms.toFixed(0)} ms`;
/** Per worker: start-up, busy time, runs and idle tail. */
const useLine = (use: readonly WorkerUse[], hereFirst: boolean) =>
  use
    .map(
      (u, w) =>
        `${w === 0 && hereFirst ? 'this thread' : `thread ${hereFirst ? w : w + 1}`}: ` +
        `first run at ${ms0(u.startupMs)}` +
        (u.startupCpuMs === null || (w === 0 && hereFirst) ? '' : ` (${ms0(u.startupCpuMs)} CPU)`) +
        `, ${u.runs} runs busy ${secs(u.busyMs)}` +
        (u.cpuMs === null ? '' : ` (${secs(u.cpuMs)} CPU)`) +
        `, idle tail ${ms0(u.tailMs)}`,
    )
    .join('; ');
/** CPU time of the process not spent in the workers' own threads: V8's compiler and GC helpers. */
const rest = (t: Timed) => {
  const own = t.use.map((u) => u.cpuMs);
  return own.includes(null) ? null : t.cpuMs - own.reduce((a, b) => a! + b!, 0)!;
};
const restText = (t: Timed) => {
  const r = rest(t);
  return r === null ? '' : `, other threads ${secs(r)}`;
};

const withThreadsOnly = process.argv.includes('--threads-only');
const sweepRatios: number[] = [];
const spinRatios: number[] = [];
const cpuRatios: number[] = [];
const cpuRatiosThreadsOnly: number[] = [];
const tails: number[] = [];
const startups: number[] = [];
const startupCpus: number[] = [];
let reference: string | null = null;
const check = (json: string) => {
  reference ??= json;
  if (json !== reference) throw new Error('1 worker and many gave different results');
};
for (let r = 0; r < repeats; r++) {
  const spin1 = await timedSpin(1);
  const one = await timedSweep(plan, () => startWorkers(plan, 1));
  const spinN = await timedSpin(cores);
  let script = '';
  const many = await timedSweep(plan, async () => {
    const pool = await startWorkers(plan, cores);
    if (pool.script !== null) {
      script = `script ${pool.script.source === 'cache' ? 'from the cache' : 'bundled'} in ${ms0(pool.script.ms)}`;
    }
    return pool;
  });
  check(one.json);
  check(many.json);
  sweepRatios.push(one.ms / many.ms);
  spinRatios.push(spin1 / spinN);
  cpuRatios.push(many.cpuMs / one.cpuMs);
  tails.push(Math.max(...many.use.map((u) => u.tailMs)));
  startups.push(...many.use.slice(1).map((u) => u.startupMs));
  startupCpus.push(...many.use.slice(1).flatMap((u) => u.startupCpuMs ?? []));
  console.log(
    `  repeat ${r + 1}: sweep 1 worker ${secs(one.ms)} (${secs(one.cpuMs)} CPU${restText(one)}), ` +
      `${cores} workers ${secs(many.ms)} (${secs(many.cpuMs)} CPU${restText(many)}; ` +
      `${(many.cpuMs / one.cpuMs).toFixed(3)}x): ` +
      `${(one.ms / many.ms).toFixed(2)}x; control loop ${secs(spin1)} and ${secs(spinN)}: ` +
      `${(spin1 / spinN).toFixed(2)}x; load ${load()}`,
  );
  console.log(
    `    ${cores} workers: ${useLine(many.use, true)}${script === '' ? '' : `; ${script}`}`,
  );
  if (withThreadsOnly) {
    const threads = await timedSweep(plan, () => startThreadPool(plan, cores));
    check(threads.json);
    cpuRatiosThreadsOnly.push(threads.cpuMs / one.cpuMs);
    console.log(
      `    ${cores} threads beside an idle command thread: ${secs(threads.ms)} ` +
        `(${secs(threads.cpuMs)} CPU${restText(threads)}, including this idle thread; ` +
        `${(threads.cpuMs / one.cpuMs).toFixed(3)}x); ${useLine(threads.use, false)}`,
    );
  }
}
console.log(
  `median speed-up on ${cores} cores: sweep ${ratio(sweepRatios)}, control loop ${ratio(spinRatios)} ` +
    `(results byte-identical)`,
);
console.log(
  `CPU time of ${cores} workers over 1: ${ratio(cpuRatios)}` +
    (withThreadsOnly
      ? `; ${cores} threads beside an idle command thread: ${ratio(cpuRatiosThreadsOnly)}`
      : ''),
);
console.log(
  `worker threads' first run: median ${ms0(median(startups))} after the start` +
    (startupCpus.length === 0 ? '; ' : ` (starting up took ${ms0(median(startupCpus))} of CPU); `) +
    `longest idle tail per sweep: median ${ms0(median(tails))} (${ms0(Math.min(...tails))}-${ms0(Math.max(...tails))})`,
);
