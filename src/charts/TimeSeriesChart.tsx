import { useMemo } from 'react';
import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { Axis } from './Axis.tsx';
import { ChartFrame, useChartFrame } from './ChartFrame.tsx';
import { SimTimeAxis } from './SimTimeAxis.tsx';
import { ChartLegend } from './ChartLegend.tsx';
import { formatTick, TIME_MARGIN } from './ticks.ts';
import './charts.css';

/** One line of a {@link TimeSeriesChart}. */
export interface SeriesLine {
  readonly key: string;
  readonly label: string;
  /** One value per sample; NaN means no data in that interval and leaves a gap. */
  readonly values: Float64Array;
  readonly colour: string;
  readonly dashed?: boolean;
  /** How the legend shows the current value. */
  readonly format: (value: number) => string;
}

/** Props of {@link TimeSeriesChart}. */
export interface TimeSeriesChartProps {
  /** Sample times in simulated ms, oldest first. */
  readonly time: Float64Array;
  readonly lines: readonly SeriesLine[];
  readonly yLabel: string;
  /** Simulated seconds shown on the x axis, shared by charts stacked together. */
  readonly xDomain: readonly [number, number];
  readonly height: number;
  /** Draw x tick labels and the axis title (only the lowest of stacked charts does). */
  readonly showXLabels: boolean;
  readonly testId: string;
  /** Accessible name of the picture, e.g. "Throughput and rejections over time". */
  readonly title: string;
  /** Short name for the chart's downloads, e.g. "Throughput and rejections". */
  readonly name: string;
}

/** A small multi-line chart over simulated time, with gaps where a value is NaN. */
export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const { time, lines, yLabel, xDomain, height, showXLabels, testId, title, name } = props;
  const frame = useChartFrame(height, {
    ...TIME_MARGIN,
    bottom: showXLabels ? TIME_MARGIN.bottom : 8,
  });
  const { plot } = frame;
  const { innerW, innerH, margin: m } = plot;

  const x = useMemo(
    () =>
      scaleLinear()
        .domain(xDomain)
        .range([m.left, m.left + innerW]),
    [xDomain, m.left, innerW],
  );
  const y = useMemo(() => {
    const top = max(lines, (l) => max(l.values)) ?? 0;
    return scaleLinear()
      .domain([0, Math.max(top, 1)])
      .nice(4)
      .range([m.top + innerH, m.top]);
  }, [lines, m.top, innerH]);

  // A value between two gaps has no segment to draw; it gets a dot so it is not lost.
  const paths = useMemo(
    () =>
      lines.map((l) => {
        const v = l.values;
        const ok = (i: number) => i >= 0 && i < v.length && Number.isFinite(v[i]);
        const gen = line<number>()
          .defined(ok)
          .x((i) => x(time[i]! / 1000))
          .y((i) => y(v[i]!));
        const lone: number[] = [];
        for (let i = 0; i < v.length; i++) if (ok(i) && !ok(i - 1) && !ok(i + 1)) lone.push(i);
        return { d: gen(Array.from({ length: time.length }, (_, i) => i)) ?? '', lone };
      }),
    [lines, time, x, y],
  );

  return (
    <ChartFrame
      frame={frame}
      title={title}
      name={name}
      testId={testId}
      legend={<ChartLegend lines={lines} />}
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
      <SimTimeAxis scale={x} offset={m.top + innerH} width={innerW} showLabels={showXLabels} />
      {lines.map((l, k) => (
        <g key={l.key}>
          <path
            className="chart-line"
            d={paths[k]!.d}
            stroke={l.colour}
            strokeDasharray={l.dashed ? '5 3' : undefined}
          />
          {paths[k]!.lone.map((i) => (
            <circle key={i} cx={x(time[i]! / 1000)} cy={y(l.values[i]!)} r={2} fill={l.colour} />
          ))}
        </g>
      ))}
    </ChartFrame>
  );
}
