import type { Rng } from './random.ts';

/**
 * Walker's alias method in Vose's stable form: after O(n) set-up, each draw from a fixed discrete
 * distribution costs two uniform numbers and one comparison, with no logarithms or powers. The
 * simulation draws a key for every request, so this is on its hottest path.
 */
export class AliasTable {
  /**
   * prob and alias of index i side by side at 2i and 2i + 1: a draw from a big table (a hundred
   * thousand keys) then touches one cache line, not two far apart.
   */
  private readonly table: Float64Array;
  private readonly n: number;

  /** `weights` need not sum to 1; every weight must be finite and >= 0, and one > 0. */
  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    let total = 0;
    for (let i = 0; i < n; i++) total += weights[i]!;
    if (!(n > 0 && total > 0 && Number.isFinite(total)))
      throw new RangeError('alias table needs positive, finite weights');
    const prob = new Float64Array(n);
    const alias = new Int32Array(n);
    const scaled = new Float64Array(n);
    const small = new Int32Array(n);
    const large = new Int32Array(n);
    let ns = 0;
    let nl = 0;
    for (let i = 0; i < n; i++) {
      scaled[i] = (weights[i]! * n) / total;
      if (scaled[i]! < 1) small[ns++] = i;
      else large[nl++] = i;
    }
    while (ns > 0 && nl > 0) {
      const s = small[--ns]!;
      const l = large[--nl]!;
      prob[s] = scaled[s]!;
      alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      if (scaled[l]! < 1) small[ns++] = l;
      else large[nl++] = l;
    }
    // What is left is 1 up to rounding.
    while (nl > 0) prob[large[--nl]!] = 1;
    while (ns > 0) prob[small[--ns]!] = 1;
    this.n = n;
    this.table = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      this.table[2 * i] = prob[i]!;
      this.table[2 * i + 1] = alias[i]!;
    }
  }

  /** An index drawn with probability proportional to its weight. */
  sample(rng: Rng): number {
    const i = rng.int(this.n);
    const t = this.table;
    return rng.next() < t[2 * i]! ? i : t[2 * i + 1]!;
  }
}
