import { FIGURES, type FigureName } from '../../engine/sweep/figures.ts';
import type { SweepHeader } from '../../engine/sweep/plan.ts';
import type { SweepPoint } from '../../engine/sweep/results.ts';

/**
 * A sweep's results as CSV (RFC 4180), one row per point: strategy, the varied value, the
 * replications it rests on, then per figure its mean and the two ends of its 95% confidence
 * interval (Student's t over the replications; empty with fewer than two). Empty cells where a
 * figure had nothing to measure. Columns are named after the JSON results' fields.
 */
export function sweepCsv(header: SweepHeader, points: readonly SweepPoint[]): string {
  const columns = ['strategy', header.vary.field, 'replications'];
  for (const name of header.figures) columns.push(name, `${name}_ci95_lo`, `${name}_ci95_hi`);
  const rows = [columns.map(cell).join(',')];
  for (const p of points) {
    const row: (string | number | null)[] = [p.strategy, p.value, p.replications];
    for (const name of header.figures) {
      const f = p.figures[name as FigureName];
      row.push(f?.mean ?? null, f?.ci95?.[0] ?? null, f?.ci95?.[1] ?? null);
    }
    rows.push(row.map(cell).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** One CSV cell: numbers as JSON writes them, text quoted when it must be. */
function cell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The figure's label with its unit, for axes and tooltips: "mean latency (ms)". */
export function figureAxisLabel(name: FigureName): string {
  const info = FIGURES[name];
  if (info.unit === 'ms') return `${info.label.replace(/ ms$/, '')} latency (ms)`;
  if (info.unit === 'per second') return `${info.label} (per simulated second)`;
  if (info.unit === 'dollars') return 'cost ($ over each run’s measured window)';
  return `${info.label} (%)`;
}
