/**
 * Sweep benchmark: the knee preset (3 strategies × 10 loads × 5 replications of 1-minute runs on
 * 20 servers, 150 runs) with one worker in this thread and with one worker thread per core,
 * alternately, and the speed-up. Wall times include starting the threads, which is what a user
 * waits for. Run with `npm run bench:sweep [-- --repeats N]` (default 3); figures go in the README.
 */
import { availableParallelism, loadavg } from 'node:os';
import { startThreadPool } from '../src/cli/sweep/threadPool.ts';
import { loadSweep } from '../src/engine/sweep/loadSweep.ts';
import { longestFirst, runEffort } from '../src/engine/sweep/effort.ts';
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
async function timed(
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

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const best = (xs: number[]) => Math.min(...xs);
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
const one: number[] = [];
const all: number[] = [];
let reference: string | null = null;
for (let r = 0; r < repeats; r++) {
  for (const [workers, times] of [
    [1, one],
    [cores, all],
  ] as const) {
    const { ms, cpuMs, json } = await timed(plan, workers);
    reference ??= json;
    if (json !== reference) throw new Error(`${workers} workers gave different results`);
    times.push(ms);
    // CPU time hardly depends on what else the machine does: equal CPU time in both modes means
    // the threads add no work of their own, whatever the wall times say on a busy machine.
    console.log(
      `  ${workers} worker${workers === 1 ? ' ' : 's'}: ${secs(ms)} wall, ${secs(cpuMs)} CPU`,
    );
  }
}
// On a shared machine the least disturbed repeat is the best estimate of each; both are shown.
console.log(
  `best: 1 worker ${secs(best(one))}, ${cores} workers ${secs(best(all))}, speed-up ${(best(one) / best(all)).toFixed(2)}x; ` +
    `median: ${secs(median(one))} and ${secs(median(all))}, ${(median(one) / median(all)).toFixed(2)}x ` +
    `(results byte-identical); load average after ${load()}`,
);
