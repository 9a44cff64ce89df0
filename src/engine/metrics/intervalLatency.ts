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
 * report). Most intervals hold a handful of requests: their latencies are kept as they come, and
 * buckets, extremes and quantiles are worked out only if someone reads that sample. An interval
 * with more requests than that counts them in buckets and is summed up when it closes, once per
 * many requests.
 *
 * A latency kept costs one store. This kept buckets and tracked each interval's least and greatest
 * as latencies came: in an interval of a handful of requests a new least or greatest comes often
 * and at random, so those comparisons defeat the branch predictor (the run-wide histogram's, which
 * almost never change, do not). Keeping the latencies instead took 3% off the engine's time on the
 * reference model (`npm run bench`'s model, alternated in 14 fresh processes each: 2.06x -> 2.00x).
 */
export class IntervalLatency {
  private n = 0;
  /** Counts per bucket, and the least and greatest, once the interval has more than FEW. */
  private counts: Float64Array | null = null;
  private lo = Infinity;
  private hi = -Infinity;
  /**
   * Blocks of FEW latencies: one per sample row, holding the latencies of a closed interval whose
   * quantiles are still to compute, and one more that the current interval fills as it goes
   * (8 bytes a latency: 300 kB for the 600 rows of a run's history, where buckets took 77 kB).
   * When an interval of a few closes, its block becomes its row's and the row's old block (the
   * sample the table just overwrote) takes the next interval, so nothing is copied.
   */
  private readonly values: Float64Array;
  /** Per sample row: which block of `values` is its. */
  private readonly blockOf: Int32Array;
  /** Per sample row: how many latencies its block holds. */
  private readonly rowN: Int32Array;
  /** Where the current interval's block starts in `values`. */
  private base: number;
  private readonly sorted = new Uint16Array(FEW);

  constructor(rows: number) {
    this.values = new Float64Array((rows + 1) * FEW);
    this.blockOf = Int32Array.from({ length: rows }, (_, row) => row);
    this.rowN = new Int32Array(rows);
    this.base = rows * FEW;
  }

  /** One latency (ms, never negative) whose histogram bucket the caller already knows. */
  record(v: number, bucket: number): void {
    const n = this.n++;
    if (n < FEW) this.values[this.base + n] = v;
    else {
      if (n === FEW) this.spill();
      this.counts![bucket]!++;
      if (v < this.lo) this.lo = v;
      if (v > this.hi) this.hi = v;
    }
  }

  /**
   * Ends the interval into sample `row`, writing p50 / p90 / p99 at `at` in `out` now if the
   * interval was busy; returns true when they wait for `resolve(row, ...)` instead.
   */
  close(row: number, out: Float64Array, at: number): boolean {
    const n = this.n;
    this.n = 0;
    if (n === 0) {
      out[at] = out[at + 1] = out[at + 2] = NaN;
      return false;
    }
    if (n <= FEW) {
      const freed = this.blockOf[row]!;
      this.blockOf[row] = this.base / FEW;
      this.base = freed * FEW;
      this.rowN[row] = n;
      return true;
    }
    const { lo, hi } = this;
    const counts = this.counts!;
    tailQuantilesOfCounts(counts, n, lo, hi, out, at);
    counts.fill(0, bucketIndex(lo), bucketIndex(hi) + 1);
    this.lo = Infinity;
    this.hi = -Infinity;
    return false;
  }

  /** Works out a waiting row's p50 / p90 / p99 into `out` at `at`. */
  resolve(row: number, out: Float64Array, at: number): void {
    const n = this.rowN[row]!;
    const s = this.sorted;
    const base = this.blockOf[row]! * FEW;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = this.values[base + i]!;
      s[i] = bucketIndex(v);
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
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
    for (let k = 0; k < TAIL_QUANTILES.length; k++)
      out[at + k] = quantileOfSortedBuckets(s, n, lo, hi, TAIL_QUANTILES[k]!);
  }

  /** The interval outgrew FEW latencies: count the kept ones into buckets and go on there. */
  private spill(): void {
    const counts = (this.counts ??= new Float64Array(LatencyHistogram.bucketCount));
    for (let i = 0; i < FEW; i++) {
      const v = this.values[this.base + i]!;
      counts[bucketIndex(v)]!++;
      if (v < this.lo) this.lo = v;
      if (v > this.hi) this.hi = v;
    }
  }
}
