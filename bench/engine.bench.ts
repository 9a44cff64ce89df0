/**
 * Engine benchmarks: the engine against a minimal typed-array simulator of the same model
 * (referenceSim.ts) in the same run, simulated requests per second of wall time for four set-ups
 * (each also as a multiple of the reference's time per request, which cancels out how busy the
 * machine is), and the heap growth over a run of 10 million requests. Run with `npm run bench`;
 * figures go in the README.
 *
 * Each run is timed twice: by the wall clock, and by the CPU time the process used. On a machine
 * other jobs share, the wall clock also counts the time the run waited for a core, which lands on
 * whichever run was unlucky; CPU time does not, so the ratio is read from it.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Simulation } from '../src/engine/simulation.ts';
import { scenarioOf } from '../src/engine/testing/scenarioOf.ts';
import { runLiveSession } from './liveSession.ts';
import { pool, withDefaultKeys } from './benchModels.ts';
import { perRunRatios, timeToEnd, type ModelComparison } from './modelRuns.ts';
import { median, processClocks } from './measure.ts';
import { formatCount } from '../src/lib/format.ts';

/** `npm run bench -- --only=model,live`: run only these blocks (model, setups, live, memory). */
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const only = onlyArg === undefined ? null : new Set(onlyArg.slice('--only='.length).split(','));
const wanted = (block: string) => only === null || only.has(block);

interface Case {
  readonly label: string;
  readonly raw: Record<string, unknown>;
  readonly requests: number;
}

const cases: Case[] = [
  {
    label: 'least-connections, 100 servers, default keys',
    raw: { strategy: 'least-connections', ...withDefaultKeys(pool(100, 10, 2e6)) },
    requests: 2e6,
  },
  {
    label: 'least-connections, 100 servers, 100k keys',
    raw: { strategy: 'least-connections', ...pool(100, 10, 2e6) },
    requests: 2e6,
  },
  {
    label: 'power-of-two-choices, 100 servers, per-server cache',
    raw: {
      strategy: 'power-of-two-choices',
      cache: { placement: 'per-server' },
      ...pool(100, 10, 2e6),
    },
    requests: 2e6,
  },
  {
    label: 'consistent-hash, 1,000 servers, shared cache',
    raw: { strategy: 'consistent-hash', ...pool(1000, 4, 2e6) },
    requests: 2e6,
  },
];

interface Timed {
  /** Simulated requests per second of wall time, and per second of CPU time. */
  readonly perSec: number;
  readonly perCpuSec: number;
  readonly requests: number;
}

function timeRun(raw: Record<string, unknown>): Timed {
  const sim = new Simulation(scenarioOf(raw), { logRequests: false });
  const { ms, cpu, n } = timeToEnd(sim, processClocks);
  return { perSec: n / (ms / 1000), perCpuSec: n / (cpu / 1000), requests: n };
}

const gc = (globalThis as { gc?: () => void }).gc;

console.log(
  `Balancer Playground engine benchmark · node ${process.version} · ${new Date().toISOString().slice(0, 10)}\n`,
);

// The same model in both, alternated so both see the same machine; warm-ups not timed.
const MODEL_ARRIVALS = 3e6;
const MODEL_RUNS = 5;
/**
 * Each in a fresh process: V8 compiles the engine's hot path a little differently from one process
 * to the next (which calls it inlines depends on when its compiler thread ran), and one process's
 * ratio was seen anywhere from 1.90x to 2.03x on a quiet machine. The median over all runs of a
 * few processes does not rest on one process's luck.
 */
const MODEL_PROCESSES = 3;
const PROCESS_ENTRY = fileURLToPath(new URL('./modelRunsProcess.ts', import.meta.url));
/** The project's folder: where the child finds tsx, whatever the current directory. */
const PROJECT_DIR = fileURLToPath(new URL('..', import.meta.url));
/** The reference's median CPU ms per request (this run's yardstick for the other blocks). */
let refCpuMsPer = NaN;
if (wanted('model')) modelBlock();

/** One fresh process's runs of both (modelRunsProcess.ts). */
function modelRunsInProcess(): ModelComparison {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', PROCESS_ENTRY, String(MODEL_ARRIVALS), String(MODEL_RUNS)],
    { cwd: PROJECT_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(out) as ModelComparison;
}

function modelBlock(): void {
  const processes = Array.from({ length: MODEL_PROCESSES }, modelRunsInProcess);
  const refRuns = processes.flatMap((p) => p.reference);
  const engRuns = processes.flatMap((p) => p.engine);
  const refMsPer = median(refRuns.map((r) => r.msPer));
  const engMsPer = median(engRuns.map((r) => r.msPer));
  refCpuMsPer = median(refRuns.map((r) => r.cpuMsPer));
  const engCpuMsPer = median(engRuns.map((r) => r.cpuMsPer));
  const perSec = (msPer: number) => formatCount(1000 / msPer).padStart(11);
  const perProcess = processes
    .map(
      (p, i) =>
        `    process ${i + 1}, CPU time: ${perRunRatios(p.reference, p.engine, (r) => r.cpuMsPer)}`,
    )
    .join('\n');
  console.log(
    `Reference model: 100 servers of capacity 1, FIFO queues, exponential 1 s service, power of two\n` +
      `choices at load 0.9, ${formatCount(MODEL_ARRIVALS)} arrivals; median of ${MODEL_PROCESSES * MODEL_RUNS} runs (${MODEL_RUNS} alternated in each\n` +
      `of ${MODEL_PROCESSES} fresh processes), start-up not timed\n` +
      `                                               wall clock      CPU time\n` +
      `  reference simulator (bench/referenceSim.ts) ${perSec(refMsPer)} ${perSec(refCpuMsPer)} req/s  mean latency ${refRuns[0]!.meanMs.toFixed(1)} ms\n` +
      `  engine, full metrics, no log                ${perSec(engMsPer)} ${perSec(engCpuMsPer)} req/s  mean latency ${engRuns[0]!.meanMs.toFixed(1)} ms\n` +
      `  engine time / reference time (target <= 2)  ${(engMsPer / refMsPer).toFixed(2).padStart(10)}x ${(engCpuMsPer / refCpuMsPer).toFixed(2).padStart(10)}x\n` +
      `  per run (engine / reference), by process:\n${perProcess}\n`,
  );
}

if (wanted('setups')) setupsBlock();

function setupsBlock(): void {
  for (const c of cases) {
    timeRun({
      ...c.raw,
      ...pool(c.raw.servers === undefined ? 100 : (c.raw.servers as unknown[]).length, 10, 2e5),
    }); // warm-up
    const runs = [timeRun(c.raw), timeRun(c.raw), timeRun(c.raw)];
    const wall = median(runs.map((r) => r.perSec));
    const cpu = median(runs.map((r) => r.perCpuSec));
    const timesRef = 1000 / cpu / refCpuMsPer;
    const vsRef = Number.isNaN(timesRef)
      ? ''
      : `; ${timesRef.toFixed(2)}x the reference's CPU time per request`;
    console.log(
      `${c.label.padEnd(54)} ${formatCount(wall).padStart(11)} req/s (CPU time: ${formatCount(cpu)} req/s), median ` +
        `of 3 runs of ${formatCount(runs[0]!.requests)}${vsRef}`,
    );
  }
}

/** The live session's ceiling: three fresh sessions of LIVE_REQUESTS each, after a warm-up. */
const LIVE_REQUESTS = 1.5e6;
if (wanted('live')) liveBlock();

function liveBlock(): void {
  runLiveSession(2e5);
  const live = [0, 1, 2].map(() => runLiveSession(LIVE_REQUESTS));
  const perCpu = live.map((r) => r.requests / (r.cpuMs / 1000));
  const perWall = live.map((r) => r.requests / (r.wallMs / 1000));
  console.log(
    `\nLive session at "max" (worker code in Node: SimSession.advance in 12 ms slices, large-pool\n` +
      `preset, request log and pick explanations on), ${formatCount(LIVE_REQUESTS)} requests, 3 fresh runs\n` +
      `  simulated requests per CPU second:  median ${formatCount(median(perCpu))} (${perCpu.map((n) => formatCount(n)).join(', ')})\n` +
      `  simulated requests per wall second: median ${formatCount(median(perWall))} (${perWall.map((n) => formatCount(n)).join(', ')})`,
  );
}

// Memory: 10 million requests through least-connections over 100 servers, heap sampled as it runs.
if (wanted('memory')) memoryBlock();

function memoryBlock(): void {
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const sim = new Simulation(scenarioOf({ strategy: 'least-connections', ...pool(100, 10, 1e7) }), {
    logRequests: false,
  });
  let peak = process.memoryUsage().heapUsed;
  const start = performance.now();
  for (let t = 0; !sim.finished; t += 100_000) {
    sim.runUntil(t);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const ms = performance.now() - start;
  gc?.();
  const after = process.memoryUsage().heapUsed;
  console.log(
    `\n10 million requests (${formatCount(sim.metrics.arrived)} run in ${(ms / 1000).toFixed(1)} s): ` +
      `heap before ${(before / 2 ** 20).toFixed(1)} MB, peak ${(peak / 2 ** 20).toFixed(1)} MB ` +
      `(+${((peak - before) / 2 ** 20).toFixed(1)} MB), after GC ${(after / 2 ** 20).toFixed(1)} MB` +
      (gc ? '' : ' (run with --expose-gc for exact before/after figures)'),
  );
}
