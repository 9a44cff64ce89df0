import { expectedArrivals, segmentSpan, spikeWindows } from '../arrivals/segments.ts';
import { meanServiceMs } from '../serviceTime.ts';
import type { Scenario, ServerSpec, TrafficSpec } from '../scenario/types.ts';

/**
 * Offered load as capacity planners state it: offered traffic in erlangs (arrival rate × mean
 * service time, Little's law for the busy slots) over the pool's capacity in erlangs (slots that
 * can serve at once, a slot of a server with speed 2 counting twice). Load 0.8 means the pool
 * would be 80% busy if the balancer spread the work perfectly and no cache hit shortened it.
 *
 * Traffic whose rate changes is taken at its time average: the expected arrivals of every
 * rate-based segment (spikes included) over the span from the first one's start to the last one's
 * end. So a diurnal segment counts at its average over the day ((trough + peak) / 2 over whole
 * days; the exact integral over a part of a day), a trace at its average over its span (the area
 * under its points over their time range). Load 1 with a morning rush means the pool would be
 * fully busy on average over the day, not at the rush: the peak is the curve's business.
 *
 * With autoscaling on, the pool's size is the autoscaler's to choose, so capacity is the floor it
 * keeps: `minServers` servers like its template (the first listed server when it has none), the
 * pool it always pays for. Load above 1 is then traffic the autoscaler must scale up to serve.
 */

/** Requests per second the rate-based traffic (bursts aside) sends on average over its span, or 0. */
export function meanArrivalRatePerSec(traffic: readonly TrafficSpec[]): number {
  const spikes = spikeWindows(traffic);
  let requests = 0;
  let from = Infinity;
  let to = -Infinity;
  for (const t of traffic) {
    // A spike sends nothing itself: it multiplies the others, inside expectedArrivals. Closed-loop
    // clients have no rate to scale: they send as fast as responses come back (vary their count
    // by path instead, e.g. traffic[0].clients), so like bursts they are left as they are.
    if (t.kind === 'burst' || t.kind === 'spike' || t.kind === 'closed') continue;
    requests += expectedArrivals(t, spikes, Infinity);
    const span = segmentSpan(t);
    from = Math.min(from, span.from);
    to = Math.max(to, span.to);
  }
  return to > from ? (requests * 1000) / (to - from) : 0;
}

/** When the last steady traffic (rates, and closed-loop clients) stops, or null when there is none. */
export function rateTrafficEndMs(traffic: readonly TrafficSpec[]): number | null {
  let end: number | null = null;
  for (const t of traffic) {
    if (t.kind === 'closed') end = Math.max(end ?? 0, t.to);
    else if (t.kind !== 'burst' && t.kind !== 'spike') end = Math.max(end ?? 0, segmentSpan(t).to);
  }
  return end;
}

/** Slots that serve at once, weighted by speed, over the servers up at the start. */
export function capacityErlangs(servers: readonly ServerSpec[]): number {
  let total = 0;
  for (const s of servers) if (s.up) total += s.capacity * s.speed;
  return total;
}

/** The capacity load is measured against: the servers up at the start, or the autoscaler's floor. */
export function poolCapacityErlangs(scenario: Scenario): number {
  const scaling = scenario.autoscaling;
  if (scaling === undefined) return capacityErlangs(scenario.servers);
  const template = scaling.template ?? scenario.servers[0];
  return template === undefined ? 0 : scaling.minServers * template.capacity * template.speed;
}

/** The scenario's offered load over its capacity, or null when it has no rate or no capacity. */
export function offeredLoad(scenario: Scenario): number | null {
  const rate = meanArrivalRatePerSec(scenario.traffic);
  const capacity = poolCapacityErlangs(scenario);
  if (!(rate > 0 && capacity > 0)) return null;
  return (rate * meanServiceMs(scenario.service)) / 1000 / capacity;
}

/** Why a scenario's load cannot be set, or null when it can. */
export function loadProblem(scenario: Scenario): string | null {
  if (meanArrivalRatePerSec(scenario.traffic) <= 0) {
    return "load scales the base's traffic rates, but its traffic has none (only bursts or closed-loop clients); add a steady rate {from, to, ratePerSec}";
  }
  if (poolCapacityErlangs(scenario) <= 0)
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
