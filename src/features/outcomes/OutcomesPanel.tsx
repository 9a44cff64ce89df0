import { useMemo } from 'react';
import {
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTimes,
  symbolTriangle,
  symbolWye,
} from 'd3-shape';
import {
  INK,
  INK_LIGHT,
  INK_SOFT,
  WARNING_COLOUR,
  WARNING_TEXT_COLOUR,
} from '../../lib/palette.ts';
import { keyed, useKeyedSnapshot, timeKey } from '../../store/keyedSelector.ts';
import { OutcomesChart, type OutcomeLine } from './OutcomesChart.tsx';
import { movingAverage } from './movingAverage.ts';
import './OutcomesPanel.css';

const selectSeries = keyed(
  (snap) => timeKey(snap.series.time),
  (snap) => ({ ...snap.series, overload: snap.overload?.series ?? null }),
);

/** Overload control's outcomes: design tokens (index.css) with a light and a dark value each. */
const SHED_COLOUR = 'var(--outcome-shed)';
const LIMITED_COLOUR = 'var(--outcome-limited)';
const THROTTLED_COLOUR = 'var(--outcome-throttled)';

/** total − the rest, never below 0 (the parts are counted in the same intervals). */
function minus(total: Float64Array, ...parts: Float64Array[]): Float64Array {
  return total.map((v, i) =>
    Math.max(
      0,
      parts.reduce((left, p) => left - p[i]!, v),
    ),
  );
}

/**
 * What became of the requests, per second over the recorded window: served, rejected by the
 * balancer, failed at a server, timed out at the client, and the retries sent on their behalf.
 */
export function OutcomesPanel() {
  const series = useKeyedSnapshot(selectSeries);

  const lines = useMemo((): OutcomeLine[] | null => {
    if (!series || series.length < 2) return null;
    // Rates over the last simulated second, whatever the sample interval.
    const span = Math.round(1000 / Math.max(1, series.time[1]! - series.time[0]!));
    const perSecond = (v: Float64Array) => movingAverage(v, span);
    const o = series.overload;
    // With overload control the balancer's own rejections are told apart from the new reasons.
    const rejected = o
      ? minus(series.rejectionsPerSec, o.shedPerSec, o.limitedPerSec, o.throttledPerSec)
      : series.rejectionsPerSec;
    const lines: OutcomeLine[] = [
      {
        key: 'served',
        label: 'served',
        values: perSecond(series.throughputPerSec),
        colour: INK,
        dash: undefined,
        marker: symbolCircle,
        hollow: false,
        meaning: 'answered by a server while the client still waited',
      },
      {
        key: 'rejected',
        label: 'rejected',
        values: perSecond(rejected),
        colour: WARNING_COLOUR,
        dash: '6 3',
        marker: symbolTimes,
        hollow: true,
        meaning: 'turned away by the balancer: no healthy server, or the one picked was full',
      },
      {
        key: 'failed',
        label: 'failed',
        values: perSecond(series.failuresPerSec),
        colour: WARNING_TEXT_COLOUR,
        dash: '2 3',
        marker: symbolTriangle,
        hollow: false,
        meaning:
          'ended in an error: the server failed it, crashed, or never answered the connection',
      },
      {
        key: 'timedOut',
        label: 'timed out',
        values: perSecond(series.timeoutsPerSec),
        colour: INK_SOFT,
        dash: '8 3 2 3',
        marker: symbolDiamond,
        hollow: false,
        meaning: 'the client’s timeout ran out first',
      },
      {
        key: 'retries',
        label: 'retries sent',
        values: perSecond(series.retriesPerSec),
        colour: INK_LIGHT,
        dash: '10 4',
        marker: symbolSquare,
        hollow: true,
        meaning: 'extra attempts for requests whose attempt failed (not requests themselves)',
      },
    ];
    if (o)
      lines.push(
        {
          key: 'shed',
          label: 'shed',
          values: perSecond(o.shedPerSec),
          colour: SHED_COLOUR,
          dash: '4 2',
          marker: symbolCross,
          hollow: false,
          meaning: 'refused by a server from its own queue (queue limit, queue time, CoDel)',
        },
        {
          key: 'limited',
          label: 'limited',
          values: perSecond(o.limitedPerSec),
          colour: LIMITED_COLOUR,
          dash: '1 3',
          marker: symbolStar,
          hollow: false,
          meaning: 'refused by the balancer: the server picked held its learned concurrency limit',
        },
        {
          key: 'throttled',
          label: 'throttled',
          values: perSecond(o.throttledPerSec),
          colour: THROTTLED_COLOUR,
          dash: '12 3 2 3',
          marker: symbolWye,
          hollow: false,
          meaning: 'rejected by the client itself (adaptive throttling), never sent',
        },
        {
          key: 'hedges',
          label: 'hedges sent',
          values: perSecond(o.hedgesPerSec),
          colour: INK_LIGHT,
          dash: '2 2',
          marker: symbolDiamond,
          hollow: true,
          meaning: 'second copies of slow requests (not requests themselves)',
        },
      );
    return lines;
  }, [series]);

  return (
    <section className="panel outcomes-panel" aria-labelledby="outcomes-title">
      <h2 id="outcomes-title">Outcomes over time</h2>
      {series && lines ? (
        <>
          <p className="chart-basis">
            Per simulated second, each point the average over the last simulated second.
          </p>
          <OutcomesChart time={series.time} lines={lines} height={170} yLabel="per sim. s" />
          <details className="outcomes-note">
            <summary>What each outcome means</summary>
            <p>
              Each request ends once: served, rejected, failed or timed out
              {series.overload
                ? ' (rejected split into the balancer’s, shed, limited and throttled)'
                : ''}
              . A retry or a hedge is another attempt of the same request, so it is counted apart.
              Rates are per simulated second, each point the average over the last simulated second
              (the throughput chart above shows single intervals instead).
            </p>
            <ul>
              {lines.map((l) => (
                <li key={l.key}>
                  <strong>{l.label}</strong>: {l.meaning}.
                </li>
              ))}
            </ul>
          </details>
        </>
      ) : (
        <p className="chart-empty">
          The chart starts once simulated time runs (a sample every interval).
        </p>
      )}
    </section>
  );
}
