import type { Scenario } from '../../engine/scenario/types.ts';
import type { StrategyName } from '../../engine/strategies/strategy.ts';
import type { FigureName } from '../../engine/sweep/figures.ts';
import type { SweepPlan } from '../../engine/sweep/plan.ts';
import {
  CheMemo,
  chePrediction,
  erlangBPrediction,
  mm1AttainmentPrediction,
  mm1Prediction,
  supermarketPrediction,
  type TheoryPrediction,
} from '../theory/index.ts';

/**
 * Theory curves beside a sweep's measured ones: each point's scenario (the variant the sweep ran)
 * is put to the formula that covers its figure, the same verdicts the Theory panel gives for one
 * setup. M/M/1 covers random routing's mean latency and SLO attainment, the supermarket model
 * power of d choices',
 * Erlang B the rejected share of a loss system, Che the hit rate of an LRU cache. Where a formula
 * does not cover a point, its reasons are kept to be shown instead of a line.
 */

export interface TheoryCurve {
  readonly strategy: StrategyName;
  /** The formula's name as the legend shows it. */
  readonly label: string;
  /** Points where the formula applies, in value order. */
  readonly points: readonly { readonly x: number; readonly y: number }[];
  /** Why some (or all) values have no theory point: "at 0.95: …". Empty when all are covered. */
  readonly outside: readonly string[];
}

const LABELS: Record<TheoryPrediction['id'], string> = {
  mm1: 'M/M/1',
  supermarket: 'supermarket model',
  'erlang-b': 'Erlang B',
  che: 'Che approximation',
};

/** Which formula speaks to `figure` for `strategy`, or null when none does. */
function formulaFor(
  figure: FigureName,
  strategy: StrategyName,
): ((setup: Scenario, che: CheMemo) => TheoryPrediction) | null {
  const input = (setup: Scenario) => ({ setup, liveRatePerSec: 0 });
  if (figure === 'meanMs') {
    if (strategy === 'random') return (s) => mm1Prediction(input(s));
    if (strategy === 'power-of-two-choices') return (s) => supermarketPrediction(input(s));
    return null;
  }
  if (figure === 'sloAttainment') {
    return strategy === 'random' ? (s) => mm1AttainmentPrediction(input(s)) : null;
  }
  if (figure === 'rejectedShare') return (s) => erlangBPrediction(input(s));
  if (figure === 'hitRate') return (s, che) => chePrediction(input(s), che);
  return null;
}

/**
 * Why strategies have no theory curve for `figure` at all (the per-value reasons of those that do
 * are in their curves' `outside`), one sentence each.
 */
export function noTheoryReasons(
  figure: FigureName,
  strategies: readonly StrategyName[],
  labelOf: (s: StrategyName) => string,
): string[] {
  if (figure === 'rejectedShare' || figure === 'hitRate') return [];
  const covered = NOT_COVERED[figure];
  if (covered === undefined) {
    return [
      'No closed-form result for this figure: theory here covers mean latency, SLO attainment (M/M/1), the rejected share (Erlang B) and the hit rate (Che).',
    ];
  }
  return strategies
    .filter((s) => formulaFor(figure, s) === null)
    .map((s) => `${labelOf(s)}: no closed-form ${covered}.`);
}

/** The figures theory covers for some strategies only: what it covers, said of the others. */
const NOT_COVERED: Partial<Record<FigureName, string>> = {
  meanMs:
    'mean latency here (M/M/1 covers random routing, the supermarket model power of d choices)',
  sloAttainment: 'SLO attainment here (M/M/1 covers random routing)',
};

/** The theory curve of each strategy the figure has a formula for. */
export function theoryCurves(plan: SweepPlan, figure: FigureName): TheoryCurve[] {
  const { strategies, vary } = plan.header;
  const che = new CheMemo();
  const curves: TheoryCurve[] = [];
  strategies.forEach((strategy, si) => {
    const formula = formulaFor(figure, strategy);
    if (formula === null) return;
    const points: { x: number; y: number }[] = [];
    const outside: string[] = [];
    let label = '';
    vary.values.forEach((x, vi) => {
      const variant = plan.variants[si * vary.values.length + vi];
      if (variant === undefined) return;
      const p = formula(variant, che);
      label = LABELS[p.id];
      if (p.predicted !== null) points.push({ x, y: p.predicted });
      else outside.push(`at ${vary.field} ${x}: ${p.reasons.join('; ')}`);
    });
    curves.push({ strategy, label, points: points.sort((a, b) => a.x - b.x), outside });
  });
  // Erlang B and Che do not depend on the strategy here: one curve is enough when they agree.
  if (figure === 'rejectedShare' || figure === 'hitRate') {
    const same = curves.filter(
      (c) => JSON.stringify(c.points) === JSON.stringify(curves[0]?.points),
    );
    if (same.length === curves.length) return curves.slice(0, 1);
  }
  return curves;
}
