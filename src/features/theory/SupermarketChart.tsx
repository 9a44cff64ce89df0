import { useMemo } from 'react';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { formatPercent } from '../../lib/format.ts';
import { Axis } from '../../charts/Axis.tsx';
import { ChartFrame, useChartFrame } from '../../charts/ChartFrame.tsx';
import { LegendSwatch } from '../../charts/LegendSwatch.tsx';
import '../../charts/charts.css';
import '../../charts/reference.css';

/** Props of {@link SupermarketChart}. */
export interface SupermarketChartProps {
  /** Share of servers with at least k requests, k = 0..K, from the supermarket model. */
  readonly theory: Float64Array;
  /** The same share as measured (may be empty before any sample). */
  readonly measured: Float64Array;
  /** The number of choices d the theory curve is for. */
  readonly d: number;
  readonly height?: number;
}

const M = { top: 8, right: 12, bottom: 34, left: 46 } as const;

/**
 * The power-of-d-choices picture: for each k, the share of servers holding at least k requests,
 * theory (dashed, circles) beside measurement (solid, squares). Shapes as well as strokes tell the
 * two apart, and every point has a tooltip with its value.
 */
export function SupermarketChart({ theory, measured, d, height = 170 }: SupermarketChartProps) {
  const frame = useChartFrame(height, M);
  const { innerW, innerH } = frame.plot;
  const kMax = Math.max(1, theory.length - 1);

  const { x, y } = useMemo(
    () => ({
      x: scaleLinear()
        .domain([0, kMax])
        .range([M.left, M.left + innerW]),
      y: scaleLinear()
        .domain([0, 1])
        .range([M.top + innerH, M.top]),
    }),
    [kMax, innerW, innerH],
  );
  const path = (values: Float64Array) =>
    line<number>()
      .x((_, k) => x(k))
      .y((v) => y(v))(Array.from(values)) ?? '';
  const ks = Array.from({ length: kMax + 1 }, (_, k) => k);

  const legend = (
    <ul className="chart-legend">
      <li>
        <LegendSwatch colour="var(--ok)" dash="4 3" className="chart-reference" />
        theory, d = {d}
      </li>
      <li>
        <LegendSwatch colour="var(--accent)" />
        measured (every sample while the traffic ran)
      </li>
    </ul>
  );
  const title = `Share of servers with at least k requests, theory for d = ${d} and measured: ${ks
    .slice(1, 4)
    .map((k) => `k = ${k}: ${formatPercent(theory[k], 0)} vs ${formatPercent(measured[k], 0)}`)
    .join('; ')}`;

  return (
    <ChartFrame
      frame={frame}
      legend={legend}
      title={title}
      name="Supermarket model: servers with at least k requests"
      testId="theory.supermarketChart"
    >
      <Axis
        orient="left"
        scale={y}
        offset={M.left}
        tickValues={[0, 0.5, 1]}
        format={(v) => `${v * 100}%`}
        label="servers"
        grid={innerW}
      />
      <Axis
        orient="bottom"
        scale={x}
        offset={M.top + innerH}
        tickValues={ks}
        format={String}
        label="at least k requests at a server"
      />
      {/* Theory on top, hollow, so a measurement right on it still shows. */}
      {measured.length > kMax && (
        <g>
          <path
            className="chart-line"
            d={path(measured.subarray(0, kMax + 1))}
            stroke="var(--accent)"
          />
          {ks.map((k) => (
            <rect
              key={k}
              x={x(k) - 3}
              y={y(measured[k]!) - 3}
              width={6}
              height={6}
              fill="var(--accent)"
            >
              <title>{`measured: ${formatPercent(measured[k], 1)} of servers held ≥ ${k}`}</title>
            </rect>
          ))}
        </g>
      )}
      <g className="chart-reference">
        <path d={path(theory)} fill="none" strokeDasharray="4 3" stroke="var(--ok)" />
        {ks.map((k) => (
          <circle
            key={k}
            cx={x(k)}
            cy={y(theory[k]!)}
            r={3.5}
            fill="var(--panel)"
            stroke="var(--ok)"
          >
            <title>{`theory: ${formatPercent(theory[k], 1)} of servers hold ≥ ${k}`}</title>
          </circle>
        ))}
      </g>
    </ChartFrame>
  );
}
