import type { CompareVariantResult } from '../../worker/protocol.ts';
import { formatCount, formatMs, formatPercent } from '../../lib/format.ts';
import { countNoise, hitRateNoise, latencyNoise, spreadNoise } from './compareNoise.ts';

/**
 * The rows of the comparison table: what each measures, how it reads, and which way is better,
 * so the best value of each row can be marked.
 */

export type CompareRowId =
  | 'total'
  | 'served'
  | 'rejected'
  | 'failed'
  | 'inFlight'
  | 'p50'
  | 'p99'
  | 'p999'
  | 'spread'
  | 'hitRate';

export interface CompareRow {
  readonly id: CompareRowId;
  readonly label: string;
  /** Which way is better; null for a row that is not a score (total requests, in flight). */
  readonly better: 'higher' | 'lower' | null;
  readonly value: (v: CompareVariantResult) => number | null;
  readonly format: (value: number | null) => string;
  /** What the row measures, in one sentence. */
  readonly hint: string;
  /** Shown only when some column has a value other than 0 (failures need a fault to happen). */
  readonly onlyWhenNonZero?: boolean;
  /**
   * How far apart two values of this row must be to tell them apart (see compareNoise.ts);
   * rows without a direction have none.
   */
  readonly noise?: (
    a: number,
    b: number,
    va: CompareVariantResult,
    vb: CompareVariantResult,
  ) => number;
}

const count = (v: number | null) => (v === null ? '–' : formatCount(v));
/** Share points: a gap of 0.123 between two shares reads "12.3 pts". */
const points = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)} pts`);

export const COMPARE_ROWS: readonly CompareRow[] = [
  {
    id: 'total',
    label: 'requests',
    better: null,
    value: (v) => v.summary.requests.total,
    format: count,
    hint: 'Requests that arrived: the same workload in every column.',
  },
  {
    id: 'served',
    label: 'served',
    better: 'higher',
    value: (v) => v.summary.requests.served,
    format: count,
    hint: 'Requests that finished.',
    noise: countNoise,
  },
  {
    id: 'rejected',
    label: 'rejected',
    better: 'lower',
    value: (v) => v.summary.requests.rejected,
    format: count,
    hint: 'Requests turned away: no healthy server, or the chosen one was full.',
    noise: countNoise,
  },
  {
    id: 'failed',
    label: 'failed or timed out',
    better: 'lower',
    value: (v) => v.summary.requests.failed + v.summary.requests.timedOut,
    format: count,
    hint: 'Requests that ended in an error or ran out of time.',
    onlyWhenNonZero: true,
    noise: countNoise,
  },
  {
    id: 'inFlight',
    label: 'still in flight',
    better: null,
    value: (v) => v.summary.requests.inFlight,
    format: count,
    hint: 'Requests not finished when the run stopped: served differs by these.',
    onlyWhenNonZero: true,
  },
  ...(
    [
      ['p50', 'p50 latency', 'p50', 0.5],
      ['p99', 'p99 latency', 'p99', 0.99],
      ['p999', 'p99.9 latency', 'p999', 0.999],
    ] as const
  ).map(([id, label, key, q]) => ({
    id,
    label,
    better: 'lower' as const,
    value: (v: CompareVariantResult) => v.summary.latencyMs[key],
    format: formatMs,
    hint: 'Arrival to completion, queueing included.',
    noise: latencyNoise(q),
  })),
  {
    id: 'spread',
    label: 'utilization spread',
    better: 'lower',
    value: (v) => v.spread.maxMinusMin,
    format: points,
    hint: 'Busiest minus idlest server’s share of capacity in use; lower is more even.',
    noise: spreadNoise,
  },
  {
    id: 'hitRate',
    label: 'cache hit rate',
    better: 'higher',
    value: (v) => v.summary.cache.hitRate,
    format: (v) => formatPercent(v, 1),
    hint: 'Look-ups answered by the cache (– when it is off).',
    noise: hitRateNoise,
  },
];

/** The rows worth showing for these results. */
export function visibleRows(variants: readonly CompareVariantResult[]): CompareRow[] {
  return COMPARE_ROWS.filter(
    (r) => !r.onlyWhenNonZero || variants.some((v) => (r.value(v) ?? 0) !== 0),
  );
}

/**
 * The columns holding a row's best value, where it is ahead beyond noise (see compareNoise.ts):
 * every column within the noise of the best (or equal as shown) shares the mark, and when every
 * column does, nothing stands out and none is marked. A row without a direction, or with fewer
 * than two values to compare, marks none.
 */
export function bestColumns(
  row: CompareRow,
  variants: readonly CompareVariantResult[],
): Set<number> {
  const best = new Set<number>();
  if (row.better === null) return best;
  const values = variants.map(row.value);
  const present = values.flatMap((v, i) => (v !== null && Number.isFinite(v) ? [i] : []));
  if (present.length < 2) return best;
  const top = present.reduce((b, i) =>
    row.better === 'higher' ? (values[i]! > values[b]! ? i : b) : values[i]! < values[b]! ? i : b,
  );
  const shown = row.format(values[top]!);
  for (const i of present) {
    const v = values[i]!;
    const margin = row.noise?.(values[top]!, v, variants[top]!, variants[i]!) ?? 0;
    if (row.format(v) === shown || Math.abs(values[top]! - v) <= margin) best.add(i);
  }
  // Every value is within noise of the best: nothing stands out.
  if (best.size === present.length) best.clear();
  return best;
}
