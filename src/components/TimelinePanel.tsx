import { useMemo } from 'react';
import { usePlayground } from '../store/hooks.ts';
import { WARNING_COLOUR } from '../lib/palette.ts';
import { formatMs, formatRate } from '../lib/format.ts';
import { keyedSelector, timeKey } from '../charts/keyedSelector.ts';
import { TimeSeriesChart, type SeriesLine } from '../charts/TimeSeriesChart.tsx';
import '../charts/charts.css';

/** Ink for the run-wide lines: no server's colour, so nobody reads them as one server. */
const INK = '#14202b';
const INK_SOFT = '#52606d';

const selectSeries = keyedSelector(
  (snap) => timeKey(snap.series.time),
  (snap) => snap.series,
);

const rate = (v: number) => (Number.isFinite(v) ? formatRate(v) : '–');

/** Throughput and rejections per second, and p50/p99 latency per interval, over simulated time. */
export function TimelinePanel() {
  const series = usePlayground(selectSeries);

  const charts = useMemo(() => {
    if (!series || series.length < 2) return null;
    const t = series.time;
    const xDomain = [t[0]! / 1000, t[t.length - 1]! / 1000] as const;
    const flow: SeriesLine[] = [
      {
        key: 'tp',
        label: 'throughput',
        values: series.throughputPerSec,
        colour: INK,
        format: rate,
      },
      {
        key: 'rej',
        label: 'rejections',
        values: series.rejectionsPerSec,
        colour: WARNING_COLOUR,
        dashed: true,
        format: rate,
      },
    ];
    const latency: SeriesLine[] = [
      { key: 'p50', label: 'p50', values: series.p50, colour: INK, format: formatMs },
      {
        key: 'p99',
        label: 'p99',
        values: series.p99,
        colour: INK_SOFT,
        dashed: true,
        format: formatMs,
      },
    ];
    return { t, xDomain, flow, latency };
  }, [series]);

  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Throughput, rejections, latency</h2>
      {charts ? (
        <>
          <TimeSeriesChart
            time={charts.t}
            lines={charts.flow}
            yLabel="requests/s"
            xDomain={charts.xDomain}
            height={120}
            showXLabels={false}
            testId="timeline.throughput"
            title="Throughput and rejections per second over simulated time"
          />
          <TimeSeriesChart
            time={charts.t}
            lines={charts.latency}
            yLabel="latency (ms)"
            xDomain={charts.xDomain}
            height={150}
            showXLabels
            testId="timeline.latency"
            title="Latency p50 and p99 per interval over simulated time"
          />
        </>
      ) : (
        <p className="chart-empty">
          The charts start once simulated time runs (a sample every interval).
        </p>
      )}
    </section>
  );
}
