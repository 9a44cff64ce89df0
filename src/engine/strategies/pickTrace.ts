/*
 * Small helpers the strategies share when a request is traced. None of this runs on the untraced
 * hot path: every call sits behind a `ctx.trace !== null` check.
 */
import type { PoolView } from '../poolView.ts';
import { MAX_TRACE_CANDIDATES, type PickTrace } from './strategy.ts';

/** Records a candidate if there is room; `considered` is the caller's to count. */
export function traceCandidate(t: PickTrace, slot: number, score: number): void {
  if (t.slots.length < MAX_TRACE_CANDIDATES) {
    t.slots.push(slot);
    t.scores.push(score);
  }
}

/**
 * Makes sure the chosen slot is among the kept candidates: when the list filled up before reaching
 * it, it takes the last place, so a trace always names the server that won.
 */
export function traceKeepChosen(t: PickTrace, slot: number, score: number): void {
  if (slot < 0 || t.slots.includes(slot)) return;
  if (t.slots.length < MAX_TRACE_CANDIDATES) {
    t.slots.push(slot);
    t.scores.push(score);
  } else {
    t.slots[MAX_TRACE_CANDIDATES - 1] = slot;
    t.scores[MAX_TRACE_CANDIDATES - 1] = score;
  }
}

/** A server's name for a rule sentence. */
export function nameOf(pool: PoolView, slot: number): string {
  return pool.names[slot] ?? `slot ${slot}`;
}

/** A score as a rule sentence shows it: whole numbers as they are, others to 3 significant digits. */
export function formatScore(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return Number(x.toPrecision(3)).toString();
}

/** Requests in service and waiting on a slot. */
export function loadOf(pool: PoolView, slot: number): number {
  return pool.active[slot]! + pool.queued[slot]!;
}

/**
 * Why a healthy-looking owner was passed over. The pool view has no separate "up" flag, so a
 * server with room left must be down, and one at or over its capacity may be either.
 */
export function unavailableReason(pool: PoolView, slot: number): string {
  const active = pool.active[slot]!;
  const queued = pool.queued[slot]!;
  if (active + queued < pool.capacity[slot]!) return 'down';
  return `full or down (${active} in service, ${queued} waiting)`;
}

/** What a traced walk along a hash ring or lookup table found. */
export interface WalkResult {
  /** The first healthy owner, or -1. */
  readonly slot: number;
  /** Entries stepped past before it. */
  readonly steps: number;
  /** Names and reasons of the distinct owners walked past, in order, e.g. "Server-A (down)". */
  readonly passed: string[];
}

/**
 * Walks `owners` from `start` (wrapping) to the first healthy owner, exactly as the untraced pick
 * does, recording each distinct owner once, at the first entry it owns, with `scoreAt` of that
 * entry. Owners recur along a ring or table, so listing each entry would repeat servers.
 */
export function traceWalk(
  pool: PoolView,
  t: PickTrace,
  owners: ArrayLike<number>,
  start: number,
  scoreAt: (step: number, index: number) => number,
): WalkResult {
  const n = owners.length;
  const seen = new Set<number>();
  const passed: string[] = [];
  for (let step = 0, j = start; step < n; step++) {
    const slot = owners[j]!;
    if (!seen.has(slot)) {
      seen.add(slot);
      t.considered++;
      traceCandidate(t, slot, scoreAt(step, j));
      if (pool.healthy[slot] !== 1)
        passed.push(`${nameOf(pool, slot)} (${unavailableReason(pool, slot)})`);
    }
    if (pool.healthy[slot] === 1) {
      traceKeepChosen(t, slot, scoreAt(step, j));
      return { slot, steps: step, passed };
    }
    if (++j === n) j = 0;
  }
  return { slot: -1, steps: n, passed };
}

/** "1 healthy server", "3 healthy servers": a count with its noun in the right number. */
export function countOf(n: number, noun: string, many = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : many}`;
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}
