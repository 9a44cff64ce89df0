import type { Scenario } from '../../../engine/scenario/types.ts';
import { formatPercent } from '../../../lib/format.ts';
import type { Constraint, Goal } from './types.ts';

/** Constraint and goal makers of the autoscaling challenges: the bill, the SLO, cold starts. */

/** Dollars with cents. */
const dollars = (v: number) => `$${v.toFixed(2)}`;

export function dollarsAtMost(limit: number): Goal {
  return {
    id: 'dollars',
    label: 'Bill for the run',
    direction: 'atMost',
    limit,
    format: dollars,
    measure: (s) => s.cost?.dollars ?? null,
  };
}

export function sloAttainmentAtLeast(share: number): Goal {
  return {
    id: 'slo',
    label: 'Requests within the latency threshold',
    direction: 'atLeast',
    limit: share,
    format: (v) => formatPercent(v, 2),
    measure: (s) => s.slo?.attainment ?? null,
  };
}

/**
 * New servers take at least this long to boot: the platform's cold start, not a setting the
 * learner may wish away. A fixed pool orders nothing and passes.
 */
export function coldStartAtLeast(ms: number): Constraint {
  return {
    id: 'coldStart',
    label: 'Cold start of a new server',
    target: `≥ ${ms / 1000} s`,
    measure: (s: Scenario) => {
      const a = s.autoscaling;
      if (!a) return { pass: true, value: 'no autoscaling' };
      return { pass: a.provisioningMs >= ms, value: `${a.provisioningMs / 1000} s` };
    },
  };
}

/** At most this many servers at any time: the fixed pool, or the autoscaler's maximum. */
export function serversAtMost(n: number): Constraint {
  return {
    id: 'servers',
    label: 'Most servers at once',
    target: `≤ ${n}`,
    measure: (s: Scenario) => {
      const most = s.autoscaling
        ? Math.max(s.autoscaling.maxServers, s.servers.length)
        : s.servers.length;
      return { pass: most <= n, value: String(most) };
    },
  };
}
