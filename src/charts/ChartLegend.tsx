import { LegendSwatch } from './LegendSwatch.tsx';
import type { SeriesLine } from './TimeSeriesChart.tsx';

/** Props of {@link ChartLegend}. */
export interface ChartLegendProps {
  readonly lines: readonly SeriesLine[];
}

/** The newest measured value: intervals where nothing finished (NaN) are skipped, not shown as 0. */
function latest(values: Float64Array): number {
  for (let i = values.length - 1; i >= 0; i--) if (Number.isFinite(values[i])) return values[i]!;
  return NaN;
}

/** Names each line with its stroke (solid or dashed, not colour alone) and its current value. */
export function ChartLegend({ lines }: ChartLegendProps) {
  return (
    <ul className="chart-legend">
      {lines.map((l) => (
        <li key={l.key}>
          <LegendSwatch colour={l.colour} dash={l.dashed ? '5 3' : undefined} />
          {l.label} <strong>{l.format(latest(l.values))}</strong>
        </li>
      ))}
    </ul>
  );
}
