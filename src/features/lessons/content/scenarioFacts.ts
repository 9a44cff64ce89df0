import type { Scenario, ServiceSpec } from '../../../engine/scenario/types.ts';

/** Facts about a setup that explanations quote: computed from the setup, never assumed. */

/** Mean service time of a distribution in ms. */
export function meanServiceMs(service: ServiceSpec): number {
  switch (service.distribution) {
    case 'uniform':
      return (service.minMs + service.maxMs) / 2;
    case 'exponential':
      return service.meanMs;
    case 'constant':
      return service.ms;
    case 'lognormal':
      return service.medianMs * Math.exp((service.sigma * service.sigma) / 2);
  }
}

/** Longest a single service can take, or null for unbounded distributions. */
export function maxServiceMs(service: ServiceSpec): number | null {
  if (service.distribution === 'uniform') return service.maxMs;
  if (service.distribution === 'constant') return service.ms;
  return null;
}

/** The steady (Poisson) arrival rate, when the traffic is exactly one steady source. */
export function steadyRate(setup: Scenario): number | null {
  const [only, ...rest] = setup.traffic;
  return only?.kind === 'poisson' && rest.length === 0 ? only.ratePerSec : null;
}

/** The size and time of the traffic when it is exactly one burst. */
export function singleBurst(setup: Scenario): { count: number; at: number } | null {
  const [only, ...rest] = setup.traffic;
  return only?.kind === 'burst' && rest.length === 0 ? { count: only.burst, at: only.at } : null;
}

/** Total slots of the named servers (all when `names` is omitted). */
export function totalCapacity(setup: Scenario, names?: readonly string[]): number {
  return setup.servers
    .filter((s) => !names || names.includes(s.name))
    .reduce((sum, s) => sum + s.capacity, 0);
}

/** Whether every server turns a request away at once when full (no queue at all). */
export function noQueues(setup: Scenario): boolean {
  return setup.servers.every((s) => s.queueLimit === 0);
}

/** The time a named server was killed and revived by scheduled events, if it was. */
export function outage(setup: Scenario, name: string): { from: number; to: number | null } | null {
  const kill = setup.events.find((e) => e.action === 'kill' && e.server === name);
  if (!kill) return null;
  const revive = setup.events.find(
    (e) => e.action === 'revive' && e.server === name && e.at >= kill.at,
  );
  return { from: kill.at, to: revive ? revive.at : null };
}
