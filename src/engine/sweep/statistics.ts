/**
 * The mean of a point's replications and its 95% confidence interval. Replications are
 * independent runs (their own seeds), so their results are i.i.d. draws and the interval is the
 * textbook Student's t interval: mean ± t(0.975, n − 1) · s / √n, with s the sample standard
 * deviation (divisor n − 1). It assumes the per-replication figures are roughly normal, which
 * holds well for means over many requests and less well for far tails (p99.9 of short runs).
 */

/**
 * t(0.975, df) for df = 1..30: the two-sided 95% critical values of Student's t, as computed by
 * scipy.stats.t.ppf(0.975, df) (and found in every statistics table to 3 decimals).
 */
const T975 = [
  12.706204736174694, 4.302652729749462, 3.1824463052837078, 2.7764451051977934, 2.5705818356363146,
  2.4469118511449786, 2.364624251592784, 2.306004135204166, 2.262157162798205, 2.228138851986274,
  2.200985160091639, 2.1788128296672284, 2.1603686564627913, 2.144786687917804, 2.131449545559776,
  2.1199052992212546, 2.1098155778333156, 2.1009220402410382, 2.0930240544083087, 2.085963447265864,
  2.0796138447276795, 2.0738730679040254, 2.0686576104190486, 2.0638985616280245,
  2.0595385527532972, 2.0555294386428735, 2.0518305164802846, 2.0484071417952454, 2.045229642132703,
  2.0422724563012378,
] as const;

/** The 0.975 quantile of the standard normal distribution. */
const Z975 = 1.959963984540054;

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom: the table for df ≤ 30, beyond it
 * the Cornish–Fisher expansion in 1/df (Abramowitz & Stegun 26.7.5), whose error there is below
 * 1e-7 (3e-8 at df = 31, checked against scipy) and shrinks as df grows.
 */
export function tQuantile975(df: number): number {
  if (!(Number.isInteger(df) && df >= 1))
    throw new RangeError(`df must be an integer >= 1, got ${df}`);
  if (df <= T975.length) return T975[df - 1]!;
  const z = Z975;
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

/** Mean and 95% confidence interval of a sample; `ci95` is null below two values. */
export interface MeanCi {
  readonly n: number;
  readonly mean: number | null;
  readonly ci95: readonly [number, number] | null;
}

/**
 * Mean and Student's t 95% confidence interval of the non-null values, summed in the order given
 * (so the same values always give the same bits). Nulls (a replication with nothing to measure,
 * e.g. no request served) are left out and n counts only the others.
 */
export function meanCi95(values: readonly (number | null)[]): MeanCi {
  const xs = values.filter((v): v is number => v !== null);
  const n = xs.length;
  if (n === 0) return { n, mean: null, ci95: null };
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / n;
  if (n < 2) return { n, mean, ci95: null };
  let squares = 0;
  for (const x of xs) squares += (x - mean) * (x - mean);
  const sd = Math.sqrt(squares / (n - 1));
  const half = (tQuantile975(n - 1) * sd) / Math.sqrt(n);
  return { n, mean, ci95: [mean - half, mean + half] };
}
