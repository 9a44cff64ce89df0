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
  // Figures that exist only when the scenario declares what they need go here, with a line in
  // `figuresFor` below: `sloAttainment` (share of requests within the scenario's `slo`
  // threshold) and `dollars` (the run's `cost`) once scenarios carry slo and cost.
] as const;

export type FigureName = (typeof FIGURE_NAMES)[number];

/** One run's figures. */
export type RunFigures = { readonly [K in FigureName]: number | null };

export interface FigureInfo {
  /** Column heading in tables. */
  readonly label: string;
  /** How the value reads: milliseconds, per simulated second, or a share from 0 to 1. */
  readonly unit: 'ms' | 'per second' | 'share';
  /** Decimals kept in results; ms to the microsecond, shares to one in a million. */
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
};

/** The figures a sweep of this base scenario reports, in the order of FIGURE_NAMES. */
export function figuresFor(_base: Scenario): FigureName[] {
  return [...FIGURE_NAMES];
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
  const raw: RunFigures = {
    meanMs: latency.mean,
    p50Ms: latency.p50,
    p99Ms: latency.p99,
    p999Ms: latency.p999,
    throughputPerSec: spanMs > 0 ? ((after.served - before.served) * 1000) / spanMs : null,
    rejectedShare: arrived > 0 ? (after.rejected - before.rejected) / arrived : null,
    utilization: spanMs > 0 && servers > 0 ? busy / (spanMs * servers) : null,
    hitRate: lookups > 0 ? hits / lookups : null,
  };
  const out = {} as { [K in FigureName]: number | null };
  for (const name of FIGURE_NAMES) out[name] = roundFigure(name, raw[name]);
  return out;
}
