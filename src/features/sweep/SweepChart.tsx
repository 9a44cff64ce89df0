import { scaleLinear, scaleLog } from 'd3-scale';
import { area, line } from 'd3-shape';
import { useMemo, useState } from 'react';
import { Axis } from '../../charts/Axis.tsx';
import { ChartFrame, useChartFrame } from '../../charts/ChartFrame.tsx';
import { LegendSwatch } from '../../charts/LegendSwatch.tsx';
import { ReferenceLine } from '../../charts/ReferenceLine.tsx';
import { FIGURES, type FigureName } from '../../engine/sweep/figures.ts';
import { STRATEGY_INFO } from '../../engine/strategies/index.ts';
import type { SweepHeader } from '../../engine/sweep/plan.ts';
import { figureAxisLabel } from './sweepCsv.ts';
import { displayScale, wantsLogX, type SeriesPoint, type StrategySeries } from './sweepSeries.ts';
import type { TheoryCurve } from './sweepTheory.ts';
import { SweepTooltip } from './SweepTooltip.tsx';

const MARGIN = { top: 12, right: 24, bottom: 40, left: 60 };
const HEIGHT = 320;

/** Props of {@link SweepChart}. */
export interface SweepChartProps {
  readonly header: SweepHeader;
  readonly series: readonly StrategySeries[];
  readonly theory: readonly TheoryCurve[];
  readonly figure: FigureName;
  readonly log: boolean;
  /** A latency objective to draw as a line (ms), or null. */
  readonly sloMs: number | null;
  /** Loads a point's setup into the playground. */
  readonly onOpen: (point: number) => void;
}

interface Hover {
  readonly series: StrategySeries;
  readonly p: SeriesPoint;
}

/**
 * A sweep's curves: one line per strategy with its 95% confidence band, the theory curve beside
 * it (dashed), each strategy's knee (a dotted vertical line) and the SLO line. Hovering a point
 * shows its numbers and replications, a click loads its setup (the grid of points above offers
 * the same to the keyboard: controls inside a picture are not reachable by assistive technology).
 * D3 computes the scales and paths, React renders them.
 */
export function SweepChart(props: SweepChartProps) {
  const { header, series, theory, figure, log, sloMs, onOpen } = props;
  const frame = useChartFrame(HEIGHT, MARGIN);
  const { plot } = frame;
  const [hover, setHover] = useState<Hover | null>(null);
  const k = displayScale(figure);
  const info = FIGURES[figure];
  const slo = info.unit === 'ms' ? sloMs : null;

  const x = useMemo(() => {
    const values = header.vary.values;
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const span = lo === hi ? Math.abs(lo) * 0.1 || 1 : 0;
    const scale = wantsLogX(values) ? scaleLog() : scaleLinear();
    return scale.domain([lo - span, hi + span]).range([plot.left, plot.right]);
  }, [header.vary.values, plot.left, plot.right]);

  const y = useMemo(() => {
    const ys: number[] = [];
    for (const s of series) {
      for (const p of s.points) {
        if (p.mean !== null) ys.push(p.mean);
        if (p.ci95) ys.push(p.ci95[0], p.ci95[1]);
      }
    }
    if (slo !== null) ys.push(slo);
    const measuredMax = ys.length > 0 ? Math.max(...ys) : 1;
    // Theory near the wall runs off to infinity: it may widen the axis by half, no more.
    for (const c of theory) for (const p of c.points) ys.push(Math.min(p.y * k, measuredMax * 1.5));
    const hi = Math.max(...ys, Number.MIN_VALUE);
    if (log) {
      const positive = ys.filter((v) => v > 0);
      const lo = positive.length > 0 ? Math.min(...positive) : hi / 10;
      return scaleLog()
        .domain([lo / 1.2, hi * 1.2])
        .range([plot.bottom, plot.top])
        .nice()
        .clamp(true);
    }
    return scaleLinear()
      .domain([0, hi * 1.05 || 1])
      .range([plot.bottom, plot.top])
      .nice();
  }, [series, theory, slo, log, k, plot.bottom, plot.top]);

  const measuredLine = useMemo(
    () =>
      line<SeriesPoint>()
        .defined((p) => p.mean !== null)
        .x((p) => x(p.x))
        .y((p) => y(p.mean!)),
    [x, y],
  );
  const band = useMemo(
    () =>
      area<SeriesPoint>()
        .defined((p) => p.ci95 !== null)
        .x((p) => x(p.x))
        .y0((p) => y(Math.max(p.ci95![0], log ? y.domain()[0]! : 0)))
        .y1((p) => y(p.ci95![1])),
    [x, y, log],
  );
  const theoryLine = useMemo(
    () =>
      line<{ x: number; y: number }>()
        .x((p) => x(p.x))
        .y((p) => y(p.y * k)),
    [x, y, k],
  );

  const colourOf = (strategy: string) =>
    series.find((s) => s.strategy === strategy)?.colour ?? '#555';
  const empty = series.every((s) => s.points.length === 0);
  const legend = (
    <ul className="chart-legend">
      {series.map((s) => (
        <li key={s.strategy}>
          <LegendSwatch colour={s.colour} />
          {STRATEGY_INFO[s.strategy].label}
          {s.knee !== null && <strong> knee at load {s.knee.toFixed(2)}</strong>}
        </li>
      ))}
      {theory.map((c) => (
        <li key={`theory-${c.strategy}`}>
          <LegendSwatch colour={colourOf(c.strategy)} dash="5 3" />
          {c.label} (theory
          {theory.length > 1 ? `, ${STRATEGY_INFO[c.strategy].label}` : ''})
        </li>
      ))}
    </ul>
  );

  return (
    <div className="sweep-chart">
      <ChartFrame
        frame={frame}
        title={`${figureAxisLabel(figure)} against ${header.vary.field}`}
        testId="sweep.chart"
        legend={legend}
        empty={empty ? <p className="sweep-empty">Points appear here as they finish.</p> : null}
      >
        <Axis
          orient="bottom"
          scale={x}
          offset={plot.bottom}
          tickValues={wantsLogX(header.vary.values) ? header.vary.values : undefined}
          label={header.vary.field}
        />
        <Axis
          orient="left"
          scale={y}
          offset={plot.left}
          grid={plot.innerW}
          tickCount={log ? 4 : 5}
          label={figureAxisLabel(figure)}
        />
        {series.map((s) => (
          <g key={s.strategy} className="sweep-series">
            <path d={band(s.points as SeriesPoint[]) ?? ''} fill={s.colour} opacity={0.18} />
            <path
              d={measuredLine(s.points as SeriesPoint[]) ?? ''}
              fill="none"
              stroke={s.colour}
              strokeWidth={2}
            />
          </g>
        ))}
        {theory.map((c) => (
          <path
            key={`theory-${c.strategy}`}
            className="sweep-theory"
            data-testid="sweep.theory"
            d={theoryLine(c.points as { x: number; y: number }[]) ?? ''}
            fill="none"
            stroke={colourOf(c.strategy)}
            strokeWidth={1.5}
            strokeDasharray="5 3"
          />
        ))}
        {series.map(
          (s) =>
            s.knee !== null && (
              <line
                key={`knee-${s.strategy}`}
                data-testid="sweep.knee"
                x1={x(s.knee)}
                x2={x(s.knee)}
                y1={plot.top}
                y2={plot.bottom}
                stroke={s.colour}
                strokeDasharray="2 3"
              />
            ),
        )}
        {slo !== null && (
          <ReferenceLine
            orient="horizontal"
            at={y(slo)}
            from={plot.left}
            to={plot.right}
            label={`SLO ${slo} ms`}
            labelAt={{ x: plot.right - 4, y: y(slo) - 4 }}
            labelAnchor="end"
            testId="sweep.slo"
          />
        )}
        {series.map((s) =>
          s.points.map(
            (p) =>
              p.mean !== null && (
                <circle
                  key={`${s.strategy}-${p.x}`}
                  className="sweep-point"
                  data-testid="sweep.point"
                  cx={x(p.x)}
                  cy={y(p.mean)}
                  r={4.5}
                  fill={s.colour}
                  onMouseEnter={() => setHover({ series: s, p })}
                  onMouseLeave={() => setHover(null)}
                  onClick={() => onOpen(p.point)}
                />
              ),
          ),
        )}
      </ChartFrame>
      {hover && hover.p.mean !== null && (
        <SweepTooltip
          header={header}
          figure={figure}
          strategy={hover.series.strategy}
          point={hover.p}
          left={x(hover.p.x)}
          top={y(hover.p.mean)}
          width={plot.width}
        />
      )}
    </div>
  );
}
