import { STRATEGY_INFO } from '../../engine/strategies/index.ts';
import type { StrategyName } from '../../engine/strategies/strategy.ts';
import { FIGURES, type FigureName } from '../../engine/sweep/figures.ts';
import type { SweepHeader } from '../../engine/sweep/plan.ts';
import { figureValueText } from './figureText.ts';
import type { SeriesPoint } from './sweepSeries.ts';

/** Props of {@link SweepTooltip}. */
export interface SweepTooltipProps {
  readonly header: SweepHeader;
  readonly figure: FigureName;
  readonly strategy: StrategyName;
  readonly point: SeriesPoint;
  /** The point's place in the chart's svg (px), and the svg's width. */
  readonly left: number;
  readonly top: number;
  readonly width: number;
}

/**
 * A point's numbers beside it: the mean with its 95% interval, the replications it rests on (out
 * of how many the sweep asks for, while it runs) and each replication's own value.
 */
export function SweepTooltip({
  header,
  figure,
  strategy,
  point,
  left,
  top,
  width,
}: SweepTooltipProps) {
  const text = (v: number | null) => figureValueText(figure, v);
  const flip = left > width / 2;
  const r = point.replications;
  return (
    <div
      className="sweep-tooltip"
      role="status"
      data-testid="sweep.tooltip"
      style={{
        top: top + 8,
        ...(flip ? { right: width - left + 8 } : { left: left + 8 }),
      }}
    >
      <strong>{STRATEGY_INFO[strategy].label}</strong>, {header.vary.field} {point.x}
      <br />
      {FIGURES[figure].label}: {text(point.mean)}
      {point.ci95 && (
        <>
          {' '}
          (95% CI {text(point.ci95[0])} to {text(point.ci95[1])})
        </>
      )}
      <br />
      {r} of {header.replications} replication{header.replications === 1 ? '' : 's'}:{' '}
      {point.values.map(text).join(', ')}
      <br />
      <em>Click to load this setup into the playground.</em>
    </div>
  );
}
