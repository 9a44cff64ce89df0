import { FIGURES, type FigureName } from '../../engine/sweep/figures.ts';
import { kneeOf } from '../../engine/sweep/knee.ts';
import type { SweepHeader } from '../../engine/sweep/plan.ts';
import type { SweepPoint } from '../../engine/sweep/results.ts';
import type { StrategyName } from '../../engine/strategies/strategy.ts';
import { serverColour } from '../../lib/palette.ts';

/**
 * What the sweep chart draws, worked out apart from drawing it: one series per strategy, in the
 * order the sweep lists them, each point with its mean, its 95% interval and its replications,
 * in the figure's display unit (shares as percentages), and the strategy's knee.
 */

export interface SeriesPoint {
  /** The point's index in the sweep (strategy-major), to load it into the playground. */
  readonly point: number;
  readonly x: number;
  readonly mean: number | null;
  readonly ci95: readonly [number, number] | null;
  readonly replications: number;
  /** Per-replication values in the display unit. */
  readonly values: readonly (number | null)[];
}

export interface StrategySeries {
  readonly strategy: StrategyName;
  readonly colour: string;
  readonly points: readonly SeriesPoint[];
  /** Where the figure first reaches twice its value at the lowest value swept, or null. */
  readonly knee: number | null;
}

/** Shares are shown as percentages; everything else as it is. */
export function displayScale(figure: FigureName): number {
  return FIGURES[figure].unit === 'share' ? 100 : 1;
}

/** Whether the knee is read on this figure: latency, against load. */
export function hasKnee(header: SweepHeader, figure: FigureName): boolean {
  return header.vary.field === 'load' && FIGURES[figure].unit === 'ms';
}

export function sweepSeries(
  header: SweepHeader,
  points: readonly SweepPoint[],
  figure: FigureName,
): StrategySeries[] {
  const k = displayScale(figure);
  const scaled = (v: number | null) => (v === null ? null : v * k);
  const n = header.vary.values.length;
  return header.strategies.map((strategy, si) => {
    const own: SeriesPoint[] = points
      .filter((p) => p.strategy === strategy)
      .map((p) => {
        const f = p.figures[figure];
        const ci = f?.ci95 ?? null;
        return {
          point: si * n + header.vary.values.indexOf(p.value),
          x: p.value,
          mean: scaled(f?.mean ?? null),
          ci95: ci === null ? null : ([ci[0] * k, ci[1] * k] as const),
          replications: p.replications,
          values: (f?.values ?? []).map(scaled),
        };
      })
      .sort((a, b) => a.x - b.x);
    const knee = hasKnee(header, figure) ? kneeOf(own.map((p) => ({ x: p.x, y: p.mean }))) : null;
    return { strategy, colour: serverColour(si), points: own, knee };
  });
}

/** A log x axis reads better when the values span more than 20 × (cache sizes 16 to 4,096). */
export function wantsLogX(values: readonly number[]): boolean {
  if (values.length < 3 || values.some((v) => !(v > 0))) return false;
  return Math.max(...values) / Math.min(...values) >= 20;
}
