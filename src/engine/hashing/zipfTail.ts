/**
 * Σ (k+1)^-s for keys k = from..to-1: the unnormalized Zipf popularity of a stretch of keys,
 * by the midpoint integral ∫ x^-s dx from from + 0.5 to to + 0.5. The integrand is smooth and
 * the stretches it is used for start beyond the first 100,000 keys, where the error is far below
 * anything a percentage shows. Exact for s = 0 (the stretch's length).
 */
export function zipfTailWeight(from: number, to: number, s: number): number {
  if (to <= from) return 0;
  if (s === 0) return to - from;
  return antiderivative(to + 0.5, s) - antiderivative(from + 0.5, s);
}

/** (x^(1-s) - 1)/(1-s), which tends to ln x as s tends to 1; expm1 keeps it accurate near s = 1. */
function antiderivative(x: number, s: number): number {
  const a = 1 - s;
  const lx = Math.log(x);
  if (Math.abs(a * lx) < 1e-12) return lx;
  return Math.expm1(a * lx) / a;
}
