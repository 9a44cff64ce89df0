import type { RateShape, SpikeWindow } from './arrivals/rateShapes.ts';
import { rateShapeOf } from './arrivals/segments.ts';
import { nextArrival } from './arrivals/thinning.ts';
import type { Rng } from './random.ts';
import type { TrafficSpec } from './scenario/types.ts';

/** Traffic whose arrivals do not depend on answers (closed-loop clients are simulation/closedLoopClients.ts). */
export type OpenTrafficSpec = Exclude<TrafficSpec, { readonly kind: 'closed' }>;

/**
 * Arrival processes. A Poisson source draws exponential gaps; a ramp is a non-homogeneous Poisson
 * process drawn by thinning (Lewis & Shedler): candidates at the peak rate, each kept with
 * probability rate(t)/peak. Sources generate one arrival at a time, so an hour of traffic costs
 * memory for one pending event, not for every request.
 */
export class ArrivalSource {
  /** False once the source has produced its last arrival or was replaced. */
  active = true;

  /**
   * Daily patterns, traces, and any rate a spike overlaps draw from a rate shape by piecewise
   * thinning (arrivals/); plain Poisson and ramps without a spike keep their own draws below, so
   * scenarios without the newer segments run exactly as they always did.
   */
  private readonly shape: RateShape | null;

  constructor(
    readonly spec: OpenTrafficSpec,
    private readonly rng: Rng,
    spikes: readonly SpikeWindow[] = [],
  ) {
    const kind = spec.kind;
    const spiked =
      (kind === 'poisson' || kind === 'ramp') &&
      spikes.some((w) => w.from < spec.to && w.to > spec.from);
    this.shape =
      kind === 'diurnal' || kind === 'trace' || spiked ? rateShapeOf(spec, spikes) : null;
  }

  /** Time of the first arrival at or after `start` (Infinity when none). */
  first(start: number): number {
    const spec = this.spec;
    if (spec.kind === 'burst') return Math.max(spec.at, start);
    if (spec.kind === 'spike') return Infinity; // it shapes the others' rates, sends nothing itself
    if (this.shape !== null) return nextArrival(this.shape, this.rng, start);
    if (spec.kind === 'poisson' || spec.kind === 'ramp')
      return this.nextAfter(Math.max(spec.from, start));
    return Infinity;
  }

  /** Time of the arrival after one at `t` (Infinity when the source is over). */
  nextAfter(t: number): number {
    const spec = this.spec;
    if (this.shape !== null) return nextArrival(this.shape, this.rng, t);
    if (spec.kind === 'burst' || spec.kind === 'spike') return Infinity;
    if (spec.kind === 'poisson') {
      const next = t + exponentialGapMs(this.rng, spec.ratePerSec);
      return next < spec.to ? next : Infinity;
    }
    if (spec.kind !== 'ramp') return Infinity; // drawn from `shape` above
    return this.nextOfRamp(spec, t);
  }

  /** A ramp's next arrival: candidates at its peak rate, each kept with rate(t) / peak. */
  private nextOfRamp(spec: Extract<TrafficSpec, { kind: 'ramp' }>, t: number): number {
    const peak = Math.max(spec.startRatePerSec, spec.endRatePerSec);
    if (peak <= 0) return Infinity;
    let candidate = t;
    for (;;) {
      candidate += exponentialGapMs(this.rng, peak);
      if (candidate >= spec.to) return Infinity;
      if (this.rng.next() * peak < rampRate(spec, candidate)) return candidate;
    }
  }
}

/** The instantaneous rate of a ramp at time t, per second. */
export function rampRate(
  spec: { from: number; to: number; startRatePerSec: number; endRatePerSec: number },
  t: number,
): number {
  const f = (t - spec.from) / (spec.to - spec.from);
  return spec.startRatePerSec + (spec.endRatePerSec - spec.startRatePerSec) * f;
}

/** An exponential inter-arrival gap in ms for a rate per second. */
export function exponentialGapMs(rng: Rng, ratePerSec: number): number {
  return (-Math.log(1 - rng.next()) * 1000) / ratePerSec;
}
