import { AliasTable } from './aliasTable.ts';
import type { Rng } from './random.ts';

/** Up to this many keys a table (12 bytes a key) serves draws; beyond it, rejection-inversion. */
export const ZIPF_TABLE_MAX_KEYS = 1 << 18;

/**
 * Zipf-distributed keys: `sample()` returns k in 0..count-1 with probability proportional to
 * 1/(k+1)^s (s = 0 is uniform). Rejection-inversion (Hörmann & Derflinger 1996, "Rejection-inversion
 * to generate variates from monotone discrete distributions"), in the form Apache Commons RNG's
 * RejectionInversionZipfSampler uses: the hat integral is H(x) = (x^(1-s) - 1)/(1-s), which has
 * the limit ln x at s = 1, so one formula covers every s >= 0. O(1) memory and O(1) expected time
 * for any count (fewer than two tries per sample on average). Key spaces small enough for a table
 * draw from an alias table instead, several times faster per key.
 */
export class ZipfSampler {
  readonly count: number;
  readonly exponent: number;
  private readonly rng: Rng;
  /** H(1.5) - 1: the lower end of the range u is drawn from. */
  private readonly hIntegralX1: number;
  /** H(count + 0.5): the upper end. */
  private readonly hIntegralN: number;
  /** Accept at once when k - x is at most this (saves evaluating H in most tries). */
  private readonly shortcut: number;
  /** The exact distribution as an alias table, for key spaces up to ZIPF_TABLE_MAX_KEYS. */
  private readonly table: AliasTable | null;
  /** Uniform draws each key takes: 2 from the table, 1 uniform, 0 when it varies (rejection). */
  readonly drawsPerKey: number;

  constructor(count: number, s: number, rng: Rng) {
    if (!(Number.isSafeInteger(count) && count >= 1)) {
      throw new RangeError(`ZipfSampler count must be an integer >= 1, got ${count}`);
    }
    if (!(s >= 0 && s < Infinity)) {
      throw new RangeError(`ZipfSampler exponent must be finite and >= 0, got ${s}`);
    }
    this.count = count;
    this.exponent = s;
    this.rng = rng;
    this.hIntegralX1 = this.hIntegral(1.5) - 1;
    this.hIntegralN = this.hIntegral(count + 0.5);
    this.shortcut = 2 - this.hIntegralInverse(this.hIntegral(2.5) - this.h(2));
    this.table = s > 0 && count <= ZIPF_TABLE_MAX_KEYS ? new AliasTable(weights(count, s)) : null;
    this.drawsPerKey = this.table !== null ? 2 : s === 0 && count <= 1 << 20 ? 1 : 0;
  }

  /** A key in 0..count-1. */
  sample(): number {
    if (this.table !== null) return this.table.sample(this.rng);
    // A 32-bit draw spreads evenly enough over up to a million keys (bias below 0.03%).
    if (this.exponent === 0 && this.count <= 1 << 20) return this.rng.int(this.count);
    const n = this.count;
    for (;;) {
      // u is uniform in (H(1.5) - 1, H(n + 0.5)].
      const u = this.hIntegralN + this.uniform53() * (this.hIntegralX1 - this.hIntegralN);
      const x = this.hIntegralInverse(u);
      // k rounds x; the clamps only guard against rounding at the ends.
      let k = Math.floor(x + 0.5);
      if (k < 1) k = 1;
      else if (k > n) k = n;
      if (k - x <= this.shortcut || u >= this.hIntegral(k + 0.5) - this.h(k)) return k - 1;
    }
  }

  /**
   * A uniform float in [0, 1) with 53 random bits from two draws. With only 32 bits, keys deep in
   * the tail of a billion-key space would get visibly uneven (or no) share of the draws.
   */
  private uniform53(): number {
    return (
      (this.rng.int(67_108_864) * 134_217_728 + this.rng.int(134_217_728)) / 9_007_199_254_740_992
    );
  }

  /** The hat function h(x) = x^-s. */
  private h(x: number): number {
    return Math.exp(-this.exponent * Math.log(x));
  }

  /** H(x) = (x^(1-s) - 1)/(1-s), computed stably for s near 1. */
  private hIntegral(x: number): number {
    const logX = Math.log(x);
    return expm1OverX((1 - this.exponent) * logX) * logX;
  }

  /** The inverse of H. */
  private hIntegralInverse(x: number): number {
    let t = x * (1 - this.exponent);
    if (t < -1) t = -1; // rounding only; keeps log1p finite
    return Math.exp(log1pOverX(t) * x);
  }
}

/** ln(1 + x)/x, with its Taylor series near 0 where the quotient loses precision. */
function log1pOverX(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1 - x * (0.5 - x * (1 / 3 - 0.25 * x));
}

/** (e^x - 1)/x, with its Taylor series near 0. */
function expm1OverX(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1 + x * 0.5 * (1 + (x / 3) * (1 + 0.25 * x));
}

/** 1/(k+1)^s for k in 0..count-1. */
function weights(count: number, s: number): Float64Array {
  const w = new Float64Array(count);
  for (let k = 0; k < count; k++) w[k] = Math.pow(k + 1, -s);
  return w;
}
