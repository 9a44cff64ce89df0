import { memo, useMemo } from 'react';
import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line, symbol, type SymbolType } from 'd3-shape';
import { Axis } from '../../charts/Axis.tsx';
import { ChartFrame, useChartFrame } from '../../charts/ChartFrame.tsx';
import { LegendSwatch } from '../../charts/LegendSwatch.tsx';
import { SimTimeAxis } from '../../charts/SimTimeAxis.tsx';
import { formatTick, TIME_MARGIN } from '../../charts/ticks.ts';
import '../../charts/charts.css';
import './OutcomesChart.css';

/** One outcome's line: its own dash pattern and marker shape, so colour is never the only cue. */
export interface OutcomeLine {
  readonly key: string;
  readonly label: string;
  /** Per second, one value per sample. */
  readonly values: Float64Array;
  readonly colour: string;
  readonly dash: string | undefined;
  readonly marker: SymbolType;
  /** Stroke-only shapes (✕) are drawn as outlines, the others filled. */
  readonly hollow: boolean;
  /** One phrase for the legend's tooltip: what counts as this outcome. */
  readonly meaning: string;
}

/** Props of {@link OutcomesChart}. */
export interface OutcomesChartProps {
  /** Sample times in simulated ms, oldest first. */
  readonly time: Float64Array;
  readonly lines: readonly OutcomeLine[];
  readonly height: number;
  /** The y axis title, with its unit. */
  readonly yLabel: string;
}

/** Markers along each line; lines start at different offsets so shapes do not pile up. */
const MARKERS = 8;

const rate = (v: number | undefined) =>
  v === undefined || !Number.isFinite(v) ? '–' : `${formatTick(v)}/s`;

/** Requests per second by outcome over simulated time, with a legend giving each current rate. */
export const OutcomesChart = memo(function OutcomesChart({
  time,
  lines,
  height,
  yLabel,
}: OutcomesChartProps) {
  const frame = useChartFrame(height, TIME_MARGIN);
  const { innerW, innerH, margin: m } = frame.plot;
  const n = time.length;

  const x = useMemo(
    () =>
      scaleLinear()
        .domain([(time[0] ?? 0) / 1000, (time[n - 1] ?? 0) / 1000])
        .range([m.left, m.left + innerW]),
    [time, n, innerW, m.left],
  );
  const y = useMemo(() => {
    const top = max(lines, (l) => max(l.values)) ?? 0;
    return scaleLinear()
      .domain([0, Math.max(top, 1)])
      .nice(4)
      .range([m.top + innerH, m.top]);
  }, [lines, innerH, m.top]);

  const drawn = useMemo(() => {
    const step = Math.max(1, Math.floor(n / MARKERS));
    const at = Array.from({ length: n }, (_, i) => i);
    return lines.map((l, k) => {
      const ok = (i: number) => Number.isFinite(l.values[i]);
      const d = line<number>()
        .defined(ok)
        .x((i) => x(time[i]! / 1000))
        .y((i) => y(l.values[i]!))(at);
      const marks: number[] = [];
      const offset = Math.floor((step * k) / lines.length);
      for (let i = offset; i < n; i += step) if (ok(i)) marks.push(i);
      return { d: d ?? '', marks, shape: symbol(l.marker, 36)() ?? '' };
    });
  }, [lines, time, n, x, y]);

  const legend = (
    <ul className="chart-legend outcomes-legend">
      {lines.map((l, k) => (
        <li key={l.key} title={`${l.label}: ${l.meaning}`}>
          <LegendSwatch
            colour={l.colour}
            dash={l.dash}
            width={26}
            height={12}
            marker={
              <path
                d={drawn[k]?.shape}
                transform="translate(13,6) scale(0.8)"
                {...markerPaint(l)}
              />
            }
          />
          {l.label} <strong>{rate(l.values[n - 1])}</strong>
        </li>
      ))}
    </ul>
  );

  return (
    <ChartFrame
      frame={frame}
      className="outcomes-chart"
      legend={legend}
      title="Requests per simulated second by outcome (served, rejected, failed, timed out) and retries sent, each point a 1 s average, over simulated time"
      name="Outcomes over time"
      testId="outcomes.chart"
    >
      <Axis
        orient="left"
        scale={y}
        offset={m.left}
        tickCount={4}
        format={formatTick}
        label={yLabel}
        grid={innerW}
      />
      <SimTimeAxis scale={x} offset={m.top + innerH} width={innerW} />
      {lines.map((l, k) => (
        <g key={l.key} data-outcome={l.key}>
          <path className="chart-line" d={drawn[k]!.d} stroke={l.colour} strokeDasharray={l.dash} />
          {drawn[k]!.marks.map((i) => (
            <path
              key={i}
              d={drawn[k]!.shape}
              transform={`translate(${x(time[i]! / 1000)},${y(l.values[i]!)})`}
              {...markerPaint(l)}
            />
          ))}
        </g>
      ))}
    </ChartFrame>
  );
});

/** Filled shapes get the line's colour; outline shapes a stroke and a white fill behind. */
function markerPaint(l: OutcomeLine) {
  return l.hollow
    ? { fill: 'var(--panel)', stroke: l.colour, strokeWidth: 1.75 }
    : { fill: l.colour, stroke: 'var(--panel)', strokeWidth: 0.75 };
}
