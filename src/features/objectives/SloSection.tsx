import { useMemo, useState } from 'react';
import type { SloSpec } from '../../engine/scenario/types.ts';
import { TimeSeriesChart, type SeriesLine } from '../../charts/TimeSeriesChart.tsx';
import { clockTime } from '../../lib/clockTime.ts';
import { formatCount, formatPercent } from '../../lib/format.ts';
import { INK, WARNING_COLOUR } from '../../lib/palette.ts';
import { useThrottled } from '../../lib/useThrottled.ts';
import { useApp } from '../../store/hooks.tsx';
import { DraftField } from '../../ui/DraftField.tsx';
import { budgetSeries } from './budgetSeries.ts';
import { RULES } from './objectiveRules.ts';

const DEFAULT_SLO: SloSpec = { thresholdMs: 300, objective: 0.99 };

const pct = (v: number) =>
  Number.isFinite(v) ? formatPercent(v, v > 0.999 || v < -9.99 ? 2 : 1) : '–';

/**
 * The latency objective: a threshold and the share of requests that must meet it. Shows the
 * attainment so far (rejected, failed and timed-out requests are misses), the error budget left,
 * the minutes below the objective, and both over time.
 */
export function SloSection({
  setSlo,
}: {
  readonly setSlo: (s: SloSpec | null) => Promise<boolean>;
}) {
  const spec = useApp((s) => s.snapshot?.setup.slo ?? null);
  const report = useApp((s) => s.snapshot?.scaling?.slo ?? null);
  const history = useApp((s) => s.scalingHistory);
  const version = useApp((s) => (s.snapshot?.scaling?.slo ? s.scalingHistory.version : -1));
  const shown = useThrottled(version, 250);
  const [remembered, setRemembered] = useState<SloSpec>(spec ?? DEFAULT_SLO);
  if (spec !== null && spec !== remembered) setRemembered(spec);

  const charts = useMemo(() => {
    void shown;
    const windows = history.sloWindows();
    if (!windows || !spec || windows.ended.length < 2) return null;
    const s = budgetSeries(windows, spec.objective);
    const xDomain: readonly [number, number] = [
      s.time[0]! / 1000 - windows.windowMs / 1000,
      s.time[s.length - 1]! / 1000,
    ];
    const objective = new Float64Array(s.length).fill(spec.objective);
    const attainment: SeriesLine[] = [
      {
        key: 'a',
        label: 'within threshold, per minute',
        values: s.attainment,
        colour: INK,
        format: pct,
      },
      {
        key: 'o',
        label: 'objective',
        values: objective,
        colour: WARNING_COLOUR,
        dashed: true,
        format: pct,
      },
    ];
    // Spent rather than left: it only grows, and stays on the chart once overspent.
    const spent = s.budgetLeft.map((v) => 1 - v);
    const all = new Float64Array(s.length).fill(1);
    const budget: SeriesLine[] = [
      { key: 'b', label: 'error budget spent', values: spent, colour: INK, format: pct },
      {
        key: 'all',
        label: 'whole budget',
        values: all,
        colour: WARNING_COLOUR,
        dashed: true,
        format: pct,
      },
    ];
    return { time: s.time, xDomain, attainment, budget };
  }, [history, shown, spec]);

  return (
    <fieldset className="objectives-group" data-testid="objectives.slo">
      <legend>Latency objective (SLO)</legend>
      <label className="objectives-switch">
        <input
          type="checkbox"
          data-testid="objectives.slo.enabled"
          checked={spec !== null}
          onChange={(e) => void setSlo(e.target.checked ? remembered : null)}
        />
        Hold the run to an objective
      </label>
      {spec !== null && (
        <>
          <div className="objectives-fields">
            <DraftField
              id="objectives-threshold"
              label="Served within"
              testId="objectives.thresholdMs"
              value={String(spec.thresholdMs)}
              rule={RULES.thresholdMs}
              unit="ms"
              className="objectives-field"
              onCommit={(thresholdMs) => setSlo({ ...spec, thresholdMs })}
            />
            <DraftField
              id="objectives-objective"
              label="For at least"
              testId="objectives.objective"
              value={String(+(spec.objective * 100).toFixed(4))}
              rule={RULES.objectivePercent}
              unit="%"
              className="objectives-field"
              onCommit={(v) => setSlo({ ...spec, objective: v / 100 })}
            />
          </div>
          {report && (
            <dl className="objectives-figures">
              <div>
                <dt>Attainment</dt>
                <dd
                  data-testid="objectives.attainment"
                  className={
                    report.attainment !== null && report.attainment < spec.objective
                      ? 'is-miss'
                      : ''
                  }
                >
                  {report.attainment === null ? '–' : pct(report.attainment)}
                </dd>
              </div>
              <div>
                <dt>Error budget left</dt>
                <dd
                  data-testid="objectives.budgetLeft"
                  className={report.budgetLeft !== null && report.budgetLeft < 0 ? 'is-miss' : ''}
                >
                  {report.budgetLeft === null ? '–' : pct(report.budgetLeft)}
                  {report.budgetLeft !== null && report.budgetLeft < 0 && ' (overspent)'}
                </dd>
              </div>
              <div>
                <dt>Minutes below</dt>
                <dd data-testid="objectives.windowsBroken">{formatCount(report.windowsBroken)}</dd>
              </div>
            </dl>
          )}
          {report && report.since > 0 && (
            <p className="objectives-note">
              Counted since {clockTime(report.since)}, when the objective was set.
            </p>
          )}
          {charts && (
            <>
              <TimeSeriesChart
                time={charts.time}
                lines={charts.attainment}
                yLabel="share"
                xDomain={charts.xDomain}
                height={110}
                showXLabels={false}
                testId="objectives.attainmentChart"
                name="SLO attainment"
                title="Share of requests within the threshold, minute by minute, against the objective"
              />
              <TimeSeriesChart
                time={charts.time}
                lines={charts.budget}
                yLabel="budget spent"
                xDomain={charts.xDomain}
                height={110}
                showXLabels
                testId="objectives.budgetChart"
                name="Error budget spent"
                title="Share of the error budget spent over the run, against the whole budget"
              />
            </>
          )}
        </>
      )}
    </fieldset>
  );
}
