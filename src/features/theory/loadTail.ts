import { supermarketTail } from '../../engine/theory.ts';
import type { ServerSeriesSnapshot } from '../../worker/protocol.ts';

/**
 * The supermarket model's picture: the share of servers holding at least k requests (in service
 * plus waiting), as the theory predicts it and as the simulation measured it.
 */

/**
 * Measured share of servers with load ≥ k, for k = 0..maxK, over every server and every sample
 * of the recorded window (the snapshot's per-server history) that closed within (fromMs, toMs]:
 * the model is about steady traffic, so samples after the traffic ended do not count. Empty when
 * no sample qualifies.
 */
export function measuredLoadTail(
  series: ServerSeriesSnapshot,
  maxK: number,
  fromMs = -Infinity,
  toMs = Infinity,
): Float64Array {
  const n = series.length;
  const rows = n > 0 ? Math.floor(series.active.length / n) : 0;
  const atLeast = new Float64Array(maxK + 1);
  let total = 0;
  for (let j = 0; j < n; j++) {
    const t = series.time[j]!;
    if (!(t > fromMs && t <= toMs)) continue;
    for (let r = 0; r < rows; r++) {
      const i = r * n + j;
      const load = Math.round(series.active[i]! + series.queued[i]!);
      // Loads above maxK count towards every k up to maxK.
      atLeast[Math.min(load, maxK)]!++;
      total++;
    }
  }
  if (total === 0) return new Float64Array(0);
  // Turn counts of "exactly k" (the last bucket "maxK or more") into shares of "at least k".
  for (let k = maxK - 1; k >= 0; k--) atLeast[k]! += atLeast[k + 1]!;
  for (let k = 0; k <= maxK; k++) atLeast[k]! /= total;
  return atLeast;
}

/**
 * The measured tail over every sample of the traffic period the page has seen, kept as counts as
 * snapshots arrive: the snapshot carries only the last 30 s of per-server samples, so after the
 * traffic ends the recent window holds none of it, yet the run played and its curve should stay.
 * A new run (time going back) or another traffic span starts the tally over.
 */
export class LoadTailTally {
  private exactly: Float64Array;
  private samples = 0;
  private lastTime = -Infinity;
  private span = '';

  constructor(private readonly maxK: number) {
    this.exactly = new Float64Array(maxK + 1);
  }

  /** Counts the samples in `series` newer than those already counted; true when any was new. */
  add(series: ServerSeriesSnapshot, fromMs: number, toMs: number): boolean {
    const n = series.length;
    const newest = n > 0 ? series.time[n - 1]! : -Infinity;
    const span = `${fromMs}:${toMs}`;
    if (span !== this.span || newest < this.lastTime) {
      this.reset();
      this.span = span;
    }
    const rows = n > 0 ? Math.floor(series.active.length / n) : 0;
    let counted = false;
    for (let j = 0; j < n; j++) {
      const t = series.time[j]!;
      if (t <= this.lastTime || !(t > fromMs && t <= toMs)) continue;
      for (let r = 0; r < rows; r++) {
        const load = Math.round(series.active[r * n + j]! + series.queued[r * n + j]!);
        this.exactly[Math.min(load, this.maxK)]!++;
      }
      this.samples++;
      counted = true;
    }
    if (newest > this.lastTime) this.lastTime = newest;
    return counted;
  }

  /** Samples (intervals) counted so far. */
  get intervals(): number {
    return this.samples;
  }

  /** Share of server samples with load ≥ k, k = 0..maxK; empty before any sample. */
  tail(): Float64Array {
    let total = 0;
    for (const c of this.exactly) total += c;
    if (total === 0) return new Float64Array(0);
    const out = new Float64Array(this.maxK + 1);
    let atLeast = 0;
    for (let k = this.maxK; k >= 0; k--) {
      atLeast += this.exactly[k]!;
      out[k] = atLeast / total;
    }
    return out;
  }

  /** Forgets every sample (a new run). */
  reset(): void {
    this.exactly.fill(0);
    this.samples = 0;
    this.lastTime = -Infinity;
  }
}

/** The fixed point s_k = λ^((d^k − 1)/(d − 1)) for k = 0..maxK (λ^k when d = 1). */
export function theoryLoadTail(load: number, d: number, maxK: number): Float64Array {
  return Float64Array.from({ length: maxK + 1 }, (_, k) => supermarketTail(load, d, k));
}

/**
 * How far to draw the curves: one k past the last value of any curve at or above `floor` (so the
 * curves visibly reach zero), at least 3, at most `cap`.
 */
export function tailExtent(curves: readonly Float64Array[], floor = 0.002, cap = 12): number {
  let last = 0;
  for (const c of curves) {
    for (let i = c.length - 1; i > last; i--) {
      if (c[i]! >= floor) {
        last = i;
        break;
      }
    }
  }
  return Math.min(Math.max(3, last + 1), cap);
}
