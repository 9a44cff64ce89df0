import type { Scenario, ServiceSpec } from '../../engine/scenario/types.ts';
import { formatCount, formatMs } from '../../lib/format.ts';
import { countOf } from '../../lib/words.ts';

/** A rate as set, without rounding away its decimals: 17.5/s. */
export function rateText(perSec: number): string {
  return `${+perSec.toPrecision(4)}/s`;
}

/**
 * What the queueing formulas need to know about a setup, and the plain reasons a setup falls
 * outside them. Every reason names the setting and what it is, so a person can change it.
 */

/** Server names for a sentence: at most three, then how many more. */
export function nameList(names: readonly string[]): string {
  if (names.length <= 3) return names.join(', ');
  return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

/** The one steady Poisson rate a setup sends (per second), or why it has none. */
export function poissonRate(
  setup: Scenario,
  liveRatePerSec: number,
): { readonly ratePerSec: number | null; readonly reasons: string[] } {
  const reasons: string[] = [];
  const rates = new Set<number>();
  const spans: Array<[number, number]> = [];
  for (const t of setup.traffic) {
    if (t.kind === 'burst') {
      reasons.push(
        `a burst of ${countOf(t.burst, 'request')} at ${t.at / 1000} s arrives all at once, not as Poisson traffic`,
      );
    } else if (t.kind === 'closed') {
      reasons.push(
        `${formatCount(t.clients)} closed-loop clients send only after each answer, so arrivals are not Poisson (the Theory panel's closed-loop figures cover them)`,
      );
    } else if (t.kind === 'ramp') {
      reasons.push(
        `the ramp from ${t.from / 1000} s to ${t.to / 1000} s changes its rate over time`,
      );
    } else if (t.kind === 'diurnal' || t.kind === 'trace') {
      const what = t.kind === 'diurnal' ? 'the daily pattern' : 'the recorded trace';
      reasons.push(`${what} changes its rate over time`);
    } else if (t.kind === 'spike') {
      reasons.push(`a spike multiplies the rate by ${t.multiplier} for a while`);
    } else {
      rates.add(t.ratePerSec);
      spans.push([t.from, t.to]);
    }
  }
  if (rates.size > 1) {
    const list = [...rates].map(rateText).join(', ');
    reasons.push(`the traffic runs at several rates (${list}), not at one`);
  }
  spans.sort((a, b) => a[0] - b[0]);
  if (spans.some((s, i) => i > 0 && s[0] < spans[i - 1]![1])) {
    reasons.push('traffic entries overlap, so their rates add up for a while');
  }
  const own = rates.size === 1 ? [...rates][0]! : null;
  if (liveRatePerSec > 0 && setup.traffic.length > 0) {
    reasons.push(`the live rate of ${rateText(liveRatePerSec)} adds to the scenario's own traffic`);
  }
  if (liveRatePerSec <= 0 && setup.traffic.length === 0) {
    reasons.push('there is no steady traffic: set a rate in Traffic');
  }
  const ratePerSec = reasons.length === 0 ? (own ?? liveRatePerSec) : null;
  return { ratePerSec, reasons };
}

/** Mean service time of a distribution, in ms, at speed 1. */
export function meanServiceMs(s: ServiceSpec): number {
  switch (s.distribution) {
    case 'uniform':
      return (s.minMs + s.maxMs) / 2;
    case 'exponential':
      return s.meanMs;
    case 'constant':
      return s.ms;
    case 'lognormal':
      return s.medianMs * Math.exp((s.sigma * s.sigma) / 2);
  }
}

/** How a service distribution reads in a sentence. */
export function describeService(s: ServiceSpec): string {
  switch (s.distribution) {
    case 'uniform':
      return `uniform (${formatMs(s.minMs)}–${formatMs(s.maxMs)})`;
    case 'exponential':
      return `exponential (mean ${formatMs(s.meanMs)})`;
    case 'constant':
      return `constant (${formatMs(s.ms)})`;
    case 'lognormal':
      return `lognormal (median ${formatMs(s.medianMs)})`;
  }
}

/**
 * Reasons every queueing formula shares: the servers must stay as they are for the whole run,
 * serve at one speed and never fail, the cache must not shorten some service times, and no
 * defence may add, cut or redirect requests.
 */
export function queueingReasons(setup: Scenario): string[] {
  const reasons: string[] = [];
  const servers = setup.servers;
  const down = servers.filter((s) => !s.up).map((s) => s.name);
  if (down.length > 0) reasons.push(`${nameList(down)} ${down.length > 1 ? 'are' : 'is'} down`);
  const speeds = [...new Set(servers.map((s) => s.speed))];
  if (speeds.length > 1) {
    reasons.push(`the servers run at different speeds (${speeds.map((v) => `${v}×`).join(', ')})`);
  }
  if (servers.some((s) => s.errorRate > 0)) reasons.push('a server fails some requests on purpose');
  if (servers.some((s) => s.partitioned)) reasons.push('a server is cut off by a partition');
  if (setup.autoscaling)
    reasons.push('an autoscaler adds and drains servers, so the pool is not one size');
  if (setup.events.length > 0) {
    const n = setup.events.length;
    reasons.push(`${n} scheduled event${n > 1 ? 's change' : ' changes'} the run while it goes`);
  }
  if (setup.cache.placement !== 'off') {
    reasons.push(
      `the cache is on: a hit takes ${formatMs(setup.cache.hitMs)} instead of a full service time`,
    );
  }
  const r = setup.resilience;
  if (r.retry.mode !== 'off') reasons.push('retries send failed requests again');
  if (r.timeoutMs !== null) reasons.push(`requests time out after ${formatMs(r.timeoutMs)}`);
  if (r.balancers.count > 1 && r.balancers.loadUpdateMs > 0) {
    reasons.push('several balancers see each other’s load late');
  }
  return reasons;
}
