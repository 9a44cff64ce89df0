/** A bar of the latency histogram: requests whose latency fell in [lower, upper) ms. */
export interface LatencyBin {
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
}

/** The engine's buckets grow by this ratio; used only when the data cannot tell (one bucket at 0). */
const FALLBACK_RATIO = 1.02;

/**
 * Merges the engine's fine log-spaced buckets (2% apart) into about `target` bars of equal width
 * on a log axis. Whole buckets are merged, never split, so every count stays exact; the last bar
 * may reach past the data, which is honest because buckets outside the sent range are empty.
 * The underflow bucket (lower bound 0) is drawn one ratio below its upper bound, as a log axis
 * has no 0.
 */
export function rebinLatency(
  lower: Float64Array,
  upper: Float64Array,
  counts: Float64Array,
  target = 30,
): LatencyBin[] {
  const n = counts.length;
  if (n === 0) return [];
  const lastLower = lower[n - 1]!;
  const ratio = lastLower > 0 ? upper[n - 1]! / lastLower : FALLBACK_RATIO;
  const per = Math.max(1, Math.ceil(n / target));
  const bins: LatencyBin[] = [];
  for (let start = 0; start < n; start += per) {
    let count = 0;
    for (let i = start; i < Math.min(n, start + per); i++) count += counts[i]!;
    const lo = upper[start]! / ratio;
    bins.push({ lower: lo, upper: lo * Math.pow(ratio, per), count });
  }
  return bins;
}

/**
 * The low end of a log axis reaching up to `hi`: `lo` itself when positive, else (latencies of
 * exactly 0 ms, where the histogram's first bucket starts at 0) a hundredth of `hi`, or 0.01 ms.
 * A log scale given 0 maps every value to NaN.
 */
export function logFloor(lo: number, hi: number): number {
  if (lo > 0 && Number.isFinite(lo)) return lo;
  return hi > 0 && Number.isFinite(hi) ? hi / 100 : 0.01;
}
