import { useMemo } from 'react';
import { scaleLinear } from 'd3-scale';
import { area, stack, type SeriesPoint } from 'd3-shape';
import { useElementSize } from '../lib/useElementSize.ts';
import { serverColour } from '../lib/palette.ts';
import { Axis } from './Axis.tsx';
import { formatSeconds, formatTick, integerTicks, TIME_MARGIN } from './ticks.ts';
import './charts.css';

/** Per-server history as the chart needs it: rows of `length` values, one per slot in order. */
export interface LoadHistory {
  readonly length: number;
  /** Sample times in simulated ms. */
  readonly time: Float64Array;
  /** slots.length rows of `length` values: requests in service. */
  readonly active: Float32Array;
  readonly slots: readonly number[];
  readonly names: readonly string[];
}

/** Props of {@link LoadOverTimeChart}. */
export interface LoadOverTimeChartProps {
  readonly history: LoadHistory;
  readonly height?: number;
}

/** Requests in service per server over simulated time, stacked so the top edge is the total. */
export function LoadOverTimeChart({ history, height = 170 }: LoadOverTimeChartProps) {
  const [ref, { width }] = useElementSize<HTMLDivElement>();
  const m = TIME_MARGIN;
  const innerW = Math.max(0, width - m.left - m.right);
  const innerH = height - m.top - m.bottom;

  // The stack depends only on the data; scales and paths also on the size.
  const layers = useMemo(() => {
    const { length, active, slots } = history;
    const keys = slots.map((_, row) => row);
    const index = Array.from({ length }, (_, i) => i);
    return stack<number, number>()
      .keys(keys)
      .value((i, row) => active[row * length + i]!)(index);
  }, [history]);

  const { x, y, paths } = useMemo(() => {
    const { time, length } = history;
    const top = layers.reduce((mx, layer) => layer.reduce((a, p) => Math.max(a, p[1]), mx), 0);
    const xs = scaleLinear()
      .domain([time[0]! / 1000, time[length - 1]! / 1000])
      .range([m.left, m.left + innerW]);
    const ys = scaleLinear()
      .domain([0, Math.max(1, top)])
      .nice(4)
      .range([m.top + innerH, m.top]);
    const gen = area<SeriesPoint<number>>()
      .x((p) => xs(time[p.data]! / 1000))
      .y0((p) => ys(p[0]))
      .y1((p) => ys(p[1]));
    return { x: xs, y: ys, paths: layers.map((layer) => gen(layer) ?? '') };
  }, [history, layers, m.left, m.top, innerW, innerH]);

  return (
    <div className="chart" ref={ref}>
      {width > 0 && (
        <svg
          width={width}
          height={height}
          role="img"
          aria-label="Requests in service per server over simulated time, stacked"
          data-testid="load.history"
        >
          <Axis
            orient="left"
            scale={y}
            offset={m.left}
            tickValues={integerTicks(y, 4)}
            format={formatTick}
            label="requests in service"
            grid={innerW}
          />
          <Axis
            orient="bottom"
            scale={x}
            offset={m.top + innerH}
            tickCount={Math.max(2, Math.floor(innerW / 70))}
            format={formatSeconds}
            label="simulated time (s)"
          />
          {paths.map((d, row) => (
            <path
              key={history.slots[row]}
              d={d}
              fill={serverColour(history.slots[row]!)}
              fillOpacity={0.85}
            >
              <title>{history.names[row]}</title>
            </path>
          ))}
        </svg>
      )}
    </div>
  );
}
