import { useMemo } from 'react';
import { useApp } from '../../store/hooks.tsx';
import type { SeriesSnapshot } from '../../worker/protocol.ts';
import { INK, INK_SOFT, WARNING_COLOUR } from '../../lib/palette.ts';
import { formatMs, formatRate } from '../../lib/format.ts';
import { goodputSeries } from '../../store/goodput.ts';
import { keyed, useKeyedSnapshot, timeKey } from '../../store/keyedSelector.ts';
import { TimeSeriesChart, type SeriesLine } from '../../charts/TimeSeriesChart.tsx';
import { clockTime } from '../../lib/clockTime.ts';
import { basisText } from './basisText.ts';
import { RecordingControls } from './RecordingControls.tsx';
import { TimelineScrubber } from './TimelineScrubber.tsx';
import '../../charts/charts.css';
import './TimelineScrubber.css';

/** Goodput: Paul Tol's green, a colour no server has. */
const GOODPUT_COLOUR = 'var(--outcome-goodput)';
/** A paused view shows as long a window as the live charts: the snapshot's 600 samples. */
const WINDOW_SAMPLES = 600;

/** What the two charts draw, live (from the snapshot) or from the page's whole-run history. */
type TimelineData = Pick<
  SeriesSnapshot,
  'length' | 'time' | 'throughputPerSec' | 'rejectionsPerSec' | 'p50' | 'p99'
> & { readonly goodputPerSec: Float64Array };

const selectSeries = keyed(
  (snap) => timeKey(snap.series.time),
  (snap): TimelineData => ({
    ...snap.series,
    goodputPerSec: goodputSeries(snap.series, snap.overload),
  }),
);

const rate = (v: number) => (Number.isFinite(v) ? formatRate(v) : '–');

/**
 * Throughput and rejections per second, and p50/p99 latency per interval, over simulated time;
 * the scrubber under them shows any earlier window of the run, and the run's recording.
 */
export function TimelinePanel() {
  const live = useKeyedSnapshot(selectSeries);
  const viewAt = useApp((s) => s.viewAt);
  const runHistory = useApp((s) => s.runHistory);
  // Goodput is drawn once the run measures it (an overload mechanism or a deadline is on).
  const measured = useApp((s) => s.snapshot?.overload !== undefined);
  const interval = useApp((s) => s.snapshot?.setup.sampleIntervalMs ?? 100);
  const span = interval * WINDOW_SAMPLES;
  // The history before `viewAt` no longer changes, so the window is read once per move.
  const past = useMemo(
    () => (viewAt === null ? null : runHistory.window(viewAt, span)),
    [viewAt, span, runHistory],
  );
  const series: TimelineData | null = past ?? live;

  const charts = useMemo(() => {
    if (!series || series.length < 2) return null;
    const t = series.time;
    const xDomain: readonly [number, number] =
      viewAt === null
        ? [t[0]! / 1000, t[t.length - 1]! / 1000]
        : [Math.max(0, viewAt - span) / 1000, viewAt / 1000];
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
    if (measured)
      flow.splice(1, 0, {
        key: 'good',
        label: 'goodput',
        values: series.goodputPerSec,
        colour: GOODPUT_COLOUR,
        format: rate,
      });
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
  }, [series, viewAt, span, measured]);

  const coarse = past !== null && past.rowMs > interval;
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">
        {measured ? 'Throughput, goodput, rejections, latency' : 'Throughput, rejections, latency'}
      </h2>
      {coarse && (
        <p className="viewing-note">
          This far back each point covers {past.rowMs / 1000} s: rates are averaged, p50/p99 are the
          highest of the merged intervals.
        </p>
      )}
      {charts ? (
        <>
          <p className="chart-basis" data-testid="timeline.basis">
            {basisText(coarse ? past.rowMs : interval)}
          </p>
          <TimeSeriesChart
            time={charts.t}
            lines={charts.flow}
            yLabel="per sim. s"
            xDomain={charts.xDomain}
            height={120}
            showXLabels={false}
            testId="timeline.throughput"
            name="Throughput and rejections"
            title={
              measured
                ? 'Throughput, goodput (served within the deadline) and rejections per simulated second, each point one sample interval, over simulated time'
                : 'Throughput and rejections per simulated second, each point one sample interval, over simulated time'
            }
          />
          <TimeSeriesChart
            time={charts.t}
            lines={charts.latency}
            yLabel="latency (ms)"
            xDomain={charts.xDomain}
            height={150}
            showXLabels
            testId="timeline.latency"
            name="Latency p50 and p99"
            title="Latency p50 and p99 per interval over simulated time"
          />
        </>
      ) : (
        <p className="chart-empty">
          {viewAt === null
            ? 'The charts start once simulated time runs (a sample every interval).'
            : `No samples reached the page in the window up to ${clockTime(viewAt)}.`}
        </p>
      )}
      <TimelineScrubber />
      <RecordingControls />
    </section>
  );
}
