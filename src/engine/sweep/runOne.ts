import { Simulation } from '../simulation.ts';
import { summarize, type RunSummary } from '../summary.ts';
import { windowFigures, type RunFigures, type RunMark } from './figures.ts';
import { locateRun, type SweepPlan } from './plan.ts';

/**
 * Executes one run of a sweep and returns its figures. Pure and synchronous: the same plan and
 * index give the same figures in Node, a worker thread or a browser's Web Worker, whichever ran it
 * and whatever ran before, which is what makes results independent of the number of workers.
 */

/**
 * Sampling interval of sweep runs. Sampling only feeds the live charts' time series (it changes no
 * state and draws no random number), and a sweep reads none of them, so runs sample once a minute
 * instead of ten times a second: same results, less work.
 */
const SWEEP_SAMPLE_INTERVAL_MS = 60_000;

/** Reads the counters the figures need from a summary, plus each server's busy time. */
function markOf(sim: Simulation, summary: RunSummary): RunMark {
  const busyMs: number[] = [];
  // The summary rounds utilization to 0.1%; the pool's exact average keeps the window's exact.
  for (let slot = 0; slot < sim.pool.size; slot++) {
    busyMs.push(sim.pool.utilization(slot, sim.now) * sim.now);
  }
  return {
    timeMs: sim.now,
    arrived: summary.requests.total,
    served: summary.requests.served,
    rejected: summary.requests.rejected,
    cacheHits: summary.cache.hits,
    cacheMisses: summary.cache.misses,
    busyMs,
  };
}

/**
 * Runs the plan's run `index`: its point's scenario with its replication's seed, through the
 * warm-up, then through the measured window (the sweep's `durationMs`, or until `requests` more
 * requests have arrived). Latency samples from before the warm-up's end are dropped by clearing
 * the run's latency histogram there; counters are read at both ends and subtracted.
 */
export function runOne(plan: SweepPlan, index: number): RunFigures {
  const { header } = plan;
  const at = locateRun(header, index);
  const scenario = {
    ...plan.variants[at.point]!,
    seed: header.seeds[at.replication]!,
    sampleIntervalMs: SWEEP_SAMPLE_INTERVAL_MS,
  };
  const sim = new Simulation(scenario, { logRequests: false, historyLength: 2 });
  if (header.warmupMs > 0) sim.runUntil(header.warmupMs);
  const before = markOf(sim, summarize(sim));
  sim.metrics.latency.reset();
  if (header.requests === null) sim.runToEnd();
  else runArrivals(sim, before.arrived + header.requests);
  const summary = summarize(sim);
  const latency = summary.latencyMs;
  return windowFigures(before, markOf(sim, summary), {
    mean: latency.mean,
    p50: latency.p50,
    p99: latency.p99,
    p999: latency.p999,
  });
}

/**
 * Runs until `target` requests have arrived in all, or nothing is left to happen. Every arrival is
 * at least one event, so running as many events as arrivals are missing never overshoots (except
 * within a burst, which arrives as one event); the batches shrink as the target nears.
 */
function runArrivals(sim: Simulation, target: number): void {
  for (;;) {
    const missing = target - sim.metrics.arrived;
    if (missing <= 0) return;
    if (sim.runEvents(missing) === 0) return;
  }
}
