/**
 * The engine against the reference simulator on the reference model, alternated run by run so
 * both see the same machine; shared by `npm run bench` (in Node) and `npm run bench:ui` (in a
 * worker in Chromium, the playground's own runtime). Nothing here is Node's or the browser's: the
 * caller passes its clocks.
 */
import { Simulation } from '../src/engine/simulation.ts';
import { summarize } from '../src/engine/summary.ts';
import { scenarioOf } from '../src/engine/testing/scenarioOf.ts';
import { referenceModel } from './benchModels.ts';
import { runReference } from './referenceSim.ts';

/** Wall ms and CPU ms since some start (a runtime without a CPU clock passes the wall clock). */
export interface Clocks {
  readonly wallMs: () => number;
  readonly cpuMs: () => number;
}

export interface ModelRun {
  /** Wall ms and CPU ms per simulated request. */
  readonly msPer: number;
  readonly cpuMsPer: number;
  readonly meanMs: number;
  readonly requests: number;
}

/** Both simulators' runs of the model, in the order they alternated. */
export interface ModelComparison {
  readonly reference: ModelRun[];
  readonly engine: ModelRun[];
}

/** Runs `run` once: its result, and the wall and CPU ms it took. */
function timed<T>(clocks: Clocks, run: () => T): { value: T; ms: number; cpu: number } {
  const start = clocks.wallMs();
  const cpuStart = clocks.cpuMs();
  const value = run();
  const cpu = clocks.cpuMs() - cpuStart;
  return { value, ms: clocks.wallMs() - start, cpu };
}

/** Runs `sim` to its end (construction not timed): wall and CPU ms, and requests that arrived. */
export function timeToEnd(sim: Simulation, clocks: Clocks): { ms: number; cpu: number; n: number } {
  const { ms, cpu } = timed(clocks, () => sim.runToEnd());
  return { ms, cpu, n: sim.metrics.arrived };
}

/** One engine run of the model (construction not timed) and its mean latency. */
function engineOnModel(arrivals: number, clocks: Clocks): ModelRun {
  const sim = new Simulation(scenarioOf(referenceModel(arrivals)), { logRequests: false });
  const { ms, cpu, n } = timeToEnd(sim, clocks);
  return { msPer: ms / n, cpuMsPer: cpu / n, meanMs: summarize(sim).latencyMs.mean!, requests: n };
}

function referenceOnModel(arrivals: number, clocks: Clocks): ModelRun {
  const { value: r, ms, cpu } = timed(clocks, () => runReference(arrivals));
  const n = r.arrivals;
  return { msPer: ms / n, cpuMsPer: cpu / n, meanMs: r.meanLatencyMs, requests: n };
}

/**
 * Two warm-ups of each (not kept), then `runs` runs of each, reference first, in turn. Two: after
 * one, the reference's next run was compiled again while it ran (its loop had been compiled on
 * stack replacement only), which made the first measured run of it 15-20% slower than the rest.
 */
export function modelRuns(arrivals: number, runs: number, clocks: Clocks): ModelComparison {
  for (let i = 0; i < 2; i++) {
    referenceOnModel(arrivals / 10, clocks);
    engineOnModel(arrivals / 10, clocks);
  }
  const reference: ModelRun[] = [];
  const engine: ModelRun[] = [];
  for (let i = 0; i < runs; i++) {
    reference.push(referenceOnModel(arrivals, clocks));
    engine.push(engineOnModel(arrivals, clocks));
  }
  return { reference, engine };
}

/** Each run's engine / reference ratio by `time` (its runs alternate), as "2.11, 2.05, …". */
export function perRunRatios(
  reference: readonly ModelRun[],
  engine: readonly ModelRun[],
  time: (r: ModelRun) => number,
): string {
  return engine.map((r, i) => (time(r) / time(reference[i]!)).toFixed(2)).join(', ');
}
