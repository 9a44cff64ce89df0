import type { Scenario } from '../scenario/types.ts';
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
    busyMs.push(sim.pool.utilization(slot) * sim.now);
  }
  const { slo, cost } = sim.objectives;
  const m = sim.metrics;
  return {
    timeMs: sim.now,
    arrived: summary.requests.total,
    served: summary.requests.served,
    rejected: summary.requests.rejected,
    cacheHits: summary.cache.hits,
    cacheMisses: summary.cache.misses,
    busyMs,
    slo: slo === null ? null : { good: slo.good, ended: slo.ended },
    // The same bill as the summary's cost.dollars, unrounded (rounding happens once, per window).
    dollars: cost === null ? null : cost.report(sim.now, m.arrived, m.served).dollars,
  };
}

/** What one run measured: its figures, and the arrivals and simulated time of its window. */
export interface RunMeasurement {
  readonly figures: RunFigures;
  readonly arrivals: number;
  readonly windowMs: number;
}

/**
 * Runs a scenario through `warmupMs`, then through the measured window: to the scenario's
 * `durationMs` when `requests` is null, else until `requests` more requests have arrived (or
 * nothing is left to happen). Latency samples from before the warm-up's end are dropped by
 * clearing the run's latency histogram there; counters are read at both ends and subtracted.
 */
export function measureRun(
  scenario: Scenario,
  warmupMs: number,
  requests: number | null,
): RunMeasurement {
  const sim = new Simulation(
    { ...scenario, sampleIntervalMs: SWEEP_SAMPLE_INTERVAL_MS },
    { logRequests: false, historyLength: 2 },
  );
  if (warmupMs > 0) sim.runUntil(warmupMs);
  const before = markOf(sim, summarize(sim));
  sim.metrics.latency.reset();
  if (requests === null) sim.runToEnd();
  else runArrivals(sim, before.arrived + requests);
  const summary = summarize(sim);
  const after = markOf(sim, summary);
  const latency = summary.latencyMs;
  return {
    figures: windowFigures(before, after, {
      mean: latency.mean,
      p50: latency.p50,
      p99: latency.p99,
      p999: latency.p999,
    }),
    arrivals: after.arrived - before.arrived,
    windowMs: after.timeMs - before.timeMs,
  };
}

/** Runs the plan's run `index`: its point's scenario with its replication's seed. */
export function runOne(plan: SweepPlan, index: number): RunFigures {
  const { header } = plan;
  const at = locateRun(header, index);
  const scenario = { ...plan.variants[at.point]!, seed: header.seeds[at.replication]! };
  return measureRun(scenario, header.warmupMs, header.requests).figures;
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
