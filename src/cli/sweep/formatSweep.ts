import { FIGURES, type FigureName } from '../../engine/sweep/figures.ts';
import type { FigureStats, SweepPoint, SweepResult } from '../../engine/sweep/results.ts';
import { kneesOf } from '../../engine/sweep/knee.ts';
import { tQuantile975 } from '../../engine/sweep/statistics.ts';
import { formatDuration } from './progress.ts';

/** Control characters (from names in files) shown escaped, so they cannot redraw the terminal. */
export function printable(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u001f\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** A figure's value as a table shows it: ms and rates to readable precision, shares as percent, dollars with $. */
export function formatFigure(name: FigureName, v: number | null): string {
  if (v === null) return '-';
  if (FIGURES[name].unit === 'share') {
    const pct = v * 100;
    return `${pct.toFixed(pct !== 0 && Math.abs(pct) < 1 ? 2 : 1)}%`;
  }
  const abs = Math.abs(v);
  if (FIGURES[name].unit === 'dollars') return `$${v.toFixed(abs >= 1 ? 2 : 4)}`;
  return v.toLocaleString('en-US', {
    minimumFractionDigits: abs < 10 ? 2 : abs < 1000 ? 1 : 0,
    maximumFractionDigits: abs < 10 ? 2 : abs < 1000 ? 1 : 0,
  });
}

/** The half-width of a figure's confidence interval, "± 1.2", or '-' when it has none. */
function halfWidth(name: FigureName, s: FigureStats | undefined): string {
  if (s?.ci95 == null) return '-';
  return `± ${formatFigure(name, (s.ci95[1] - s.ci95[0]) / 2)}`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Figures with a ± column after them in the table. */
const WITH_CI: readonly FigureName[] = ['meanMs', 'p99Ms'];

function rowOf(point: SweepPoint, figures: readonly FigureName[]): string[] {
  const cells = [point.strategy, String(point.value)];
  for (const name of figures) {
    const s = point.figures[name];
    cells.push(formatFigure(name, s?.mean ?? null));
    if (WITH_CI.includes(name)) cells.push(halfWidth(name, s));
  }
  return cells;
}

/** How each run is measured, in words. */
function runLength(r: SweepResult): string {
  const warmup = r.warmupMs > 0 ? `${formatDuration(r.warmupMs)} warm-up, then ` : '';
  const measured =
    r.requests !== null ? plural(r.requests, 'arrival') : `${formatDuration(r.durationMs ?? 0)}`;
  return `each run: ${warmup}${measured} measured (simulated time)`;
}

/**
 * Results as a table for a terminal: a heading, one row per point (mean and 95% half-width of the
 * latency figures, means of the rest), and a note on how the intervals were computed. `note` is
 * printed under the heading (a shard says which part of the sweep it holds).
 */
export function formatSweep(r: SweepResult, note?: string): string {
  const field = printable(r.vary.field);
  const heading = [
    `${printable(r.name)} · base ${printable(r.base)} · ${field} at ${plural(r.vary.values.length, 'value')} · ${plural(r.strategies.length, 'strategy', 'strategies')} · ${plural(r.replications, 'replication')} per point`,
    `${runLength(r)}; seeds ${r.seeds.slice(0, 3).join(', ')}${r.seeds.length > 3 ? ', …' : ''}`,
  ];
  if (note !== undefined) heading.push(note);
  const header = ['strategy', field];
  for (const name of r.figures) {
    header.push(FIGURES[name].label);
    if (WITH_CI.includes(name)) header.push('±95%');
  }
  const rows = r.points.map((p) => rowOf(p, r.figures));
  const n = r.replications;
  const footnote =
    n >= 2
      ? `±95%: half-width of the 95% confidence interval of the mean over ${n} replications (Student's t, ${n - 1} degree${n === 2 ? '' : 's'} of freedom: t = ${tQuantile975(n - 1).toFixed(3)}). Latency counts requests served after the warm-up; shares are of requests arriving after it.`
      : 'One replication per point: no confidence interval (ask for replications >= 2).';
  return [...heading, '', table(header, rows), '', ...kneeLine(r), footnote].join('\n');
}

/** For a sweep over load: where each strategy's mean latency doubles (the knee), if it does. */
function kneeLine(r: SweepResult): string[] {
  const knees = kneesOf(r);
  if (knees.length === 0) return [];
  const values = r.vary.values;
  const [low, high] = [Math.min(...values), Math.max(...values)];
  const parts = knees.map(
    (k) => `${k.strategy} ${k.load === null ? `not reached up to ${high}` : k.load.toFixed(2)}`,
  );
  return [`knee (load where mean latency is twice its value at load ${low}): ${parts.join(', ')}`];
}
