import type { ReactNode } from 'react';

/** Props of {@link LegendSwatch}. */
export interface LegendSwatchProps {
  readonly colour: string;
  /** Dash pattern: solid when absent. */
  readonly dash?: string | undefined;
  readonly className?: string;
  /** A marker drawn over the middle of the line (shapes tell lines apart without colour). */
  readonly marker?: ReactNode;
  readonly width?: number;
  readonly height?: number;
}

/** A legend entry's sample of a line: its colour, its dash and its marker. */
export function LegendSwatch({
  colour,
  dash,
  className,
  marker,
  width = 22,
  height = 8,
}: LegendSwatchProps) {
  return (
    <svg width={width} height={height} aria-hidden="true">
      <line
        className={className}
        x1={1}
        x2={width - 1}
        y1={height / 2}
        y2={height / 2}
        stroke={colour}
        strokeWidth={2}
        strokeDasharray={dash}
      />
      {marker}
    </svg>
  );
}
