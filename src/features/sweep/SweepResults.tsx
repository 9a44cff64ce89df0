import { useMemo } from 'react';
import { FIGURES, type FigureName } from '../../engine/sweep/figures.ts';
import { STRATEGY_INFO } from '../../engine/strategies/index.ts';
import { useApp } from '../../store/hooks.tsx';
import { SweepChart } from './SweepChart.tsx';
import { figureAxisLabel } from './sweepCsv.ts';
import { hasKnee, sweepSeries } from './sweepSeries.ts';
import { noTheoryReasons, theoryCurves } from './sweepTheory.ts';

/**
 * The sweep's chart with its choices (which figure, log scale) and, under it, what theory does
 * not cover and why, so a missing dashed line is never a mystery.
 */
export function SweepResults() {
  const plan = useApp((s) => s.sweep.plan);
  const points = useApp((s) => s.sweep.points);
  const view = useApp((s) => s.sweep.view);
  const setView = useApp((s) => s.sweep.setView);
  const sloMs = useApp((s) => s.sweep.draft.sloMs);
  const openPoint = useApp((s) => s.sweep.openPoint);
  const figure: FigureName = plan?.header.figures.includes(view.figure)
    ? view.figure
    : (plan?.header.figures[0] ?? 'meanMs');
  const theory = useMemo(() => (plan ? theoryCurves(plan, figure) : []), [plan, figure]);
  const series = useMemo(
    () => (plan ? sweepSeries(plan.header, points, figure) : []),
    [plan, points, figure],
  );
  if (plan === null) return null;
  const { header } = plan;
  const general = noTheoryReasons(figure, header.strategies, (s) => STRATEGY_INFO[s].label);

  return (
    <div className="sweep-results">
      <div className="sweep-row">
        <label htmlFor="sweep-figure">Show</label>
        <select
          id="sweep-figure"
          data-testid="sweep.figure"
          value={figure}
          onChange={(e) => setView({ figure: e.target.value as FigureName })}
        >
          {header.figures.map((f) => (
            <option key={f} value={f}>
              {figureAxisLabel(f)}
            </option>
          ))}
        </select>
        <label className="sweep-check">
          <input
            type="checkbox"
            data-testid="sweep.log"
            checked={view.log}
            onChange={(e) => setView({ log: e.target.checked })}
          />
          log scale
        </label>
      </div>
      <SweepChart
        header={header}
        series={series}
        theory={theory}
        figure={figure}
        log={view.log}
        sloMs={sloMs}
        onOpen={(point) => void openPoint(point)}
      />
      <p className="sweep-note">
        {FIGURES[figure].description} Bands: 95% confidence intervals of the mean over the
        replications (Student’s t with one degree of freedom fewer than replications).
        {hasKnee(header, figure) &&
          ' Dotted lines: each strategy’s knee, where latency reaches twice its value at the lowest load.'}
      </p>
      {(general.length > 0 || theory.some((c) => c.outside.length > 0)) && (
        <details className="sweep-outside" data-testid="sweep.outside">
          <summary>Outside what theory covers</summary>
          <ul>
            {general.map((g) => (
              <li key={g}>{g}</li>
            ))}
            {theory
              .filter((c) => c.outside.length > 0)
              .map((c) => (
                <li key={c.strategy}>
                  {c.label} for {STRATEGY_INFO[c.strategy].label}:{' '}
                  {c.points.length === 0 ? 'no point is covered' : 'some points are not covered'}:
                  <ul>
                    {c.outside.slice(0, 4).map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                    {c.outside.length > 4 && <li>and {c.outside.length - 4} more values</li>}
                  </ul>
                </li>
              ))}
          </ul>
        </details>
      )}
    </div>
  );
}
