import {
  ConstantRate,
  DiurnalRate,
  RampRate,
  SpikedRate,
  TraceRate,
  type RateShape,
  type SpikeWindow,
} from './rateShapes.ts';

/**
 * The traffic segments whose rate changes over the day, as a scenario lists them (after
 * validation), and the rate shape each one draws its arrivals from.
 */

/** A daily rhythm between a trough and a peak rate; the peak at `phaseMs` (mod `periodMs`). */
export interface DiurnalSegment {
  readonly kind: 'diurnal';
  readonly from: number;
  readonly to: number;
  readonly troughRatePerSec: number;
  readonly peakRatePerSec: number;
  readonly periodMs: number;
  readonly phaseMs: number;
}

/** Every rate-based segment's rate times `multiplier` over [from, to). */
export interface SpikeSegment {
  readonly kind: 'spike';
  readonly from: number;
  readonly to: number;
  readonly multiplier: number;
}

/** A recorded rate: [timeMs, ratePerSec] points, linear in between. */
export interface TraceSegment {
  readonly kind: 'trace';
  readonly trace: readonly (readonly [number, number])[];
}

/** Segments with a rate (everything but bursts and spikes). */
export type RateSegment =
  | {
      readonly kind: 'poisson';
      readonly from: number;
      readonly to: number;
      readonly ratePerSec: number;
    }
  | {
      readonly kind: 'ramp';
      readonly from: number;
      readonly to: number;
      readonly startRatePerSec: number;
      readonly endRatePerSec: number;
    }
  | DiurnalSegment
  | TraceSegment;

/** The rate shape of a segment, times the spikes if any overlap it. */
export function rateShapeOf(segment: RateSegment, spikes: readonly SpikeWindow[] = []): RateShape {
  let shape: RateShape;
  switch (segment.kind) {
    case 'poisson':
      shape = new ConstantRate(segment.from, segment.to, segment.ratePerSec);
      break;
    case 'ramp':
      shape = new RampRate(
        segment.from,
        segment.to,
        segment.startRatePerSec,
        segment.endRatePerSec,
      );
      break;
    case 'diurnal':
      shape = new DiurnalRate(
        segment.from,
        segment.to,
        segment.troughRatePerSec,
        segment.peakRatePerSec,
        segment.periodMs,
        segment.phaseMs,
      );
      break;
    case 'trace':
      shape = new TraceRate(segment.trace);
      break;
  }
  const overlapping = spikes.filter((s) => s.from < shape.to && s.to > shape.from);
  return overlapping.length > 0 ? new SpikedRate(shape, overlapping) : shape;
}

/** The spike windows among a scenario's traffic entries. */
export function spikeWindows(traffic: readonly { readonly kind: string }[]): SpikeWindow[] {
  return traffic.filter((t): t is SpikeSegment => t.kind === 'spike');
}

/** Expected arrivals of a rate segment before `end` (spikes included). */
export function expectedArrivals(
  segment: RateSegment,
  spikes: readonly SpikeWindow[],
  end: number,
): number {
  const shape = rateShapeOf(segment, spikes);
  return shape.expected(shape.from, Math.min(shape.to, end));
}

/** Where a traffic entry's arrivals fall: [from, to) (a burst at its instant). */
export function segmentSpan(
  spec:
    | { readonly kind: 'burst'; readonly at: number }
    | RateSegment
    | SpikeSegment
    // A closed-loop population (overload control) runs over a span too.
    | { readonly kind: 'closed'; readonly from: number; readonly to: number },
): { readonly from: number; readonly to: number } {
  if (spec.kind === 'burst') return { from: spec.at, to: spec.at };
  if (spec.kind === 'trace')
    return { from: spec.trace[0]![0], to: spec.trace[spec.trace.length - 1]![0] };
  return { from: spec.from, to: spec.to };
}
