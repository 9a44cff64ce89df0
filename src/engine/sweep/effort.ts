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
