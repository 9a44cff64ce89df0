import {
  bucketIndex,
  LatencyHistogram,
  quantileOfSortedBuckets,
  TAIL_QUANTILES,
  tailQuantilesOfCounts,
} from './histogram.ts';

/** Up to this many latencies an interval keeps one by one, and its quantiles wait until read. */
const FEW = 64;

/**
 * The latencies of the current sample interval, for its p50 / p90 / p99 (with the run-wide
 * histogram's buckets and rules, so the values are exactly what a histogram of the interval would
 * report). Most intervals hold a handful of requests: their buckets are kept as they come and the
 * quantiles are worked out only if someone reads that sample, from the sorted buckets. An interval
 * with more requests than that counts them in buckets and is summed up when it closes, once per
 * many requests.
 */
export class IntervalLatency {
  private n = 0;
  private lo = Infinity;
  private hi = -Infinity;
  /** The buckets of the interval's first FEW latencies, as recorded. */
  private readonly few = new Uint16Array(FEW);
  /** Counts per bucket once the interval has more than FEW latencies. */
  private counts: Float64Array | null = null;
  // Per sample row: the kept buckets of a closed interval whose quantiles are still to compute.
  private readonly rowBuckets: Uint16Array;
  private readonly rowN: Int32Array;
  private readonly rowLo: Float64Array;
  private readonly rowHi: Float64Array;
  private readonly sorted = new Uint16Array(FEW);

  constructor(rows: number) {
    this.rowBuckets = new Uint16Array(rows * FEW);
    this.rowN = new Int32Array(rows);
    this.rowLo = new Float64Array(rows);
    this.rowHi = new Float64Array(rows);
  }

  /** One latency (ms, never negative) whose histogram bucket the caller already knows. */
  record(v: number, bucket: number): void {
    if (v < this.lo) this.lo = v;
    if (v > this.hi) this.hi = v;
    const n = this.n++;
    if (n < FEW) this.few[n] = bucket;
    else {
      if (n === FEW) this.spill();
      this.counts![bucket]!++;
    }
  }

  /**
   * Ends the interval into sample `row`, writing p50 / p90 / p99 at `at` in `out` now if the
   * interval was busy; returns true when they wait for `resolve(row, ...)` instead.
   */
  close(row: number, out: Float64Array, at: number): boolean {
    const n = this.n;
    const { lo, hi } = this;
    this.n = 0;
    this.lo = Infinity;
    this.hi = -Infinity;
    if (n === 0) {
      out[at] = out[at + 1] = out[at + 2] = NaN;
      return false;
    }
    if (n <= FEW) {
      const base = row * FEW;
      const { rowBuckets, few } = this;
      for (let i = 0; i < n; i++) rowBuckets[base + i] = few[i]!;
      this.rowN[row] = n;
      this.rowLo[row] = lo;
      this.rowHi[row] = hi;
      return true;
    }
    const counts = this.counts!;
    tailQuantilesOfCounts(counts, n, lo, hi, out, at);
    counts.fill(0, bucketIndex(lo), bucketIndex(hi) + 1);
    return false;
  }

  /** Works out a waiting row's p50 / p90 / p99 into `out` at `at`. */
  resolve(row: number, out: Float64Array, at: number): void {
    const n = this.rowN[row]!;
    const s = this.sorted;
    const base = row * FEW;
    for (let i = 0; i < n; i++) s[i] = this.rowBuckets[base + i]!;
    // Insertion sort: a handful of small integers.
    for (let i = 1; i < n; i++) {
      const b = s[i]!;
      let j = i - 1;
      while (j >= 0 && s[j]! > b) {
        s[j + 1] = s[j]!;
        j--;
      }
      s[j + 1] = b;
    }
    const lo = this.rowLo[row]!;
    const hi = this.rowHi[row]!;
    for (let k = 0; k < TAIL_QUANTILES.length; k++)
      out[at + k] = quantileOfSortedBuckets(s, n, lo, hi, TAIL_QUANTILES[k]!);
  }

  /** The interval outgrew FEW latencies: count the kept ones into buckets and go on there. */
  private spill(): void {
    const counts = (this.counts ??= new Float64Array(LatencyHistogram.bucketCount));
    for (let i = 0; i < FEW; i++) counts[this.few[i]!]!++;
  }
}
