/**
 * How many requests a scenario's traffic sends before the run starts: bursts exactly, steady and
 * ramped Poisson traffic as the expected count (rate integrated over the part of [from, to) that
 * falls within the run). Lets the runner refuse a run of 10^13 requests at once instead of after a
 * minute of work.
 */
import type { SpikeWindow } from '../engine/arrivals/rateShapes.ts';
import { expectedArrivals, spikeWindows } from '../engine/arrivals/segments.ts';
import type { Scenario, TrafficSpec } from '../engine/scenario/types.ts';

/** Requests a scenario's traffic sends, split by how sure the count is. */
export interface TrafficVolume {
  /** Requests in bursts that fall within the run: exact. */
  readonly burst: number;
  /** Expected Poisson arrivals within the run (the actual count varies around it). */
  readonly expected: number;
  /** Traffic entries that send anything within the run. */
  readonly entries: number;
  /** The entry that sends the most, and how many it sends, for a message. */
  readonly largest: { readonly index: number; readonly requests: number } | null;
}

/** Requests one traffic entry sends before `end` (a burst exactly; Poisson traffic on average). */
export function requestsOf(
  spec: TrafficSpec,
  end: number,
  spikes: readonly SpikeWindow[] = [],
): number {
  if (spec.kind === 'burst') return spec.at <= end ? spec.burst : 0;
  if (spec.kind === 'spike') return 0;
  if (spec.kind === 'closed') {
    // A closed loop sends at most one request per client per think time: an upper bound.
    const span = Math.min(spec.to, end) - spec.from;
    return span > 0 ? (spec.clients * span) / spec.thinkMs : 0;
  }
  // Daily patterns, traces and spiked rates: the integral of their rate shape.
  if (spec.kind === 'diurnal' || spec.kind === 'trace' || spikes.length > 0)
    return expectedArrivals(spec, spikes, end);
  const stop = Math.min(spec.to, end);
  if (stop <= spec.from) return 0;
  const seconds = (stop - spec.from) / 1000;
  if (spec.kind === 'poisson') return spec.ratePerSec * seconds;
  // A linear ramp: the mean of its rates at the two ends of the part that runs.
  const f = (stop - spec.from) / (spec.to - spec.from);
  const rateAtStop = spec.startRatePerSec + (spec.endRatePerSec - spec.startRatePerSec) * f;
  return ((spec.startRatePerSec + rateAtStop) / 2) * seconds;
}

/** The requests a scenario's traffic sends within its run (up to `durationMs`, if set). */
export function trafficVolume(scenario: Scenario): TrafficVolume {
  const end = scenario.durationMs ?? Infinity;
  let burst = 0;
  let expected = 0;
  let entries = 0;
  let largest: TrafficVolume['largest'] = null;
  const spikes = spikeWindows(scenario.traffic);
  scenario.traffic.forEach((spec, index) => {
    const requests = requestsOf(spec, end, spikes);
    if (requests > 0) entries++;
    if (spec.kind === 'burst') burst += requests;
    else expected += requests;
    if (requests > 0 && (largest === null || requests > largest.requests))
      largest = { index, requests };
  });
  return { burst, expected, entries, largest };
}

/**
 * Requests the traffic sends for certain, or as good as: bursts, plus Poisson arrivals six standard
 * deviations below their mean (a Poisson count of mean m has deviation sqrt(m)); a run falls
 * short of that about once in a billion.
 */
export function certainRequests(volume: TrafficVolume): number {
  const m = volume.expected;
  return volume.burst + Math.max(0, m - 6 * Math.sqrt(m));
}
