import type { CachePlacement, Scenario } from '../../../engine/scenario/types.ts';
import type { RunSummary } from '../../../engine/summary.ts';
import { formatCount, formatMs, formatPercent } from '../../../lib/format.ts';
import type { Constraint, Goal } from './types.ts';

/** Constraint and goal makers shared by the challenges. */

const maxOf = (setup: Scenario, field: 'capacity' | 'speed') =>
  setup.servers.reduce((m, s) => Math.max(m, s[field]), 0);

export function maxServers(n: number): Constraint {
  return {
    id: 'servers',
    label: 'Servers',
    target: `≤ ${n}`,
    measure: (s) => ({ pass: s.servers.length <= n, value: String(s.servers.length) }),
  };
}

export function maxCapacity(n: number): Constraint {
  return {
    id: 'capacity',
    label: 'Largest server capacity',
    target: `≤ ${n}`,
    measure: (s) => ({ pass: maxOf(s, 'capacity') <= n, value: String(maxOf(s, 'capacity')) }),
  };
}

export function normalSpeed(): Constraint {
  return {
    id: 'speed',
    label: 'Fastest server speed',
    target: '≤ 1×',
    measure: (s) => ({ pass: maxOf(s, 'speed') <= 1, value: `${maxOf(s, 'speed')}×` }),
  };
}

export function cachePlacement(placement: CachePlacement): Constraint {
  return {
    id: 'placement',
    label: 'Cache placement',
    target: placement,
    measure: (s) => ({ pass: s.cache.placement === placement, value: s.cache.placement }),
  };
}

export function maxCacheEntries(n: number): Constraint {
  return {
    id: 'cacheSize',
    label: 'Entries per cache',
    target: `≤ ${formatCount(n)}`,
    measure: (s) => ({ pass: s.cache.capacity <= n, value: formatCount(s.cache.capacity) }),
  };
}

/** The pool must be exactly these capacities (in any order), e.g. hardware you cannot change. */
export function fixedCapacities(caps: readonly number[]): Constraint {
  const key = (list: readonly number[]) => [...list].sort((a, b) => b - a).join(', ');
  return {
    id: 'pool',
    label: 'Server capacities',
    target: key(caps),
    measure: (s) => {
      const value = key(s.servers.map((v) => v.capacity));
      return { pass: value === key(caps), value: value || 'none' };
    },
  };
}

export function p99AtMost(ms: number): Goal {
  return {
    id: 'p99',
    label: 'p99 latency',
    direction: 'atMost',
    limit: ms,
    format: formatMs,
    measure: (s) => s.latencyMs.p99,
  };
}

/** Requests that did not get an answer: rejected, failed or timed out (all but the served). */
export function unservedAtMost(share: number): Goal {
  return {
    id: 'unserved',
    label: 'Requests not served',
    direction: 'atMost',
    limit: share,
    format: (v) => formatPercent(v, 1),
    measure: ({ requests: r }: RunSummary) =>
      r.total > 0 ? (r.total - r.served - r.inFlight) / r.total : null,
  };
}

export function hitRateAtLeast(share: number): Goal {
  return {
    id: 'hitRate',
    label: 'Cache hit rate',
    direction: 'atLeast',
    limit: share,
    format: (v) => formatPercent(v, 1),
    measure: (s) => s.cache.hitRate,
  };
}

/**
 * How much less busy the least busy server is than the busiest, as a share of the busiest:
 * (max − min) / max of the average utilizations. A ratio, so it does not depend on how long the
 * run idled after its last request.
 */
export function utilizationSpreadAtMost(share: number): Goal {
  return {
    id: 'spread',
    label: 'Utilization gap (least vs most busy server)',
    direction: 'atMost',
    limit: share,
    format: (v) => formatPercent(v, 1),
    measure: (s) => {
      const u = s.servers.map((v) => v.utilization);
      const max = Math.max(...u);
      return u.length > 0 && max > 0 ? (max - Math.min(...u)) / max : null;
    },
  };
}

/** Goodput over the run: requests served within the deadline per simulated second. */
export function goodputAtLeast(perSec: number): Goal {
  return {
    id: 'goodput',
    label: 'Goodput (served within the deadline)',
    direction: 'atLeast',
    limit: perSec,
    format: (v) => `${v.toFixed(1)}/s`,
    measure: (s) => s.goodput ?? null,
  };
}

/** Requests the setup itself turned away: shed, limited or throttled, as a share of all. */
export function refusedAtMost(share: number): Goal {
  return {
    id: 'refused',
    label: 'Shed, limited or throttled',
    direction: 'atMost',
    limit: share,
    format: (v) => formatPercent(v, 1),
    measure: ({ requests: r }: RunSummary) => {
      const why = r.rejectedByReason;
      const refused = (why.shed ?? 0) + (why.limited ?? 0) + (why.throttled ?? 0);
      return r.total > 0 ? refused / r.total : null;
    },
  };
}
