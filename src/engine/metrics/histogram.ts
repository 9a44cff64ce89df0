/**
 * Latency histogram with fixed memory and a guaranteed relative error, so a run of any length can
 * report p50/p95/p99 without keeping samples. Buckets are geometric (ratio 1.02) from 1 µs to past
 * 1e10 ms; reporting a bucket's geometric midpoint is within sqrt(1.02) - 1 ≈ 0.995% of every value
 * in it. record() is O(1) and allocation-free (one Math.log plus two comparisons), because it runs
 * once per completed request on the simulation's hot path.
 *
 * Range and edge cases (all layouts are identical, so any two histograms can be merged):
 * - Bucket 0 is an underflow bucket for values in [0, 0.001) ms. Quantiles that fall in it are
 *   reported as the exact minimum seen, so the error there is absolute, below 1 µs.
 * - Values at or above the top bound (≥ 1e10 ms) are clamped into the last bucket; quantiles that
 *   land there are clamped to the exact maximum, so they are no longer within 1%.
 * - Negative values are recorded as 0; NaN is ignored. count, sum, mean, min and max are exact.
 */

/** Smallest value with a bucket of its own (ms); anything below goes to the underflow bucket. */
export const HISTOGRAM_MIN_VALUE = 1e-3;
/** Values at or above this (ms) are clamped into the last bucket. */
export const HISTOGRAM_MAX_VALUE = 1e10;
/** Ratio between consecutive bucket bounds. */
export const HISTOGRAM_BUCKET_RATIO = 1.02;
/** Worst relative error of a quantile inside the covered range: sqrt(ratio) - 1 ≈ 0.00995. */
export const HISTOGRAM_RELATIVE_ERROR = Math.sqrt(HISTOGRAM_BUCKET_RATIO) - 1;

const LN_MIN = Math.log(HISTOGRAM_MIN_VALUE);
const INV_LN_RATIO = 1 / Math.log(HISTOGRAM_BUCKET_RATIO);
/** Number of geometric buckets; buckets 1..GEOMETRIC cover [MIN·r^(i-1), MIN·r^i). */
const GEOMETRIC = Math.ceil(
  Math.log(HISTOGRAM_MAX_VALUE / HISTOGRAM_MIN_VALUE) * INV_LN_RATIO - 1e-9,
);
const BUCKETS = GEOMETRIC + 1;

/** BOUNDS[i] is the lower bound of bucket i; BOUNDS[BUCKETS] is the nominal top of the range. */
const BOUNDS = new Float64Array(BUCKETS + 1);
/** The value reported for a quantile landing in bucket i (before clamping to [min, max]). */
const MIDPOINTS = new Float64Array(BUCKETS);
{
  const sqrtRatio = Math.sqrt(HISTOGRAM_BUCKET_RATIO);
  BOUNDS[0] = 0;
  for (let i = 1; i <= BUCKETS; i++) {
    BOUNDS[i] = HISTOGRAM_MIN_VALUE * Math.pow(HISTOGRAM_BUCKET_RATIO, i - 1);
  }
  MIDPOINTS[0] = 0;
  for (let i = 1; i < BUCKETS; i++) MIDPOINTS[i] = BOUNDS[i]! * sqrtRatio;
}

/**
 * The bucket of a value, from its logarithm: the first guess is at most one bucket off (the log
 * can be an ulp off at a bucket edge), and comparing with BOUNDS makes membership exact.
 */
function bucketByLog(v: number): number {
  if (v < HISTOGRAM_MIN_VALUE) return 0;
  const f = (Math.log(v) - LN_MIN) * INV_LN_RATIO;
  if (f >= GEOMETRIC) return GEOMETRIC;
  let i = 1 + (f | 0);
  if (v < BOUNDS[i]!) i--;
  else if (i < GEOMETRIC && v >= BOUNDS[i + 1]!) i++;
  return i;
}

/*
 * The same buckets without a logarithm, since every served request needs one: the high word of a
 * double holds its exponent and the top of its mantissa, and with 8 mantissa bits each cell of
 * values sharing them spans less than 0.4% (under one bucket's 2%), so a cell's lowest value
 * names the bucket and one comparison with the next bound settles it.
 */
const SCRATCH = new Float64Array(1);
const WORDS = new Uint32Array(SCRATCH.buffer);
const HIGH = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;
const CELL_SHIFT = 12;
function cellOf(v: number): number {
  SCRATCH[0] = v;
  return WORDS[HIGH]! >>> CELL_SHIFT;
}
const FIRST_CELL = cellOf(HISTOGRAM_MIN_VALUE);
const CELL_BUCKET = new Uint16Array(cellOf(BOUNDS[GEOMETRIC]!) - FIRST_CELL + 1);
for (let c = 0; c < CELL_BUCKET.length; c++) {
  WORDS[HIGH] = (FIRST_CELL + c) << CELL_SHIFT;
  WORDS[1 - HIGH] = 0;
  CELL_BUCKET[c] = bucketByLog(SCRATCH[0]!);
}

/**
 * The bucket of a non-negative, non-NaN value (the same in every histogram), with the tables held
 * as fields: V8 loads a module-level binding from the module's context, with a check, at every
 * use, where a field of an object it knows costs one load. RunMetrics keeps one for its call per
 * served request; `bucketIndex` is the same lookup for everyone else.
 */
export class BucketIndexer {
  private readonly min = HISTOGRAM_MIN_VALUE;
  private readonly top = BOUNDS[GEOMETRIC]!;
  private readonly bounds = BOUNDS;
  private readonly cellBucket = CELL_BUCKET;
  private readonly scratch = new Float64Array(1);
  private readonly words = new Uint32Array(this.scratch.buffer);
  private readonly high = HIGH;
  private readonly firstCell = FIRST_CELL;
  private readonly cellShift = CELL_SHIFT;

  of(v: number): number {
    if (v < this.min) return 0;
    if (v >= this.top) return GEOMETRIC;
    this.scratch[0] = v;
    let i = this.cellBucket[(this.words[this.high]! >>> this.cellShift) - this.firstCell]!;
    if (v >= this.bounds[i + 1]!) i++;
    return i;
  }
}

const SHARED_INDEXER = new BucketIndexer();

/** The bucket a non-negative, non-NaN value belongs to (the same in every histogram). */
export function bucketIndex(v: number): number {
  return SHARED_INDEXER.of(v);
}

/** The log-based lookup, exported for the test that checks both agree on every value. */
export const bucketIndexByLog = bucketByLog;

/** Log-bucketed histogram of non-negative values (ms) with ≤ 1% relative quantile error. */
export class LatencyHistogram {
  private readonly counts = new Float64Array(BUCKETS);
  private n = 0;
  private total = 0;
  private lo = Infinity;
  private hi = -Infinity;

  /** Number of buckets, including the underflow bucket 0; the same for every histogram. */
  static readonly bucketCount = BUCKETS;

  /** Number of buckets, including the underflow bucket 0. */
  get bucketCount(): number {
    return BUCKETS;
  }

  /** Number of values recorded (sum of weights when recordN was used). */
  get count(): number {
    return this.n;
  }

  /** Exact sum of the values recorded. */
  get sum(): number {
    return this.total;
  }

  /** Exact mean, or 0 when empty. */
  get mean(): number {
    return this.n > 0 ? this.total / this.n : 0;
  }

  /** Exact smallest value recorded, or 0 when empty. */
  get min(): number {
    return this.n > 0 ? this.lo : 0;
  }

  /** Exact largest value recorded, or 0 when empty. */
  get max(): number {
    return this.n > 0 ? this.hi : 0;
  }

  /** Records one value. Negative values count as 0; NaN is ignored. */
  record(v: number): void {
    if (!(v >= 0)) {
      if (v !== v) return;
      v = 0;
    }
    this.recordInBucket(v, bucketIndex(v));
  }

  /**
   * Records a non-negative value whose bucket the caller already knows (from bucketIndex), so
   * two histograms fed the same value compute the logarithm once.
   */
  recordInBucket(v: number, bucket: number): void {
    this.n++;
    this.total += v;
    if (v < this.lo) this.lo = v;
    if (v > this.hi) this.hi = v;
    this.counts[bucket]!++;
  }

  /** Records the value `v` `times` times (a positive weight; fractional weights are allowed). */
  recordN(v: number, times: number): void {
    if (!(times > 0)) return;
    if (!(v >= 0)) {
      if (v !== v) return;
      v = 0;
    }
    this.n += times;
    this.total += v * times;
    if (v < this.lo) this.lo = v;
    if (v > this.hi) this.hi = v;
    this.counts[bucketIndex(v)]! += times;
  }

  /**
   * The q-quantile by the nearest-rank definition: the value of rank max(1, ⌈q·count⌉) in sorted
   * order, within 1% (see the header for the underflow and clamped ranges). q = 0 gives the exact
   * min and q = 1 the exact max; q is clamped to [0, 1]; returns 0 when empty. The result is always
   * within [min, max]. Costs O(buckets between min and max).
   */
  quantile(q: number): number {
    return quantileOfCounts(this.counts, this.n, this.lo, this.hi, q);
  }

  /** Forgets everything recorded. */
  reset(): void {
    // Only buckets between the smallest and the largest value recorded can hold a count.
    if (this.n > 0) this.counts.fill(0, bucketIndex(this.lo), bucketIndex(this.hi) + 1);
    this.n = 0;
    this.total = 0;
    this.lo = Infinity;
    this.hi = -Infinity;
  }

  /** Adds everything `other` recorded to this histogram, as if recorded here too. */
  mergeFrom(other: LatencyHistogram): void {
    if (other.n <= 0) return;
    const a = this.counts;
    const b = other.counts;
    for (let i = 0; i < BUCKETS; i++) a[i]! += b[i]!;
    this.n += other.n;
    this.total += other.total;
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
  }

  /** Lower bound of bucket i (0 for the underflow bucket). */
  bucketLowerBound(i: number): number {
    checkBucket(i);
    return BOUNDS[i]!;
  }

  /**
   * Upper bound (exclusive) of bucket i. For the last bucket this is the nominal top of the range;
   * values above it are clamped into that bucket too.
   */
  bucketUpperBound(i: number): number {
    checkBucket(i);
    return BOUNDS[i + 1]!;
  }

  /** Count recorded in bucket i. */
  countAt(i: number): number {
    checkBucket(i);
    return this.counts[i]!;
  }

  /**
   * The counts of all buckets, copied into `target` (which must hold at least bucketCount entries)
   * or into a new array. Returns the array written.
   */
  copyCounts(target?: Float64Array): Float64Array {
    if (target === undefined) return this.counts.slice();
    if (target.length < BUCKETS) {
      throw new RangeError(`copyCounts target needs ${BUCKETS} entries, got ${target.length}`);
    }
    target.set(this.counts);
    return target;
  }
}

/**
 * The q-quantile of values counted per bucket in `counts` (`n` of them, exact minimum `lo` and
 * maximum `hi`), as LatencyHistogram.quantile defines it.
 */
export function quantileOfCounts(
  counts: Float64Array,
  n: number,
  lo: number,
  hi: number,
  q: number,
): number {
  if (n <= 0) return 0;
  if (!(q > 0)) return lo;
  if (q >= 1) return hi;
  const rank = rankOf(q, n);
  if (rank >= n) return hi;
  const last = bucketIndex(hi);
  let cumulative = 0;
  for (let i = bucketIndex(lo); i <= last; i++) {
    cumulative += counts[i]!;
    if (cumulative >= rank) return reported(i, lo, hi);
  }
  return hi;
}

/** The nearest rank (1-based) of the q-quantile among n values, as every quantile here takes it. */
function rankOf(q: number, n: number): number {
  // The epsilon keeps e.g. 0.07 · 100 = 7.000000000000001 at rank 7.
  return Math.max(1, Math.ceil(q * n - 1e-9));
}

/** The quantiles a sample interval keeps: p50, p90 and p99, in that order. */
export const TAIL_QUANTILES = [0.5, 0.9, 0.99] as const;

/**
 * quantileOfCounts for each of TAIL_QUANTILES at once, written to `out` from `at` on, in order:
 * one walk up the buckets instead of one from the bottom for each (a busy sample interval's
 * summary, on every interval of a run).
 */
export function tailQuantilesOfCounts(
  counts: Float64Array,
  n: number,
  lo: number,
  hi: number,
  out: Float64Array,
  at: number,
): void {
  if (n <= 0) {
    out.fill(0, at, at + TAIL_QUANTILES.length);
    return;
  }
  // Ranks as quantileOfCounts computes them; they never fall from one q to the next, so each
  // walk goes on from where the last stopped. A rank of n or more reports the exact maximum.
  const last = bucketIndex(hi);
  let i = bucketIndex(lo);
  let cumulative = counts[i]!;
  for (let k = 0; k < TAIL_QUANTILES.length; k++) {
    const rank = rankOf(TAIL_QUANTILES[k]!, n);
    if (rank >= n) {
      out[at + k] = hi;
      continue;
    }
    // The loop's body is one load and one add: nothing in it for the compiler to re-check.
    while (cumulative < rank && i < last) cumulative += counts[++i]!;
    out[at + k] = cumulative >= rank ? reported(i, lo, hi) : hi;
  }
}

/**
 * The same q-quantile when the buckets of the `n` values are known one by one, sorted ascending
 * (for a handful of values this beats walking the buckets): the rank-th value's bucket.
 */
export function quantileOfSortedBuckets(
  sorted: ArrayLike<number>,
  n: number,
  lo: number,
  hi: number,
  q: number,
): number {
  if (n <= 0) return 0;
  if (!(q > 0)) return lo;
  if (q >= 1) return hi;
  const rank = rankOf(q, n);
  if (rank >= n) return hi;
  return reported(sorted[rank - 1]!, lo, hi);
}

/** The value a quantile landing in bucket i reports: its midpoint kept within [lo, hi]. */
function reported(i: number, lo: number, hi: number): number {
  if (i === 0) return lo;
  const mid = MIDPOINTS[i]!;
  return mid < lo ? lo : mid > hi ? hi : mid;
}

function checkBucket(i: number): void {
  if (!(i >= 0 && i < BUCKETS && Number.isInteger(i))) {
    throw new RangeError(`bucket index ${i} out of range [0, ${BUCKETS})`);
  }
}
