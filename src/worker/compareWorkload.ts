import {
  expectedArrivals as segmentArrivals,
  segmentSpan,
  spikeWindows,
} from '../engine/arrivals/segments.ts';
import type { Scenario, TrafficSpec } from '../engine/scenario/types.ts';

/**
 * The shared workload of a comparison: which traffic every strategy gets, where the runs stop and
 * how often they are sampled. Everything here depends only on the setup, never on a strategy, so
 * all columns of a comparison stop at the same simulated time.
 */

/** Longest simulated time a comparison runs: one hour. */
export const MAX_HORIZON_MS = 3_600_000;
/** Requests (expected) a comparison may simulate, shared among its strategies. */
export const REQUEST_BUDGET = 2_000_000;
/** A live steady rate (set by hand, not in the setup's traffic) is compared over this window. */
export const LIVE_WINDOW_MS = 60_000;
/** Series points a comparison aims for over its traffic. */
const TARGET_POINTS = 300;

/** The workload every strategy of a comparison runs. */
export interface WorkloadPlan {
  readonly traffic: readonly TrafficSpec[];
  readonly liveRate: { readonly ratePerSec: number; readonly windowMs: number } | null;
  /**
   * Events up to and including this time run. Without a duration a run ends earlier, when its last
   * request finished; `capped` is set when the plan cuts the setup's workload short.
   */
  readonly stopAt: number;
  readonly capped: { readonly atMs: number; readonly reason: string } | null;
  readonly sampleIntervalMs: number;
  /** Expected requests per strategy the plan allows. */
  readonly perVariant: number;
}

/** Expected number of arrivals of `traffic` in [0, t]. */
export function expectedArrivals(traffic: readonly TrafficSpec[], t: number): number {
  let n = 0;
  const spikes = spikeWindows(traffic);
  for (const s of traffic) {
    if (s.kind === 'burst') {
      if (s.at <= t) n += s.burst;
      continue;
    }
    if (s.kind === 'spike') continue;
    if (s.kind === 'closed') {
      // A closed loop sends at most one request per client per think time (fewer while it waits).
      n += (s.clients * Math.min(Math.max(t - s.from, 0), s.to - s.from)) / s.thinkMs;
      continue;
    }
    if (s.kind === 'diurnal' || s.kind === 'trace' || spikes.length > 0) {
      // A rate that changes by more than a line: its shape's integral (arrivals/rateShapes.ts).
      n += segmentArrivals(s, spikes, t);
      continue;
    }
    const span = s.to - s.from;
    const u = Math.min(Math.max(t - s.from, 0), span);
    if (s.kind === 'poisson') n += (s.ratePerSec * u) / 1000;
    // The integral of a linear rate: start·u + (end − start)·u² / (2·span).
    else
      n +=
        (s.startRatePerSec * u + ((s.endRatePerSec - s.startRatePerSec) * u * u) / (2 * span)) /
        1000;
  }
  return n;
}

/** When the last traffic entry ends (a burst at its instant), or 0 with no traffic. */
export function trafficEnd(traffic: readonly TrafficSpec[]): number {
  let end = 0;
  for (const s of traffic) if (s.kind !== 'spike') end = Math.max(end, segmentSpan(s).to);
  return end;
}

/** 1, 2 or 5 times a power of ten, at least `v`. */
function niceCeil(v: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/**
 * Plans the workload of `scenario` for `variantCount` strategies: its own traffic plus, when
 * `liveRatePerSec` > 0, that rate as Poisson traffic over [0, window). A setup with no traffic of
 * its own and no live rate has nothing to compare on, and gets a message saying so.
 */
export function planWorkload(
  scenario: Scenario,
  liveRatePerSec: number,
  variantCount: number,
  requestBudget = REQUEST_BUDGET,
): WorkloadPlan | { readonly ok: false; readonly message: string } {
  const traffic: TrafficSpec[] = [...scenario.traffic];
  let liveRate: WorkloadPlan['liveRate'] = null;
  if (liveRatePerSec > 0) {
    const windowMs = Math.min(scenario.durationMs ?? LIVE_WINDOW_MS, MAX_HORIZON_MS);
    liveRate = { ratePerSec: liveRatePerSec, windowMs };
    traffic.push({ kind: 'poisson', from: 0, to: windowMs, ratePerSec: liveRatePerSec });
  }
  if (traffic.length === 0) {
    return {
      ok: false,
      message:
        'This setup sends no traffic of its own, so there is no workload to compare on. ' +
        'Set a steady rate in Traffic or load a preset with traffic, then run the comparison.',
    };
  }

  const end = trafficEnd(traffic);
  // Without a duration a run lasts until its last request finished, but never past the horizon.
  let stopAt = Math.min(scenario.durationMs ?? MAX_HORIZON_MS, MAX_HORIZON_MS);
  let capped: WorkloadPlan['capped'] = null;
  if ((scenario.durationMs ?? end) > MAX_HORIZON_MS) {
    capped = { atMs: stopAt, reason: 'a comparison runs at most one simulated hour' };
  }
  const perVariant = Math.floor(requestBudget / Math.max(1, variantCount));
  const lastArrival = Math.min(end, stopAt);
  if (expectedArrivals(traffic, lastArrival) > perVariant) {
    // The first time the expected arrivals pass the budget (a burst there still runs whole).
    let lo = 0;
    let hi = lastArrival;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (expectedArrivals(traffic, mid) > perVariant) hi = mid;
      else lo = mid;
    }
    stopAt = hi;
    const budget = perVariant.toLocaleString('en-US');
    capped = { atMs: stopAt, reason: `each strategy simulates at most about ${budget} requests` };
  }

  // Samples sized so the traffic (or the duration) spans a few hundred series points.
  const span = capped ? stopAt : Math.min(scenario.durationMs ?? end, MAX_HORIZON_MS);
  const sampleIntervalMs = Math.min(
    60_000,
    Math.max(scenario.sampleIntervalMs, niceCeil(Math.max(1, span / TARGET_POINTS))),
  );
  return { traffic, liveRate, stopAt, capped, sampleIntervalMs, perVariant };
}
