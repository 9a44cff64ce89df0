/**
 * Arrival rates that change over time, for non-homogeneous Poisson traffic drawn by thinning
 * (thinning.ts). Each shape cuts its span into pieces with an upper bound of the rate on each, so
 * candidates are drawn at a rate close to the real one (a day of diurnal traffic wastes few
 * draws in the night) and the sampler stays exact: restarting a Poisson process at a piece's end
 * changes nothing, it has no memory.
 */

/** A rate in requests per second over simulated time in ms. */
export interface RateShape {
  readonly from: number;
  readonly to: number;
  /** The rate at `t` (from <= t < to), per second. */
  rate(t: number): number;
  /** The end of the piece that holds `t`. */
  pieceEnd(t: number): number;
  /** An upper bound of the rate on [t, pieceEnd(t)). */
  pieceBound(t: number): number;
  /** The expected number of arrivals in [a, b): the integral of the rate, per ms / 1000. */
  expected(a: number, b: number): number;
}

const clampSpan = (shape: RateShape, a: number, b: number): [number, number] => [
  Math.max(a, shape.from),
  Math.min(b, shape.to),
];

/** A constant rate. */
export class ConstantRate implements RateShape {
  constructor(
    readonly from: number,
    readonly to: number,
    private readonly ratePerSec: number,
  ) {}
  rate(): number {
    return this.ratePerSec;
  }
  pieceEnd(): number {
    return this.to;
  }
  pieceBound(): number {
    return this.ratePerSec;
  }
  expected(a: number, b: number): number {
    const [lo, hi] = clampSpan(this, a, b);
    return hi > lo ? ((hi - lo) * this.ratePerSec) / 1000 : 0;
  }
}

/** A rate moving linearly from `startRate` at `from` to `endRate` at `to`. */
export class RampRate implements RateShape {
  constructor(
    readonly from: number,
    readonly to: number,
    private readonly startRate: number,
    private readonly endRate: number,
  ) {}
  rate(t: number): number {
    const f = (t - this.from) / (this.to - this.from);
    return this.startRate + (this.endRate - this.startRate) * f;
  }
  pieceEnd(): number {
    return this.to;
  }
  pieceBound(t: number): number {
    return Math.max(this.rate(t), this.endRate);
  }
  expected(a: number, b: number): number {
    const [lo, hi] = clampSpan(this, a, b);
    return hi > lo ? ((hi - lo) * (this.rate(lo) + this.rate(hi))) / 2000 : 0;
  }
}

/**
 * A day's rhythm: a sinusoid between a trough and a peak, the peak at `phaseMs` (and every
 * `periodMs` from it), the trough half a period away.
 */
export class DiurnalRate implements RateShape {
  /** Pieces per period for the thinning bounds: half an hour of a 24 h day. */
  static readonly PIECES = 48;
  private readonly mid: number;
  private readonly amplitude: number;
  private readonly piece: number;

  constructor(
    readonly from: number,
    readonly to: number,
    private readonly troughRate: number,
    private readonly peakRate: number,
    private readonly periodMs: number,
    private readonly phaseMs: number,
  ) {
    this.mid = (peakRate + troughRate) / 2;
    this.amplitude = (peakRate - troughRate) / 2;
    this.piece = periodMs / DiurnalRate.PIECES;
  }

  rate(t: number): number {
    return this.mid + this.amplitude * Math.cos((2 * Math.PI * (t - this.phaseMs)) / this.periodMs);
  }

  pieceEnd(t: number): number {
    let end = this.from + (Math.floor((t - this.from) / this.piece) + 1) * this.piece;
    // Rounding may put t on a grid line computed a hair later: the piece must not be empty.
    if (end <= t) end += this.piece;
    return Math.min(this.to, end);
  }

  /** Between a peak and a trough the sinusoid is monotone: the bound is an end, or the peak. */
  pieceBound(t: number): number {
    const end = this.pieceEnd(t);
    const P = this.periodMs;
    const nextPeak = this.phaseMs + Math.ceil((t - this.phaseMs) / P) * P;
    if (nextPeak <= end) return this.peakRate;
    return Math.max(this.rate(t), this.rate(end));
  }

  expected(a: number, b: number): number {
    const [lo, hi] = clampSpan(this, a, b);
    if (hi <= lo) return 0;
    const w = (2 * Math.PI) / this.periodMs;
    const sin = (t: number) => Math.sin(w * (t - this.phaseMs));
    return (this.mid * (hi - lo) + (this.amplitude / w) * (sin(hi) - sin(lo))) / 1000;
  }
}

/** A recorded rate: points [timeMs, ratePerSec], linear in between, none outside. */
export class TraceRate implements RateShape {
  readonly from: number;
  readonly to: number;
  private readonly times: Float64Array;
  private readonly rates: Float64Array;

  /** `points` sorted by strictly increasing time, at least two. */
  constructor(points: readonly (readonly [number, number])[]) {
    this.times = Float64Array.from(points, (p) => p[0]);
    this.rates = Float64Array.from(points, (p) => p[1]);
    this.from = this.times[0]!;
    this.to = this.times[this.times.length - 1]!;
  }

  /** Index i of the segment [times[i], times[i+1]) holding t (binary search). */
  private segment(t: number): number {
    const times = this.times;
    let lo = 0;
    let hi = times.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (times[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  rate(t: number): number {
    const i = this.segment(t);
    const t0 = this.times[i]!;
    const t1 = this.times[i + 1]!;
    const r0 = this.rates[i]!;
    return r0 + ((this.rates[i + 1]! - r0) * (t - t0)) / (t1 - t0);
  }

  pieceEnd(t: number): number {
    return this.times[this.segment(t) + 1]!;
  }

  pieceBound(t: number): number {
    const i = this.segment(t);
    return Math.max(this.rates[i]!, this.rates[i + 1]!);
  }

  expected(a: number, b: number): number {
    const [lo, hi] = clampSpan(this, a, b);
    if (hi <= lo) return 0;
    let sum = 0;
    for (let t = lo; t < hi;) {
      const end = Math.min(this.pieceEnd(t), hi);
      // Linear on a piece: the mean of its two ends (rate() is continuous at the points).
      sum += ((end - t) * (this.rate(t) + this.rate(end))) / 2;
      t = end;
    }
    return sum / 1000;
  }
}

/** A rate multiplier for a while: a traffic spike (or, below 1, a dip). */
export interface SpikeWindow {
  readonly from: number;
  readonly to: number;
  readonly multiplier: number;
}

/** A shape times the spikes in force (overlapping spikes multiply). */
export class SpikedRate implements RateShape {
  readonly from: number;
  readonly to: number;
  /** Every spike edge, sorted: the multiplier is constant between two of them. */
  private readonly edges: Float64Array;

  constructor(
    private readonly base: RateShape,
    private readonly spikes: readonly SpikeWindow[],
  ) {
    this.from = base.from;
    this.to = base.to;
    this.edges = Float64Array.from(spikes.flatMap((s) => [s.from, s.to])).sort();
  }

  multiplierAt(t: number): number {
    let m = 1;
    for (const s of this.spikes) if (s.from <= t && t < s.to) m *= s.multiplier;
    return m;
  }

  private nextEdge(t: number): number {
    for (const e of this.edges) if (e > t) return e;
    return Infinity;
  }

  rate(t: number): number {
    return this.base.rate(t) * this.multiplierAt(t);
  }

  pieceEnd(t: number): number {
    return Math.min(this.base.pieceEnd(t), this.nextEdge(t));
  }

  pieceBound(t: number): number {
    return this.base.pieceBound(t) * this.multiplierAt(t);
  }

  expected(a: number, b: number): number {
    let sum = 0;
    for (let t = Math.max(a, this.from), hi = Math.min(b, this.to); t < hi;) {
      const end = Math.min(this.nextEdge(t), hi);
      sum += this.base.expected(t, end) * this.multiplierAt(t);
      t = end;
    }
    return sum;
  }
}
