/**
 * Engine benchmarks: simulated requests per second of wall time for three set-ups, and the heap
 * growth over a run of 10 million requests. Run with `npm run bench`; figures go in the README.
 */
import { Simulation } from '../src/engine/simulation.ts';
import { scenarioOf } from '../src/engine/testing/scenarioOf.ts';

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

console.log(
  `Balancer Playground engine benchmark · node ${process.version} · ${new Date().toISOString().slice(0, 10)}\n`,
);
for (const c of cases) {
  timeRun({
    ...c.raw,
    ...pool(c.raw.servers === undefined ? 100 : (c.raw.servers as unknown[]).length, 10, 2e5),
  }); // warm-up
  const runs = [timeRun(c.raw), timeRun(c.raw), timeRun(c.raw)];
  const best = runs.reduce((a, b) => (a.perSec > b.perSec ? a : b));
  const median = runs.map((r) => r.perSec).sort((a, b) => a - b)[1]!;
  console.log(
    `${c.label.padEnd(54)} ${fmt(median).padStart(11)} req/s median of 3 (best ${fmt(best.perSec)}; ${fmt(best.requests)} requests)`,
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
