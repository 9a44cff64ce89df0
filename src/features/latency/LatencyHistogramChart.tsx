import { useMemo } from 'react';
import { max } from 'd3-array';
import { scaleLinear, scaleLog } from 'd3-scale';
import { formatMs } from '../../lib/format.ts';
import { Axis } from '../../charts/Axis.tsx';
import { ChartFrame, useChartFrame } from '../../charts/ChartFrame.tsx';
import { ReferenceLine } from '../../charts/ReferenceLine.tsx';
import type { ChartReference } from '../../charts/chartReference.ts';
import { logFloor, type LatencyBin } from './histogramBins.ts';
import { formatTick, integerTicks } from '../../charts/ticks.ts';
import '../../charts/charts.css';
import '../../charts/reference.css';
import { countOf } from '../../lib/words.ts';

/** Props of {@link LatencyHistogramChart}. */
export interface LatencyHistogramChartProps {
  /** Non-empty, from rebinLatency. */
  readonly bins: readonly LatencyBin[];
  readonly p50: number | null;
  readonly p99: number | null;
  /** A value theory predicts (e.g. the M/M/1 mean), drawn as a labelled vertical line. */
  readonly reference?: ChartReference | null;
  readonly height?: number;
}

const M = { top: 32, right: 14, bottom: 36, left: 44 } as const;
/** Room above the plot for a third label row when a reference line is drawn. */
const REFERENCE_ROW = 13;
/** A neutral bar colour: the histogram is the whole run, not any one server. */
const BAR = 'var(--bar)';

/** The run's latency distribution on a log axis, with p50 and p99 marked. */
export function LatencyHistogramChart({
  bins,
  p50,
  p99,
  reference = null,
  height = 170,
}: LatencyHistogramChartProps) {
  // A reference line takes a label row of its own above the plot.
  const extra = reference ? REFERENCE_ROW : 0;
  const frame = useChartFrame(height + extra, { ...M, top: M.top + extra });
  const { width, innerW, innerH, top } = frame.plot;
  const refValue = reference !== null && reference.value > 0 ? reference.value : null;

  const { x, y, ticks } = useMemo(() => {
    // The reference line stays on the chart even where no request has landed yet.
    let hi = Math.max(bins[bins.length - 1]!.upper, refValue ?? 0);
    let lo = logFloor(Math.min(bins[0]!.lower, refValue ?? Infinity), hi);
    // A little room at both ends, and a narrow range widened to at least 4x so the axis has
    // readable ticks around one tall bar.
    const spread = Math.max(1.15, Math.sqrt(4 / (hi / lo)));
    lo /= spread;
    hi *= spread;
    const xs = scaleLog()
      .domain([lo, hi])
      .range([M.left, M.left + innerW]);
    const ys = scaleLinear()
      .domain([0, Math.max(1, max(bins, (b) => b.count) ?? 0)])
      .nice(4)
      .range([top + innerH, top]);
    // A log scale offers every 1..9 multiple; keep the ones d3 would label at this width.
    const count = Math.max(2, Math.floor(innerW / 60));
    const keep = xs.tickFormat(count);
    return { x: xs, y: ys, ticks: xs.ticks(count).filter((t) => keep(t) !== '') };
  }, [bins, innerW, innerH, top, refValue]);

  const base = top + innerH;
  // Two label rows, so close p50 and p99 never overprint; labels flip left near the right edge.
  const markers = [
    { key: 'p50', value: p50, row: 11 },
    { key: 'p99', value: p99, row: 24 },
  ];
  // A log axis has no 0: a percentile of 0 ms (every request a cache hit at 0 ms) sits at its
  // left end rather than at NaN.
  const at = (v: number) => x(Math.max(v, x.domain()[0]!));
  const flip = (v: number) => at(v) > width - 110;

  const title =
    `Latency histogram of the run: p50 ${formatMs(p50)}, p99 ${formatMs(p99)}` +
    (reference ? `; ${reference.label} ${formatMs(reference.value)} (theory)` : '');

  return (
    <ChartFrame frame={frame} title={title} name="Latency histogram" testId="latency.histogram">
      <Axis
        orient="left"
        scale={y}
        offset={M.left}
        tickValues={integerTicks(y, 4)}
        format={formatTick}
        label="requests"
        grid={innerW}
      />
      <Axis
        orient="bottom"
        scale={x}
        offset={base}
        tickValues={ticks}
        format={formatTick}
        label="latency (ms)"
      />
      {bins.map((b) => {
        const x0 = x(b.lower);
        const w = Math.max(1, x(b.upper) - x0 - 1);
        return (
          <rect key={b.lower} x={x0} y={y(b.count)} width={w} height={base - y(b.count)} fill={BAR}>
            <title>{`${formatMs(b.lower)} – ${formatMs(b.upper)}: ${countOf(b.count, 'request')}`}</title>
          </rect>
        );
      })}
      {markers.map(
        (mk) =>
          mk.value !== null && (
            <g key={mk.key} className="chart-marker" transform={`translate(${at(mk.value)},0)`}>
              <line
                y1={mk.row - 9}
                y2={base}
                strokeDasharray={mk.key === 'p99' ? '4 3' : undefined}
              />
              <text
                x={flip(mk.value) ? -4 : 4}
                y={mk.row}
                textAnchor={flip(mk.value) ? 'end' : 'start'}
              >
                {`${mk.key} ${formatMs(mk.value)}`}
              </text>
            </g>
          ),
      )}
      {reference && refValue !== null && (
        <ReferenceLine
          orient="vertical"
          at={x(refValue)}
          from={28}
          to={base}
          dash="2 2"
          label={`${reference.label} ${formatMs(refValue)} (theory)`}
          labelAt={{ x: x(refValue) + (flip(refValue) ? -4 : 4), y: 37 }}
          labelAnchor={flip(refValue) ? 'end' : 'start'}
          testId="latency.reference"
        />
      )}
    </ChartFrame>
  );
}
