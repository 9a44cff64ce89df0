import { budgetLeft } from '../../engine/metrics/sloTracker.ts';
import type { SloWindows } from '../../store/scalingHistory.ts';

/** The SLO over the run, one point per one-minute window (its end), for the charts. */
export interface BudgetSeries {
  readonly length: number;
  /** End of each window, simulated ms. */
  readonly time: Float64Array;
  /** Share of the window's ended requests that met the threshold; NaN when none ended. */
  readonly attainment: Float64Array;
  /** The error budget left after the window (cumulative since the objective was set). */
  readonly budgetLeft: Float64Array;
}

/**
 * Per-window attainment and the budget left after each window, from the windows' counts. The
 * window still filling is included: the last point moves until the minute is over.
 */
export function budgetSeries(w: SloWindows, objective: number): BudgetSeries {
  const n = w.ended.length;
  const time = new Float64Array(n);
  const attainment = new Float64Array(n);
  const left = new Float64Array(n);
  let good = 0;
  let ended = 0;
  for (let i = 0; i < n; i++) {
    const g = w.good[i] ?? 0;
    const e = w.ended[i] ?? 0;
    good += g;
    ended += e;
    time[i] = (w.first + i + 1) * w.windowMs;
    attainment[i] = e > 0 ? g / e : NaN;
    left[i] = ended > 0 ? budgetLeft(good, ended, objective) : NaN;
  }
  return { length: n, time, attainment, budgetLeft: left };
}
