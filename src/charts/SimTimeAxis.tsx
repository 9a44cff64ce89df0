import { Axis, type TickScale } from './Axis.tsx';
import { formatSeconds } from './ticks.ts';

/** Props of {@link SimTimeAxis}. */
export interface SimTimeAxisProps {
  readonly scale: TickScale;
  /** The y of the axis line: the bottom of the plot. */
  readonly offset: number;
  /** The plot's width, which sets how many ticks fit (one per ~70 px). */
  readonly width: number;
  readonly showLabels?: boolean;
}

/** The bottom axis every chart over simulated time shares: seconds, labelled with the unit. */
export function SimTimeAxis({ scale, offset, width, showLabels }: SimTimeAxisProps) {
  return (
    <Axis
      orient="bottom"
      scale={scale}
      offset={offset}
      tickCount={Math.max(2, Math.floor(width / 70))}
      format={formatSeconds}
      label="simulated time (s)"
      showLabels={showLabels}
    />
  );
}
