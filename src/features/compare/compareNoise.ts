import type { CompareVariantResult } from '../../worker/protocol.ts';

/**
 * How far apart two columns of a comparison must be before one is called better: each strategy
 * ran once, on one seed, so part of any difference is chance, and a run cut off by its horizon
 * leaves requests whose outcome nobody knows. A margin per kind of figure, in the figure's units;
 * a difference within it is noise and earns no star.
 */

/** Two-sided 95% normal quantile. */
const Z = 1.96;
/** The latency histogram's own resolution: no percentile is known closer than 1% (twice: two columns). */
const LATENCY_FLOOR = 0.02;
/** Fewest requests above a percentile before its value means anything (p99 needs 1,000 served). */
export const MIN_TAIL = 10;
/** Utilization spread: differences under one share point are not told apart. */
const SPREAD_FLOOR = 0.01;

type V = CompareVariantResult;

/**
 * Counts of requests out of the same workload (served, rejected, failed): a 95% margin for the
 * difference of two binomial shares (a conservative bound: both columns saw the same arrivals),
 * plus every request still in flight at the cut-off in either column, which could end either way.
 */
export function countNoise(va: number, vb: number, a: V, b: V): number {
  const n = Math.max(a.summary.requests.total, b.summary.requests.total, 1);
  const pa = va / n;
  const pb = vb / n;
  const binomial = Z * Math.sqrt(n * (pa * (1 - pa) + pb * (1 - pb)));
  return binomial + a.summary.requests.inFlight + b.summary.requests.inFlight;
}

/**
 * A latency percentile `q` (0.5, 0.99, 0.999): the histogram's 1% twice over, or the sampling
 * error of the difference of two such percentiles, whichever is larger; Infinity when a column
 * has too few requests above it to say. The sampling error reads the 95% rank interval of the
 * quantile (±1.96 √(n q (1−q)) ranks) through an exponential tail, where a shift of the tail share
 * by a factor moves the value by its logarithm: relative 1.96 / (√(n (1−q)) · ln(1/(1−q))).
 */
export function latencyNoise(q: number) {
  return (va: number, vb: number, a: V, b: V): number => {
    const tail = Math.min(a.summary.requests.served, b.summary.requests.served) * (1 - q);
    if (tail < MIN_TAIL) return Infinity;
    const sampling = (Math.SQRT2 * Z) / (Math.sqrt(tail) * Math.log(1 / (1 - q)));
    return Math.max(va, vb) * Math.max(LATENCY_FLOOR, sampling);
  };
}

/** A cache hit rate: a 95% margin for the difference of two shares of each column's lookups. */
export function hitRateNoise(va: number, vb: number, a: V, b: V): number {
  const na = a.summary.cache.hits + a.summary.cache.misses;
  const nb = b.summary.cache.hits + b.summary.cache.misses;
  if (na === 0 || nb === 0) return Infinity;
  return Z * Math.sqrt((va * (1 - va)) / na + (vb * (1 - vb)) / nb);
}

/** Utilization spread, in share points. */
export function spreadNoise(): number {
  return SPREAD_FLOOR;
}

/** What the table's footnote says about the stars. */
export const NOISE_NOTE =
  '★ marks a best only where it is ahead beyond chance: counts by more than a 95% binomial ' +
  'margin plus the requests still in flight at the cut-off, latencies by more than 2% and ' +
  `their sampling error (only with at least ${MIN_TAIL} requests above the percentile), ` +
  'hit rates by a 95% margin, spread by a point. Columns within that of the best share its star; ' +
  'when all do, the row has none.';
