/**
 * How unevenly a run used its servers: the gap between the busiest and the idlest server's
 * utilization (in share points: 0.3 = 30 percentage points) and the coefficient of variation
 * (population standard deviation over the mean), which does not grow with the load itself.
 */
export function spreadOf(utilization: ArrayLike<number>): {
  readonly maxMinusMin: number;
  readonly cv: number | null;
} {
  const n = utilization.length;
  if (n === 0) return { maxMinusMin: 0, cv: null };
  let lo = Infinity;
  let hi = -Infinity;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const u = utilization[i]!;
    lo = Math.min(lo, u);
    hi = Math.max(hi, u);
    sum += u;
  }
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (utilization[i]! - mean) ** 2;
  const cv = mean > 0 ? Math.sqrt(squares / n) / mean : null;
  return { maxMinusMin: hi - lo, cv };
}
