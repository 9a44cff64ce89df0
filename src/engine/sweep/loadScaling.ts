import { meanServiceMs } from '../serviceTime.ts';
import type { Scenario, ServerSpec, TrafficSpec } from '../scenario/types.ts';

/**
 * Offered load as capacity planners state it: offered traffic in erlangs (arrival rate × mean
 * service time, Little's law for the busy slots) over the pool's capacity in erlangs (slots that
 * can serve at once, a slot of a server with speed 2 counting twice). Load 0.8 means the pool
 * would be 80% busy if the balancer spread the work perfectly and no cache hit shortened it.
 */

/** Requests per second the rate-based traffic (steady and ramps; bursts aside) sends on average while it runs, or 0. */
export function meanArrivalRatePerSec(traffic: readonly TrafficSpec[]): number {
  let requests = 0;
  let from = Infinity;
  let to = -Infinity;
  for (const t of traffic) {
    if (t.kind === 'burst') continue;
    const seconds = (t.to - t.from) / 1000;
    requests +=
      t.kind === 'poisson'
        ? t.ratePerSec * seconds
        : ((t.startRatePerSec + t.endRatePerSec) / 2) * seconds;
    from = Math.min(from, t.from);
    to = Math.max(to, t.to);
  }
  return to > from ? (requests * 1000) / (to - from) : 0;
}

/** When the last rate-based traffic stops, or null when there is none. */
export function rateTrafficEndMs(traffic: readonly TrafficSpec[]): number | null {
  let end: number | null = null;
  for (const t of traffic) if (t.kind !== 'burst') end = Math.max(end ?? 0, t.to);
  return end;
}

/** Slots that serve at once, weighted by speed, over the servers up at the start. */
export function capacityErlangs(servers: readonly ServerSpec[]): number {
  let total = 0;
  for (const s of servers) if (s.up) total += s.capacity * s.speed;
  return total;
}

/** The scenario's offered load over its capacity, or null when it has no rate or no capacity. */
export function offeredLoad(scenario: Scenario): number | null {
  const rate = meanArrivalRatePerSec(scenario.traffic);
  const capacity = capacityErlangs(scenario.servers);
  if (!(rate > 0 && capacity > 0)) return null;
  return (rate * meanServiceMs(scenario.service)) / 1000 / capacity;
}

/** Why a scenario's load cannot be set, or null when it can. */
export function loadProblem(scenario: Scenario): string | null {
  if (meanArrivalRatePerSec(scenario.traffic) <= 0) {
    return "load scales the base's traffic rates, but its traffic has none (only bursts); add a steady rate {from, to, ratePerSec}";
  }
  if (capacityErlangs(scenario.servers) <= 0)
    return 'load needs at least one server up at the start in the base';
  if (!(meanServiceMs(scenario.service) > 0))
    return 'load needs a mean service time above 0 ms in the base';
  return null;
}

/** The factor every traffic rate is multiplied by so that the offered load becomes `load`. */
export function rateFactorFor(scenario: Scenario, load: number): number {
  const current = offeredLoad(scenario);
  if (current === null) throw new RangeError(loadProblem(scenario) ?? 'load cannot be set');
  return load / current;
}
