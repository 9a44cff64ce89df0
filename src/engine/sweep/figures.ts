import type { Scenario } from '../scenario/types.ts';

/**
 * What each run of a sweep measures, over its measured window only (after the warm-up). A figure
 * is null when the window has nothing to measure it on (no request served, no cache look-up).
 */
export const FIGURE_NAMES = [
  'meanMs',
  'p50Ms',
  'p99Ms',
  'p999Ms',
  'throughputPerSec',
  'rejectedShare',
  'utilization',
  'hitRate',
  // Only where the scenario declares what they need (see `figuresFor`): its `slo` and its `cost`.
  'sloAttainment',
  'dollars',
] as const;

export type FigureName = (typeof FIGURE_NAMES)[number];

/** Figures a run reports only when its scenario has an `slo` or a `cost` (issue 13). */
export type ObjectiveFigure = 'sloAttainment' | 'dollars';

/**
 * One run's figures: every figure, the objective ones only when the scenario has them (so parts
 * and results of sweeps without them carry no such keys at all).
 */
export type RunFigures = { readonly [K in Exclude<FigureName, ObjectiveFigure>]: number | null } & {
  readonly [K in ObjectiveFigure]?: number | null;
};

export interface FigureInfo {
  /** Column heading in tables. */
  readonly label: string;
  /** How the value reads: milliseconds, per simulated second, a share from 0 to 1, or dollars. */
  readonly unit: 'ms' | 'per second' | 'share' | 'dollars';
  /**
   * Decimals kept in results; ms to the microsecond, shares to one in a million; SLO attainment
   * and dollars as the run's `--json` summary rounds them, so a sweep and `npm run sim` agree.
   */
  readonly decimals: number;
  /** One sentence for readers of the results. */
  readonly description: string;
}

export const FIGURES: { readonly [K in FigureName]: FigureInfo } = {
  meanMs: {
    label: 'mean ms',
    unit: 'ms',
    decimals: 3,
    description: 'Mean latency, arrival to completion, of requests served in the window.',
  },
  p50Ms: { label: 'p50 ms', unit: 'ms', decimals: 3, description: 'Median latency.' },
  p99Ms: { label: 'p99 ms', unit: 'ms', decimals: 3, description: '99th percentile latency.' },
  p999Ms: { label: 'p99.9 ms', unit: 'ms', decimals: 3, description: '99.9th percentile latency.' },
  throughputPerSec: {
    label: 'served/s',
    unit: 'per second',
    decimals: 3,
    description: 'Requests served per simulated second of the window.',
  },
  rejectedShare: {
    label: 'rejected',
    unit: 'share',
    decimals: 6,
    description: 'Share of the requests arriving in the window that were rejected.',
  },
  utilization: {
    label: 'utilization',
    unit: 'share',
    decimals: 6,
    description: 'Busy slot-time over capacity × window, averaged over the servers.',
  },
  hitRate: {
    label: 'hit rate',
    unit: 'share',
    decimals: 6,
    description: 'Cache hits over look-ups in the window; null with the cache off.',
  },
  sloAttainment: {
    label: 'SLO attainment',
    unit: 'share',
    decimals: 5,
    description:
      "Share of the requests ending in the window that were served within the scenario's SLO threshold; rejected, failed and timed-out requests count as misses.",
  },
  dollars: {
    label: 'cost $',
    unit: 'dollars',
    decimals: 4,
    description:
      "What the window cost: server-hours of servers running, starting or draining times the price per server-hour, plus the price per million requests for the window's arrivals.",
  },
};

/** The figures a sweep of this base scenario reports, in the order of FIGURE_NAMES. */
export function figuresFor(base: Scenario): FigureName[] {
  return FIGURE_NAMES.filter(
    (name) =>
      (name !== 'sloAttainment' || base.slo !== undefined) &&
      (name !== 'dollars' || base.cost !== undefined),
  );
}

/** Rounds a figure to the decimals it is reported with, so results carry no noise digits. */
export function roundFigure(name: FigureName, value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** FIGURES[name].decimals;
  const rounded = Math.round(value * f) / f;
  return rounded === 0 ? 0 : rounded; // never -0, which JSON would print as 0 anyway
}

/** A run's counters at one instant (taken at the end of the warm-up and at the end). */
export interface RunMark {
  readonly timeMs: number;
  readonly arrived: number;
  readonly served: number;
  readonly rejected: number;
  readonly cacheHits: number;
  readonly cacheMisses: number;
  /** Per server slot: busy slot-time / capacity accumulated since the start, in ms. */
  readonly busyMs: readonly number[];
  /** Requests ended so far and those of them within the SLO's threshold; null without an SLO. */
  readonly slo: { readonly good: number; readonly ended: number } | null;
  /** The bill so far in dollars (the cost meter's, unrounded); null without a cost. */
  readonly dollars: number | null;
}

/** Latency over the window, from a histogram that holds only the window's requests. */
export interface WindowLatency {
  readonly mean: number | null;
  readonly p50: number | null;
  readonly p99: number | null;
  readonly p999: number | null;
}

/** The figures of the window between two marks. */
export function windowFigures(before: RunMark, after: RunMark, latency: WindowLatency): RunFigures {
  const spanMs = after.timeMs - before.timeMs;
  const arrived = after.arrived - before.arrived;
  const hits = after.cacheHits - before.cacheHits;
  const lookups = hits + after.cacheMisses - before.cacheMisses;
  let busy = 0;
  for (let slot = 0; slot < after.busyMs.length; slot++) {
    busy += after.busyMs[slot]! - (before.busyMs[slot] ?? 0);
  }
  const servers = after.busyMs.length;
  const sloEnded = after.slo === null ? 0 : after.slo.ended - (before.slo?.ended ?? 0);
  const raw: { [K in FigureName]?: number | null } = {
    meanMs: latency.mean,
    p50Ms: latency.p50,
    p99Ms: latency.p99,
    p999Ms: latency.p999,
    throughputPerSec: spanMs > 0 ? ((after.served - before.served) * 1000) / spanMs : null,
    rejectedShare: arrived > 0 ? (after.rejected - before.rejected) / arrived : null,
    utilization: spanMs > 0 && servers > 0 ? busy / (spanMs * servers) : null,
    hitRate: lookups > 0 ? hits / lookups : null,
  };
  if (after.slo !== null) {
    raw.sloAttainment = sloEnded > 0 ? (after.slo.good - (before.slo?.good ?? 0)) / sloEnded : null;
  }
  if (after.dollars !== null) raw.dollars = after.dollars - (before.dollars ?? 0);
  const out: { [K in FigureName]?: number | null } = {};
  for (const name of FIGURE_NAMES) {
    if (name in raw) out[name] = roundFigure(name, raw[name] ?? null);
  }
  return out as RunFigures;
}
