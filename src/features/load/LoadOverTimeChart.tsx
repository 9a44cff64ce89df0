import { useMemo } from 'react';
import { scaleLinear } from 'd3-scale';
import { area, stack, type SeriesPoint } from 'd3-shape';
import { DOWN_COLOUR, serverColour } from '../../lib/palette.ts';
import { Axis } from '../../charts/Axis.tsx';
import { ChartFrame, useChartFrame } from '../../charts/ChartFrame.tsx';
import { SimTimeAxis } from '../../charts/SimTimeAxis.tsx';
import { formatTick, integerTicks, TIME_MARGIN } from '../../charts/ticks.ts';
import '../../charts/charts.css';

/** Per-server history as the chart needs it: rows of `length` values, one per slot in order. */
export interface LoadHistory {
  readonly length: number;
  /** Sample times in simulated ms. */
  readonly time: Float64Array;
  /**
   * slots.length rows of `length` values: requests in service (NaN where no sample reached the
   * page: a gap in the chart).
   */
  readonly active: Float32Array;
  readonly slots: readonly number[];
  readonly names: readonly string[];
}

/** Props of {@link LoadOverTimeChart}. */
export interface LoadOverTimeChartProps {
  readonly history: LoadHistory;
  readonly height?: number;
  /** Simulated ms the x axis spans; by default the history's first to last sample. */
  readonly xDomain?: readonly [number, number];
}

/** Requests in service per server over simulated time, stacked so the top edge is the total. */
export function LoadOverTimeChart({ history, height = 170, xDomain }: LoadOverTimeChartProps) {
  const frame = useChartFrame(height, TIME_MARGIN);
  const { innerW, innerH, margin: m } = frame.plot;

  // The stack depends only on the data; scales and paths also on the size.
  const bands = useMemo(() => loadBands(history), [history]);
  const layers = useMemo(() => {
    const index = Array.from({ length: history.length }, (_, i) => i);
    return stack<number, number>()
      .keys(bands.map((_, b) => b))
      .value((i, b) => bands[b]!.values[i]!)(index);
  }, [history, bands]);

  const { x, y, paths } = useMemo(() => {
    const { time, length } = history;
    const top = layers.reduce(
      (mx, layer) => layer.reduce((a, p) => (Number.isFinite(p[1]) ? Math.max(a, p[1]) : a), mx),
      0,
    );
    const [from, to] = xDomain ?? [time[0]!, time[length - 1]!];
    const xs = scaleLinear()
      .domain([from / 1000, to / 1000])
      .range([m.left, m.left + innerW]);
    const ys = scaleLinear()
      .domain([0, Math.max(1, top)])
      .nice(4)
      .range([m.top + innerH, m.top]);
    // A span the page never received is a gap, not a slope across it.
    const gen = area<SeriesPoint<number>>()
      .defined((p) => Number.isFinite(p[1]))
      .x((p) => xs(time[p.data]! / 1000))
      .y0((p) => ys(p[0]))
      .y1((p) => ys(p[1]));
    return { x: xs, y: ys, paths: layers.map((layer) => gen(layer) ?? '') };
  }, [history, layers, m.left, m.top, innerW, innerH, xDomain]);

  return (
    <ChartFrame
      frame={frame}
      title="Requests in service per server over simulated time, stacked"
      name="Requests in service per server"
      testId="load.history"
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
      <SimTimeAxis scale={x} offset={m.top + innerH} width={innerW} />
      {paths.map((d, b) => (
        <path key={bands[b]!.key} d={d} fill={bands[b]!.colour} fillOpacity={0.85}>
          <title>{bands[b]!.name}</title>
        </path>
      ))}
    </ChartFrame>
  );
}

/** One stacked band: a server, or every server beyond the busiest few together. */
interface LoadBand {
  readonly key: string;
  readonly name: string;
  readonly colour: string;
  readonly values: Float32Array;
}

/** Servers drawn as bands of their own; beyond this the rest share one grey band. */
const MAX_BANDS = 12;
const OTHERS_COLOUR = DOWN_COLOUR;

/**
 * A hundred thin bands in ten repeating colours say less than the busiest eleven and one band
 * for the rest, and cost a hundred paths to draw: group the quiet servers together.
 */
function loadBands(history: LoadHistory): LoadBand[] {
  const { length, active, slots, names } = history;
  const row = (r: number) => active.subarray(r * length, (r + 1) * length);
  const all = slots.map((slot, r) => ({
    key: String(slot),
    name: names[r]!,
    colour: serverColour(slot),
    values: row(r),
  }));
  if (all.length <= MAX_BANDS) return all;
  const total = (v: Float32Array) => {
    let sum = 0;
    for (let i = 0; i < v.length; i++) if (!Number.isNaN(v[i]!)) sum += v[i]!;
    return sum;
  };
  const byLoad = all
    .map((band) => ({ band, load: total(band.values) }))
    .sort((a, b) => b.load - a.load);
  const shown = byLoad.slice(0, MAX_BANDS - 1).map((e) => e.band);
  const rest = byLoad.slice(MAX_BANDS - 1);
  const others = new Float32Array(length);
  for (const { band } of rest) for (let i = 0; i < length; i++) others[i]! += band.values[i]!;
  // Keep registry order among the shown servers so colours stack predictably.
  shown.sort((a, b) => Number(a.key) - Number(b.key));
  return [
    ...shown,
    { key: 'others', name: `${rest.length} other servers`, colour: OTHERS_COLOUR, values: others },
  ];
}
