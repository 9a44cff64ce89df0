import { useMemo } from 'react';
import { symbolCircle, symbolDiamond, symbolSquare, symbolTimes, symbolTriangle } from 'd3-shape';
import { WARNING_COLOUR, WARNING_TEXT_COLOUR } from '../../lib/palette.ts';
import { keyed, useKeyedSnapshot, timeKey } from '../../store/keyedSelector.ts';
import { OutcomesChart, type OutcomeLine } from './OutcomesChart.tsx';
import { movingAverage } from './movingAverage.ts';
import './OutcomesPanel.css';

const selectSeries = keyed(
  (snap) => timeKey(snap.series.time),
  (snap) => snap.series,
);

/** Inks that no server has, so no run-wide line is read as one server's. */
const INK = '#14202b';
const INK_SOFT = '#52606d';
const INK_LIGHT = '#6b7884';

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
    return [
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
        values: perSecond(series.rejectionsPerSec),
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
  }, [series]);

  return (
    <section className="panel outcomes-panel" aria-labelledby="outcomes-title">
      <h2 id="outcomes-title">Outcomes over time</h2>
      {series && lines ? (
        <>
          <OutcomesChart
            time={series.time}
            lines={lines}
            height={170}
            yLabel="per second (1 s average)"
          />
          <details className="outcomes-note">
            <summary>What each outcome means</summary>
            <p>
              Each request ends once: served, rejected, failed or timed out. A retry is another
              attempt of the same request, so it is counted apart. Each point averages the last
              simulated second.
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
