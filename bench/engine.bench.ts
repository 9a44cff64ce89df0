/**
 * Engine benchmarks: the engine against a minimal typed-array simulator of the same model
 * (referenceSim.ts) in the same run, simulated requests per second of wall time for four set-ups
 * (each also as a multiple of the reference's time per request, which cancels out how busy the
 * machine is), and the heap growth over a run of 10 million requests. Run with `npm run bench`;
 * figures go in the README.
 */
import { Simulation } from '../src/engine/simulation.ts';
import { summarize } from '../src/engine/summary.ts';
import { scenarioOf } from '../src/engine/testing/scenarioOf.ts';
import { runReference } from './referenceSim.ts';

interface Case {
  readonly label: string;
  readonly raw: Record<string, unknown>;
  readonly requests: number;
}

/** Poisson traffic at 80% of the pool's capacity (mean service 400 ms), for about `requests`. */
function pool(servers: number, capacity: number, requests: number) {
  const rate = Math.round(((servers * capacity) / 0.4) * 0.8);
  return {
    servers: Array.from({ length: servers }, (_, i) => ({ name: `S${i}`, capacity })),
    traffic: [{ from: 0, to: Math.ceil((requests / rate) * 1000), ratePerSec: rate }],
    keys: { count: 100_000, zipf: 0.9 },
  };
}

/** The same pool with the scenario defaults' keys (1,000 keys, Zipf 1) instead of 100,000. */
function withDefaultKeys(raw: ReturnType<typeof pool>) {
  return { servers: raw.servers, traffic: raw.traffic };
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

function timeRun(raw: Record<string, unknown>): { perSec: number; requests: number; ms: number } {
  const sim = new Simulation(scenarioOf(raw), { logRequests: false });
  const start = performance.now();
  sim.runToEnd();
  const ms = performance.now() - start;
  return { perSec: sim.metrics.arrived / (ms / 1000), requests: sim.metrics.arrived, ms };
}

const gc = (globalThis as { gc?: () => void }).gc;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The reference model as a scenario: 100 servers of capacity 1 with unbounded FIFO queues,
 * exponential service (mean 1 s), power of two choices, Poisson arrivals at 90% of capacity for
 * about `arrivals` requests; no cache (the model has none), histograms and every series on.
 */
function referenceModel(arrivals: number) {
  return {
    strategy: 'power-of-two-choices',
    servers: Array.from({ length: 100 }, (_, i) => ({
      name: `S${i}`,
      capacity: 1,
      queueLimit: null,
    })),
    service: { distribution: 'exponential', meanMs: 1000 },
    cache: { placement: 'off' },
    traffic: [{ from: 0, to: Math.round((arrivals / 90) * 1000), ratePerSec: 90 }],
  };
}

/** Wall ms per simulated request of one engine run (construction not timed) and its mean latency. */
function engineOnModel(arrivals: number): { msPer: number; meanMs: number; requests: number } {
  const sim = new Simulation(scenarioOf(referenceModel(arrivals)), { logRequests: false });
  const start = performance.now();
  sim.runToEnd();
  const ms = performance.now() - start;
  return {
    msPer: ms / sim.metrics.arrived,
    meanMs: summarize(sim).latencyMs.mean!,
    requests: sim.metrics.arrived,
  };
}

function referenceOnModel(arrivals: number): { msPer: number; meanMs: number; requests: number } {
  const start = performance.now();
  const r = runReference(arrivals);
  const ms = performance.now() - start;
  return { msPer: ms / r.arrivals, meanMs: r.meanLatencyMs, requests: r.arrivals };
}

console.log(
  `Balancer Playground engine benchmark · node ${process.version} · ${new Date().toISOString().slice(0, 10)}\n`,
);

// The same model in both, alternated so both see the same machine; warm-ups not timed.
const MODEL_ARRIVALS = 3e6;
referenceOnModel(3e5);
engineOnModel(3e5);
const refRuns: ReturnType<typeof referenceOnModel>[] = [];
const engRuns: ReturnType<typeof engineOnModel>[] = [];
for (let i = 0; i < 3; i++) {
  refRuns.push(referenceOnModel(MODEL_ARRIVALS));
  engRuns.push(engineOnModel(MODEL_ARRIVALS));
}
const refMsPer = median(refRuns.map((r) => r.msPer));
const engMsPer = median(engRuns.map((r) => r.msPer));
console.log(
  `Reference model: 100 servers of capacity 1, FIFO queues, exponential 1 s service, power of two\n` +
    `choices at load 0.9, ${fmt(MODEL_ARRIVALS)} arrivals; median of 3 alternated runs, start-up not timed\n` +
    `  reference simulator (bench/referenceSim.ts) ${fmt(1000 / refMsPer).padStart(11)} req/s  mean latency ${refRuns[0]!.meanMs.toFixed(1)} ms\n` +
    `  engine, full metrics, no log                 ${fmt(1000 / engMsPer).padStart(11)} req/s  mean latency ${engRuns[0]!.meanMs.toFixed(1)} ms\n` +
    `  engine time / reference time                 ${(engMsPer / refMsPer).toFixed(2).padStart(11)}x  (runs: ${engRuns.map((r, i) => (r.msPer / refRuns[i]!.msPer).toFixed(2)).join(', ')})\n`,
);

for (const c of cases) {
  timeRun({
    ...c.raw,
    ...pool(c.raw.servers === undefined ? 100 : (c.raw.servers as unknown[]).length, 10, 2e5),
  }); // warm-up
  const runs = [timeRun(c.raw), timeRun(c.raw), timeRun(c.raw)];
  const best = runs.reduce((a, b) => (a.perSec > b.perSec ? a : b));
  const perSec = median(runs.map((r) => r.perSec));
  const timesRef = 1000 / perSec / refMsPer;
  console.log(
    `${c.label.padEnd(54)} ${fmt(perSec).padStart(11)} req/s median of 3 (best ${fmt(best.perSec)}; ` +
      `${fmt(best.requests)} requests) ${timesRef.toFixed(2)}x the reference's time per request`,
  );
}

// Memory: 10 million requests through least-connections over 100 servers, heap sampled as it runs.
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
  `\n10 million requests (${fmt(sim.metrics.arrived)} run in ${(ms / 1000).toFixed(1)} s): ` +
    `heap before ${(before / 2 ** 20).toFixed(1)} MB, peak ${(peak / 2 ** 20).toFixed(1)} MB ` +
    `(+${((peak - before) / 2 ** 20).toFixed(1)} MB), after GC ${(after / 2 ** 20).toFixed(1)} MB` +
    (gc ? '' : ' (run with --expose-gc for exact before/after figures)'),
);
