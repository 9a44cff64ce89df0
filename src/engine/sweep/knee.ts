import type { FigureName } from './figures.ts';
import type { SweepPoint, SweepResult } from './results.ts';
import type { StrategyName } from '../strategies/strategy.ts';

/**
 * The knee of a latency-versus-load curve, defined as capacity planners read it off a chart: the
 * load at which latency reaches twice its value at the lowest load swept. Between two swept loads
 * it is interpolated linearly; before the first crossing the curve may wobble, after it the
 * system is on the wall.
 */

/** Where a curve first reaches `factor` × its first y, or null when it never does. */
export function kneeOf(
  curve: readonly { readonly x: number; readonly y: number | null }[],
  factor = 2,
): number | null {
  const points = curve
    .filter((p): p is { x: number; y: number } => p.y !== null)
    .sort((a, b) => a.x - b.x);
  if (points.length < 2 || !(points[0]!.y > 0)) return null;
  const target = points[0]!.y * factor;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (b.y >= target) return a.x + ((target - a.y) / (b.y - a.y)) * (b.x - a.x);
  }
  return null;
}

export interface StrategyKnee {
  readonly strategy: StrategyName;
  /** The knee's load, or null when latency stays under twice its low-load value. */
  readonly load: number | null;
}

/**
 * Each strategy's knee of `figure` (mean latency by default) in a sweep over two or more loads;
 * [] for a sweep over anything else.
 */
export function kneesOf(result: SweepResult, figure: FigureName = 'meanMs'): StrategyKnee[] {
  if (result.vary.field !== 'load' || result.vary.values.length < 2) return [];
  return result.strategies.map((strategy) => ({
    strategy,
    load: kneeOf(
      result.points
        .filter((p: SweepPoint) => p.strategy === strategy)
        .map((p) => ({ x: p.value, y: p.figures[figure]?.mean ?? null })),
    ),
  }));
}
