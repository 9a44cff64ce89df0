import { memo } from 'react';

/** What Axis needs of a d3 scale (linear, log or time all qualify). */
export interface TickScale {
  (value: number): number | undefined;
  ticks(count?: number): number[];
  range(): number[];
}

/** Props of {@link Axis}. */
export interface AxisProps {
  /** bottom: ticks below a horizontal line; left: ticks left of a vertical one. */
  readonly orient: 'bottom' | 'left';
  readonly scale: TickScale;
  /** Where the axis line sits: the y of a bottom axis, the x of a left one. */
  readonly offset?: number;
  /** Roughly how many ticks (d3 rounds to nice values). */
  readonly tickCount?: number;
  /** Tick values to use instead of scale.ticks(tickCount). */
  readonly tickValues?: readonly number[];
  readonly format?: (value: number) => string;
  /** The axis title, with its unit: "latency (ms)". */
  readonly label?: string;
  /** Length of grid lines drawn across the plot from each tick (0: none). */
  readonly grid?: number;
  /** Draw tick labels (the top of two stacked charts shares the lower one's labels). */
  readonly showLabels?: boolean;
}

const defaultFormat = (v: number) => String(+v.toPrecision(6));

/**
 * An axis rendered by React from a d3 scale's ticks, so no d3-axis/d3-selection touches the DOM.
 * Labels are plain text; the axis title says the unit.
 */
export const Axis = memo(function Axis({
  orient,
  scale,
  offset = 0,
  tickCount = 5,
  tickValues,
  format = defaultFormat,
  label,
  grid = 0,
  showLabels = true,
}: AxisProps) {
  const ticks = tickValues ?? scale.ticks(tickCount);
  const [r0 = 0, r1 = 0] = scale.range();
  const lo = Math.min(r0, r1);
  const hi = Math.max(r0, r1);
  if (orient === 'bottom') {
    return (
      <g className="axis axis--bottom" transform={`translate(0,${offset})`}>
        <line className="axis-line" x1={lo} x2={hi} />
        {ticks.map((t) => {
          const x = scale(t) ?? 0;
          return (
            <g key={t} transform={`translate(${x},0)`}>
              {grid > 0 && <line className="axis-grid" y1={0} y2={-grid} />}
              <line className="axis-tick" y2={4} />
              {showLabels && (
                <text y={15} textAnchor="middle">
                  {format(t)}
                </text>
              )}
            </g>
          );
        })}
        {label && showLabels && (
          <text className="axis-label" x={(lo + hi) / 2} y={30} textAnchor="middle">
            {label}
          </text>
        )}
      </g>
    );
  }
  return (
    <g className="axis axis--left" transform={`translate(${offset},0)`}>
      <line className="axis-line" y1={lo} y2={hi} />
      {ticks.map((t) => {
        const y = scale(t) ?? 0;
        return (
          <g key={t} transform={`translate(0,${y})`}>
            {grid > 0 && <line className="axis-grid" x1={0} x2={grid} />}
            <line className="axis-tick" x2={-4} />
            <text x={-6} dy="0.32em" textAnchor="end">
              {format(t)}
            </text>
          </g>
        );
      })}
      {label && (
        <text
          className="axis-label"
          transform={`translate(${-offset + 11},${(lo + hi) / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {label}
        </text>
      )}
    </g>
  );
});
