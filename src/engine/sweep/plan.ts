import type { Scenario } from '../scenario/types.ts';
import type { StrategyName } from '../strategies/strategy.ts';
import type { FigureName } from './figures.ts';

/**
 * A sweep laid out as runs. Points are (strategy, value) pairs, strategy-major in the order the
 * file lists them; each point has `replications` runs. Run `index` is
 * (strategyIndex · values + valueIndex) · replications + replication, so a run's index alone
 * says what it runs, on any worker, in any shard.
 */

/** What results carry about their sweep: enough to lay out points without the scenarios. */
export interface SweepHeader {
  readonly version: 1;
  readonly name: string;
  /** The preset's name, or the inline base scenario's name. */
  readonly base: string;
  readonly vary: { readonly field: string; readonly values: readonly number[] };
  readonly strategies: readonly StrategyName[];
  readonly replications: number;
  /** Seed of each replication, the same for every point (common random numbers). */
  readonly seeds: readonly number[];
  readonly warmupMs: number;
  /** Measured simulated time per run, after the warm-up; null when `requests` says instead. */
  readonly durationMs: number | null;
  /** Arrivals measured per run, after the warm-up; null when `durationMs` says instead. */
  readonly requests: number | null;
  /** The figures every run reports, in order. */
  readonly figures: readonly FigureName[];
}

/**
 * Everything a worker needs to execute any run: plain data that survives structured cloning
 * (postMessage to a Web Worker or a worker thread) unchanged.
 */
export interface SweepPlan {
  readonly header: SweepHeader;
  /** The scenario of each point, seed aside: `variants[point]`. */
  readonly variants: readonly Scenario[];
  /** A hash of the header and every variant: parts of one sweep carry the same. */
  readonly fingerprint: string;
}

/** Where a run sits in its sweep. */
export interface RunLocation {
  readonly point: number;
  readonly strategyIndex: number;
  readonly valueIndex: number;
  readonly replication: number;
}

export function pointCount(header: SweepHeader): number {
  return header.strategies.length * header.vary.values.length;
}

export function runCount(header: SweepHeader): number {
  return pointCount(header) * header.replications;
}

export function locateRun(header: SweepHeader, index: number): RunLocation {
  if (!(Number.isInteger(index) && index >= 0 && index < runCount(header))) {
    throw new RangeError(`run ${index} is not in this sweep of ${runCount(header)} runs`);
  }
  const point = Math.floor(index / header.replications);
  const values = header.vary.values.length;
  return {
    point,
    strategyIndex: Math.floor(point / values),
    valueIndex: point % values,
    replication: index % header.replications,
  };
}

/** Every run of the sweep, in index order. */
export function allRuns(header: SweepHeader): number[] {
  return Array.from({ length: runCount(header) }, (_, i) => i);
}

/**
 * 64-bit FNV-1a of a string, as 16 hex digits (two 32-bit lanes with different offsets). Not
 * cryptographic: it tells parts of one sweep from parts of another, not from a forger.
 */
export function fingerprintOf(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 7);
  }
  const hex = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}
