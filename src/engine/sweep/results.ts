import type { StrategyName } from '../strategies/strategy.ts';
import { roundFigure, type FigureName, type RunFigures } from './figures.ts';
import { pointCount, type SweepHeader } from './plan.ts';
import { meanCi95 } from './statistics.ts';

/**
 * A sweep's results, as `npm run sweep -- --json` prints them: the header, then one point per
 * (strategy, value) with, per figure, the mean over replications, its 95% confidence interval and
 * the per-replication values. Built only from the header and the runs' figures, so the whole run
 * and the merge of its shards give the same object, and the same JSON text.
 */

export interface FigureStats {
  readonly mean: number | null;
  /** Student's t interval; null with fewer than two values. */
  readonly ci95: readonly [number, number] | null;
  /** One per replication, in replication order; null where a run had nothing to measure. */
  readonly values: readonly (number | null)[];
}

export interface SweepPoint {
  readonly strategy: StrategyName;
  readonly value: number;
  /** Replications run for this point. */
  readonly replications: number;
  readonly figures: { readonly [K in FigureName]?: FigureStats };
}

export interface SweepResult extends SweepHeader {
  readonly points: readonly SweepPoint[];
}

/** The statistics of one figure over a point's replications, rounded like the figure. */
export function figureStats(name: FigureName, values: readonly (number | null)[]): FigureStats {
  const { mean, ci95 } = meanCi95(values);
  return {
    mean: roundFigure(name, mean),
    ci95: ci95 === null ? null : [roundFigure(name, ci95[0])!, roundFigure(name, ci95[1])!],
    values,
  };
}

/** One point from its replications' figures (in replication order). */
export function pointOf(
  header: SweepHeader,
  point: number,
  runs: readonly RunFigures[],
): SweepPoint {
  const values = header.vary.values;
  const figures: { [K in FigureName]?: FigureStats } = {};
  for (const name of header.figures)
    figures[name] = figureStats(
      name,
      runs.map((r) => r[name] ?? null),
    );
  return {
    strategy: header.strategies[Math.floor(point / values.length)]!,
    value: values[point % values.length]!,
    replications: runs.length,
    figures,
  };
}

/**
 * The results of a sweep from the figures of every run, indexed by run. Throws when a run is
 * missing: results are only ever assembled from a complete set (see `mergeParts`).
 */
export function assembleResult(
  header: SweepHeader,
  runs: readonly (RunFigures | undefined)[],
): SweepResult {
  const points: SweepPoint[] = [];
  const r = header.replications;
  for (let point = 0; point < pointCount(header); point++) {
    const own: RunFigures[] = [];
    for (let k = 0; k < r; k++) {
      const figures = runs[point * r + k];
      if (figures === undefined) throw new RangeError(`run ${point * r + k} has no figures`);
      own.push(figures);
    }
    points.push(pointOf(header, point, own));
  }
  return { ...header, points };
}

/** The results as JSON text: the one serialization, shared by a whole run and a merge. */
export function resultJson(result: SweepResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/**
 * The points that have at least one finished run, each over the replications finished so far
 * (`replications` says how many): what a page shows while a sweep streams in, and what a shard
 * shows of its part. A point is complete when `replications` equals the header's.
 */
export function pointsSoFar(
  header: SweepHeader,
  runs: readonly (RunFigures | undefined)[],
): SweepPoint[] {
  const points: SweepPoint[] = [];
  const r = header.replications;
  for (let point = 0; point < pointCount(header); point++) {
    const own: RunFigures[] = [];
    for (let k = 0; k < r; k++) {
      const figures = runs[point * r + k];
      if (figures !== undefined) own.push(figures);
    }
    if (own.length > 0) points.push(pointOf(header, point, own));
  }
  return points;
}
