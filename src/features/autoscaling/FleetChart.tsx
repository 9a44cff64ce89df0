import { useMemo } from 'react';
import { scaleLinear } from 'd3-scale';
import { area, curveStepAfter, line } from 'd3-shape';
import { Axis } from '../../charts/Axis.tsx';
import { ChartFrame, useChartFrame } from '../../charts/ChartFrame.tsx';
import { LegendSwatch } from '../../charts/LegendSwatch.tsx';
import { integerTicks, TIME_MARGIN } from '../../charts/ticks.ts';
import { INK } from '../../lib/palette.ts';
import { hourTicks, type FleetBands } from './fleetChartData.ts';

/** Props of {@link FleetChart}. */
export interface FleetChartProps {
  readonly bands: FleetBands;
  /** Simulated seconds on the x axis (shared with the charts above and below). */
  readonly xDomain: readonly [number, number];
  readonly tick: (s: number) => string;
  readonly xLabel: string;
  readonly height: number;
}

/** Theme colours (index.css), lighter in the dark theme as the server colours are. */
const READY = 'var(--fleet-ready)';
const STARTING = 'var(--fleet-starting)';
const DRAINING = 'var(--fleet-draining)';

/**
 * Servers over time as a stack: ready servers taking traffic, servers still starting (a cold
 * start), servers draining out; and the count the autoscaler manages as a line. Steps, not
 * slopes: a count holds until it changes.
 */
export function FleetChart({ bands, xDomain, tick, xLabel, height }: FleetChartProps) {
  const frame = useChartFrame(height, TIME_MARGIN);
  const { innerW, innerH, margin: m } = frame.plot;
  const x = useMemo(
    () =>
      scaleLinear()
        .domain(xDomain)
        .range([m.left, m.left + innerW]),
    [xDomain, m.left, innerW],
  );
  const y = useMemo(
    () =>
      scaleLinear()
        .domain([0, Math.max(2, bands.peak)])
        .nice(4)
        .range([m.top + innerH, m.top]),
    [bands.peak, m.top, innerH],
  );
  const paths = useMemo(() => {
    const idx = Array.from({ length: bands.x.length }, (_, i) => i);
    const band = (lo: Float64Array | null, hi: Float64Array) =>
      area<number>()
        .curve(curveStepAfter)
        .x((i) => x(bands.x[i]!))
        .y0((i) => y(lo ? lo[i]! : 0))
        .y1((i) => y(hi[i]!))(idx) ?? '';
    const desired =
      line<number>()
        .curve(curveStepAfter)
        .x((i) => x(bands.x[i]!))
        .y((i) => y(bands.desired[i]!))(idx) ?? '';
    return {
      ready: band(null, bands.ready),
      starting: band(bands.ready, bands.starting),
      draining: band(bands.starting, bands.draining),
      desired,
    };
  }, [bands, x, y]);

  const last = bands.x.length - 1;
  const legend = (
    <ul className="chart-legend">
      <li>
        <LegendSwatch colour={READY} /> ready <strong>{bands.ready[last] ?? 0}</strong>
      </li>
      <li>
        <LegendSwatch colour={STARTING} dash="2 2" /> starting{' '}
        <strong>{(bands.starting[last] ?? 0) - (bands.ready[last] ?? 0)}</strong>
      </li>
      <li>
        <LegendSwatch colour={DRAINING} dash="6 2" /> draining{' '}
        <strong>{(bands.draining[last] ?? 0) - (bands.starting[last] ?? 0)}</strong>
      </li>
      <li>
        <LegendSwatch colour={INK} /> managed <strong>{bands.desired[last] ?? 0}</strong>
      </li>
    </ul>
  );
  return (
    <ChartFrame
      frame={frame}
      title="Servers over time: ready, starting and draining, and the count the autoscaler manages"
      testId="autoscaling.fleetChart"
      name="Servers over time"
      legend={legend}
      empty={bands.x.length < 2 ? <p className="chart-empty">No sync yet.</p> : undefined}
    >
      <Axis
        orient="left"
        scale={y}
        offset={m.left}
        tickValues={integerTicks(y, 4)}
        label="servers"
        grid={innerW}
      />
      <Axis
        orient="bottom"
        scale={x}
        offset={m.top + innerH}
        tickCount={Math.max(2, Math.floor(innerW / 70))}
        tickValues={hourTicks(xDomain[1] - xDomain[0], innerW) ?? undefined}
        format={tick}
        label={xLabel}
      />
      <path d={paths.ready} fill={READY} fillOpacity={0.55} />
      <path
        d={paths.starting}
        fill={STARTING}
        fillOpacity={0.35}
        stroke={STARTING}
        strokeDasharray="2 2"
      />
      <path
        d={paths.draining}
        fill={DRAINING}
        fillOpacity={0.35}
        stroke={DRAINING}
        strokeDasharray="6 2"
      />
      <path className="chart-line" d={paths.desired} stroke={INK} />
    </ChartFrame>
  );
}
