import type { Scenario } from '../../../engine/scenario/types.ts';
import { formatCount, formatMs, formatPercent } from '../../../lib/format.ts';
import type { RunRecord } from './types.ts';

/** Small wording helpers so explanations read naturally whatever numbers a run produced. */

/** "1 request", "12 requests". */
export function plural(n: number, noun: string, many = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : many}`;
}

/** "A", "A and B", "A, B and C". */
export function listJoin(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "was" or "were" for a count. */
export function was(n: number): string {
  return n === 1 ? 'was' : 'were';
}

/** How a number moved between two runs: "fell from 2.74 s to 645 ms". */
export function moved(before: number | null, after: number | null, fmt: (v: number) => string) {
  if (before === null || after === null)
    return `went from ${show(before, fmt)} to ${show(after, fmt)}`;
  if (fmt(before) === fmt(after)) return `stayed at ${fmt(after)}`;
  return `${after < before ? 'fell' : 'rose'} from ${fmt(before)} to ${fmt(after)}`;
}

function show(v: number | null, fmt: (v: number) => string): string {
  return v === null ? 'nothing measured' : fmt(v);
}

export const ms = (v: number) => formatMs(v);
export const pct = (v: number) => formatPercent(v, 0);
export const count = (v: number) => formatCount(v);
/** A difference of two shares, in percentage points. */
export const points = (v: number) => `${Math.round(v * 100)} points`;

/** Whether the run ended with the strategy the lesson set (the learner may switch mid-run). */
export function ranAs(run: RunRecord, strategy: string): boolean {
  return run.summary.strategy === strategy;
}

/**
 * What the lesson's story does not expect and the learner should know: the strategy was switched
 * during the run, or requests were still in flight when it stopped.
 */
export function runNotes(run: RunRecord, strategy: string): string[] {
  const notes = [];
  if (!ranAs(run, strategy))
    notes.push(
      `The strategy was switched to ${run.summary.strategy} during this run; these are its numbers.`,
    );
  const { inFlight } = run.summary.requests;
  if (inFlight > 0)
    notes.push(
      `${plural(inFlight, 'request')} ${was(inFlight)} still in flight when the run stopped at ` +
        `${formatMs(run.summary.simulatedMs)}; the numbers below leave them out.`,
    );
  return notes;
}

/** A server's capacity in the run's setup, or null when it is not listed there. */
export function capacityOf(setup: Scenario, name: string): number | null {
  return setup.servers.find((s) => s.name === name)?.capacity ?? null;
}

/** Share of all arrived requests that were rejected (0 when none arrived). */
export function rejectedShare(run: RunRecord): number {
  const { total, rejected } = run.summary.requests;
  return total > 0 ? rejected / total : 0;
}

/** The most and least busy servers by average utilization. */
export function busiest(run: RunRecord) {
  const sorted = [...run.summary.servers].sort((a, b) => b.utilization - a.utilization);
  const top = sorted[0];
  const bottom = sorted[sorted.length - 1];
  return top && bottom ? { top, bottom, spread: top.utilization - bottom.utilization } : null;
}

/** The servers with the most and fewest served requests. */
export function servedRange(run: RunRecord) {
  const sorted = [...run.summary.servers].sort((a, b) => b.served - a.served);
  const most = sorted[0];
  const fewest = sorted[sorted.length - 1];
  return most && fewest ? { most, fewest } : null;
}

/** Which of three choices a ratio after/before falls in, with `band` as "about the same". */
export function ratioChoice(before: number | null, after: number | null, band = 0.1) {
  if (before === null || after === null || before <= 0) return null;
  const ratio = after / before;
  if (ratio < 1 - band) return 'lower';
  if (ratio > 1 + band) return 'higher';
  return 'same';
}

/** "Server-A served 3 (capacity 3)" for each server, joined into one phrase. */
export function servedPhrase(run: RunRecord): string {
  return listJoin(
    run.summary.servers.map((s) => {
      const cap = capacityOf(run.setup, s.name);
      return `${s.name} served ${count(s.served)}${cap === null ? '' : ` (capacity ${cap})`}`;
    }),
  );
}

/**
 * "3 requests (2%) were rejected because every server was down or full", with the count of each
 * reason when both occurred, or "No request was rejected."
 */
export function rejectionPhrase(run: RunRecord): string {
  const { total, rejected, rejectedByReason } = run.summary.requests;
  if (rejected === 0) return 'No request was rejected.';
  const noHealthy = 'every server was down or full ("no healthy servers")';
  const overloaded = 'the chosen server was overloaded';
  const share = total > 0 ? ` (${pct(rejected / total)})` : '';
  const head = `${plural(rejected, 'request')}${share} ${was(rejected)} rejected`;
  const { noHealthyServers: a, overloaded: b } = rejectedByReason;
  if (a === rejected) return `${head} because ${noHealthy}.`;
  if (b === rejected) return `${head} because ${overloaded}.`;
  return `${head}: ${count(a)} because ${noHealthy}, ${count(b)} because ${overloaded}.`;
}
