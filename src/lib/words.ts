/**
 * Sentences built from numbers: counts with the right noun form, lists, and the page's few
 * recurring sentences about a run. Kept in one place so singular and plural, units and the basis
 * of every rate are said the same way everywhere (and tested once).
 */
import { formatCount, formatSimTime } from './format.ts';

/** "1 request", "12 requests", "1,000 entries" (give `many` where adding "s" is wrong). */
export function countOf(n: number, noun: string, many = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : many}`;
}

/** "A", "A and B", "A, B and C". */
export function listJoin(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** How the requests of a run ended, in the summary's terms. */
export interface EndedCounts {
  readonly served: number;
  readonly rejected: number;
  readonly failed: number;
  readonly timedOut: number;
}

/** "9 served and 1 rejected": served always, the other outcomes only when some ended so. */
export function outcomesPhrase(r: EndedCounts): string {
  const parts = [`${formatCount(r.served)} served`];
  if (r.rejected > 0) parts.push(`${formatCount(r.rejected)} rejected`);
  if (r.failed > 0) parts.push(`${formatCount(r.failed)} failed`);
  if (r.timedOut > 0) parts.push(`${formatCount(r.timedOut)} timed out`);
  return listJoin(parts);
}

/**
 * What the page says when a run paused itself at its end: why it stopped, how the requests
 * ended, and how to go on. `durationMs` is the scenario's set end, or null when the run ended
 * because its traffic was over and every request had ended.
 */
export function endOfRunText(r: EndedCounts, atMs: number, durationMs: number | null): string {
  const total = r.served + r.rejected + r.failed + r.timedOut;
  const how =
    total === 0 ? 'no request arrived' : `${countOf(total, 'request')}: ${outcomesPhrase(r)}`;
  if (durationMs !== null)
    return (
      `The run paused itself at its set end, ${formatSimTime(atMs)} of simulated time (${how}). ` +
      'Reset to watch it again.'
    );
  return (
    `The run paused itself at ${formatSimTime(atMs)}: its traffic is over and every request ` +
    `has ended (${how}). Fire a burst or set a steady rate to go on, or Reset to watch it again.`
  );
}
