/**
 * Weights as the balancers take them: positive integers, with a ceiling (HAProxy: 256). The
 * simulation's weights are any positive numbers, so they are scaled to whole numbers keeping their
 * ratios exactly where that fits, and rounded where it does not.
 */

export interface IntegerWeights {
  readonly values: readonly number[];
  /** The integers have exactly the ratios of the simulation's weights. */
  readonly exact: boolean;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Smallest multiplier (up to 1000) that makes every weight a whole number, or null. */
function wholeMultiplier(weights: readonly number[]): number | null {
  for (let k = 1; k <= 1000; k++) {
    if (weights.every((w) => Math.abs(w * k - Math.round(w * k)) <= 1e-9 * Math.max(1, w * k))) {
      return k;
    }
  }
  return null;
}

/**
 * Integer weights of at least 1 and at most `max` in the ratios of `weights`: 0.5, 1 → 1, 2 and
 * 2, 4 → 1, 2. When no exact set fits under `max`, the largest weight becomes `max` and the others
 * are rounded in proportion (at least 1), and `exact` is false.
 */
export function integerWeights(weights: readonly number[], max: number): IntegerWeights {
  if (weights.length === 0) return { values: [], exact: true };
  const k = wholeMultiplier(weights);
  if (k !== null) {
    const ints = weights.map((w) => Math.round(w * k));
    const divisor = ints.reduce(gcd);
    const values = ints.map((v) => v / divisor);
    if (Math.max(...values) <= max) return { values, exact: true };
  }
  const top = Math.max(...weights);
  const values = weights.map((w) => Math.min(max, Math.max(1, Math.round((w / top) * max))));
  return { values, exact: false };
}

/** The weights in words, for notes: "1, 2.5 and 4". */
export function listWeights(weights: readonly number[]): string {
  const parts = weights.map((w) => String(Number(w.toPrecision(6))));
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
