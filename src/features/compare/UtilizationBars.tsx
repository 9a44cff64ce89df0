import { useMemo } from 'react';
import { scaleBand, scaleLinear } from 'd3-scale';
import { area } from 'd3-shape';
import { formatPercent } from '../../lib/format.ts';
import { serverColour } from '../../lib/palette.ts';
import { Axis } from '../../charts/Axis.tsx';
import { ChartFrame, useChartFrame } from '../../charts/ChartFrame.tsx';
import '../../charts/charts.css';
import './compareCharts.css';
import { countOf } from '../../lib/words.ts';

/** Props of {@link UtilizationBars}. */
export interface UtilizationBarsProps {
  /** Share of capacity in use over the run (0..1), one per server slot. */
  readonly utilization: Float64Array;
  readonly names: readonly string[];
  /** Accessible name, e.g. "Utilization per server, round robin". */
  readonly title: string;
  readonly height?: number;
}

const M = { top: 6, right: 10, bottom: 22, left: 46 } as const;
/** Above this many servers, bars would be slivers: the sorted shares are drawn as one area. */
const MAX_BARS = 60;

/**
 * Each server's utilization over a run as a bar in its own colour, on a 0–100 % axis every
 * strategy of a comparison shares. Big pools show the shares sorted, busiest first.
 */
export function UtilizationBars({ utilization, names, title, height = 110 }: UtilizationBarsProps) {
  const frame = useChartFrame(height, M);
  const { innerW, innerH } = frame.plot;
  const n = utilization.length;
  const many = n > MAX_BARS;

  const y = useMemo(
    () =>
      scaleLinear()
        .domain([0, 1])
        .range([M.top + innerH, M.top]),
    [innerH],
  );
  const x = useMemo(
    () =>
      scaleBand<number>()
        .domain(Array.from({ length: n }, (_, i) => i))
        .range([M.left, M.left + innerW])
        .paddingInner(many ? 0 : 0.2),
    [n, innerW, many],
  );
  // Few servers would make slabs: bars stay at most 40 px wide, centred in their band.
  const barW = Math.max(1, Math.min(40, x.bandwidth()));
  const sortedArea = useMemo(() => {
    if (!many) return '';
    const sorted = Array.from(utilization).sort((a, b) => b - a);
    return (
      area<number>()
        .x((_, i) => x(i)! + x.bandwidth() / 2)
        .y0(y(0))
        .y1((v) => y(v))(sorted) ?? ''
    );
  }, [many, utilization, x, y]);

  return (
    <ChartFrame frame={frame} title={title} name={title}>
      <Axis
        orient="left"
        scale={y}
        offset={M.left}
        tickValues={[0, 0.5, 1]}
        format={(v) => `${v * 100}%`}
        label="busy"
        grid={innerW}
      />
      {many ? (
        <path d={sortedArea} fill="var(--ink-muted)" fillOpacity={0.5} />
      ) : (
        Array.from(utilization, (u, i) => (
          <rect
            key={i}
            x={x(i)! + (x.bandwidth() - barW) / 2}
            y={y(u)}
            width={barW}
            height={y(0) - y(u)}
            fill={serverColour(i)}
          >
            <title>{`${names[i] ?? `server ${i + 1}`}: ${formatPercent(u, 1)} busy`}</title>
          </rect>
        ))
      )}
      <text className="compare-axis-note" x={M.left} y={height - 6}>
        {many ? `${countOf(n, 'server')}, busiest first` : `${countOf(n, 'server')}, in list order`}
      </text>
    </ChartFrame>
  );
}
