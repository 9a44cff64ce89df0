import { meanArrivalRatePerSec } from './loadScaling.ts';
import { locateRun, type SweepPlan } from './plan.ts';

/**
 * How much work a run is, for progress bars and ETAs: the requests it will simulate (a run's cost
 * is nearly proportional to its events, a few per request), plus a fixed cost for building the
 * simulation. A sweep over load has runs that differ tenfold, so counting runs would promise the
 * end far too early while the heavy points are still to come.
 */
const SETUP_REQUESTS = 2000;

/** Expected requests of run `index` (arrivals through the warm-up and the window), plus setup. */
export function runEffort(plan: SweepPlan, index: number): number {
  const { header } = plan;
  const variant = plan.variants[locateRun(header, index).point]!;
  const perMs = meanArrivalRatePerSec(variant.traffic) / 1000;
  const measured = header.requests ?? perMs * (header.durationMs ?? 0);
  return SETUP_REQUESTS + perMs * header.warmupMs + measured;
}

/**
 * `runs` ordered by expected work, longest first (ties in index order). A pool that hands runs out
 * in this order ends on short runs, so no worker sits idle for long while another finishes the
 * last heavy one (Graham's longest-processing-time rule). Results do not depend on the order.
 */
export function longestFirst(plan: SweepPlan, runs: readonly number[]): number[] {
  const effort = new Map(runs.map((run) => [run, runEffort(plan, run)]));
  return [...runs].sort((a, b) => effort.get(b)! - effort.get(a)! || a - b);
}
