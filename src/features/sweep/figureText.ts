import { FIGURES, type FigureName } from '../../engine/sweep/figures.ts';
import { formatMs } from '../../lib/format.ts';

/**
 * A figure's value in words, already in its display unit (shares as percentages): "12.4 ms",
 * "62.3%", "1,250 per simulated second", "$0.0133"; a dash where nothing was measured.
 */
export function figureValueText(figure: FigureName, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const unit = FIGURES[figure].unit;
  if (unit === 'ms') return value < 10 ? `${value.toFixed(2)} ms` : formatMs(value);
  if (unit === 'share') return `${value.toFixed(value < 1 ? 2 : 1)}%`;
  // Cents from a dollar up; below, the four decimals the figure is kept to ($0.0133).
  if (unit === 'dollars') return `$${value.toFixed(Math.abs(value) >= 1 ? 2 : 4)}`;
  const n = value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1);
  return `${n} per simulated second`;
}
