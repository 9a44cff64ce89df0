import { useMemo } from 'react';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { Axis } from '../../charts/Axis.tsx';
import { ChartFrame, useChartFrame } from '../../charts/ChartFrame.tsx';
import { SimTimeAxis } from '../../charts/SimTimeAxis.tsx';
import { formatTick } from '../../charts/ticks.ts';
import '../../charts/charts.css';

/** Props of {@link CompareLatencyChart}. */
export interface CompareLatencyChartProps {
  /** End of each series point, simulated ms. */
  readonly time: Float64Array;
  /** p99 per point in ms; NaN where nothing finished (a gap). */
  readonly p99: Float64Array;
  /** p50 per point in ms, drawn dashed under the p99 line. */
  readonly p50: Float64Array;
  /** Simulated seconds, the same for every chart of a comparison. */
  readonly xDomain: readonly [number, number];
  /** Milliseconds, the same for every chart of a comparison. */
  readonly yDomain: readonly [number, number];
  /** Accessible name, e.g. "p99 latency over time, round robin". */
  readonly title: string;
  readonly height?: number;
}

const M = { top: 6, right: 10, bottom: 32, left: 46 } as const;

/** One strategy's p50 / p99 latency over simulated time, on axes shared with its neighbours. */
export function CompareLatencyChart(props: CompareLatencyChartProps) {
  const { time, p99, p50, xDomain, yDomain, title, height = 130 } = props;
  const frame = useChartFrame(height, M);
  const { innerW, innerH } = frame.plot;

  const x = useMemo(
    () =>
      scaleLinear()
        .domain(xDomain)
        .range([M.left, M.left + innerW]),
    [xDomain, innerW],
  );
  const y = useMemo(
    () =>
      scaleLinear()
        .domain(yDomain)
        .range([M.top + innerH, M.top]),
    [yDomain, innerH],
  );
  const paths = useMemo(() => {
    const idx = Array.from({ length: time.length }, (_, i) => i);
    const of = (v: Float64Array) =>
      line<number>()
        .defined((i) => Number.isFinite(v[i]))
        .x((i) => x(time[i]! / 1000))
        .y((i) => y(v[i]!))(idx) ?? '';
    // A p99 between two gaps draws no segment: it gets a dot so it is not lost.
    const ok = (i: number) => i >= 0 && i < p99.length && Number.isFinite(p99[i]);
    const lone = idx.filter((i) => ok(i) && !ok(i - 1) && !ok(i + 1));
    return { p99: of(p99), p50: of(p50), lone };
  }, [time, p99, p50, x, y]);

  return (
    <ChartFrame frame={frame} title={title} name={title}>
      <Axis
        orient="left"
        scale={y}
        offset={M.left}
        tickCount={3}
        format={formatTick}
        label="ms"
        grid={innerW}
      />
      <SimTimeAxis scale={x} offset={M.top + innerH} width={innerW} />
      <path className="chart-line" d={paths.p50} stroke="var(--ink-muted)" strokeDasharray="4 3" />
      <path className="chart-line" d={paths.p99} stroke="var(--accent)" />
      {paths.lone.map((i) => (
        <circle key={i} cx={x(time[i]! / 1000)} cy={y(p99[i]!)} r={2} fill="var(--accent)" />
      ))}
    </ChartFrame>
  );
}
