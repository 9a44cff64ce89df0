/**
 * Runs a simulation to its end within two caps, so no valid scenario runs for hours or takes the
 * machine's memory: requests held at once (each holds a row of the engine's request table and a
 * place in a queue), and events processed. The run goes one event at a time through the public
 * `step()`, checking both after each, which costs nothing measurable (the loop `runToEnd` runs is
 * the same); the result is the same as `runToEnd`'s, event for event.
 *
 * A burst larger than 256 requests arrives in slices, one event each (BURST_SLICE), so the held
 * count passes its cap by at most one slice before the check sees it.
 */
import type { Simulation } from '../engine/simulation.ts';
import { formatCount, formatSimTime } from '../lib/format.ts';
import { MAX_REQUESTS_HELD, queuedNow, requestsHeld } from '../worker/heldCap.ts';
import { certainRequests, trafficVolume } from './trafficVolume.ts';

/** The caps, each raised by the flag named in its message. */
export interface RunLimits {
  /** Requests in flight at once (in service, queued, hanging or waiting for a retry). */
  readonly maxRequestsHeld: number;
  /** Events processed; every request's arrival counts as one, a burst's included. */
  readonly maxEvents: number;
}

/**
 * Far above every preset (the most a preset holds at once is about 10,000 requests, in
 * retry-storm, and the longest, large-pool, takes 6 million events), and small enough that a run
 * stopped by them needs a few hundred MB and about a minute.
 */
export const DEFAULT_LIMITS: RunLimits = {
  maxRequestsHeld: MAX_REQUESTS_HELD,
  maxEvents: 100_000_000,
};

export const HELD_FLAG = '--max-requests-held';
export const EVENTS_FLAG = '--max-events';

/** How a bounded run ended: finished, or stopped by a cap, with a sentence saying which. */
export type BoundedRun =
  | { readonly ok: true }
  | { readonly ok: false; readonly cap: 'events' | 'held'; readonly message: string };

export { requestsHeld };

function heldMessage(sim: Simulation, held: number, cap: number): string {
  const queued = queuedNow(sim);
  const why =
    queued * 2 > held
      ? ' Most wait in queues, which grow while requests arrive faster than the servers ' +
        "finish them, up to each server's queueLimit (null: without end)."
      : '';
  return (
    `stopped at ${formatSimTime(sim.now)} simulated: ${formatCount(held)} requests held at once ` +
    `(${formatCount(queued)} of them queued), over the cap of ${formatCount(cap)}.${why} ` +
    `Raise the cap with ${HELD_FLAG} N if the memory is there (about 100 bytes a request).`
  );
}

/**
 * Refuses, before any work, a scenario whose traffic alone sends more requests than the event
 * cap allows; null when the run may start.
 */
export function checkTrafficVolume(sim: Simulation, limits: RunLimits): BoundedRun | null {
  const volume = trafficVolume(sim.scenario);
  if (certainRequests(volume) <= limits.maxEvents) return null;
  const total = Math.round(volume.burst + volume.expected);
  const largest = volume.largest!; // traffic that sends more than the cap has an entry that sends
  const from =
    volume.entries === 1
      ? `traffic[${largest.index}]`
      : `${formatCount(volume.entries)} traffic entries, the largest traffic[${largest.index}] ` +
        `with ${formatCount(Math.round(largest.requests))}`;
  return {
    ok: false,
    cap: 'events',
    message:
      `not run: its traffic sends about ${formatCount(total)} requests (${from}), each arrival an ` +
      `event, over the cap of ${formatCount(limits.maxEvents)} events. ` +
      `Raise it with ${EVENTS_FLAG} N if the run is meant to be that long.`,
  };
}

/**
 * Runs `sim` to its end like `runToEnd`, stopping with a message when it would pass a cap.
 * Checks the traffic volume first, so a hopeless run stops before it starts.
 */
export function runWithinLimits(sim: Simulation, limits: RunLimits = DEFAULT_LIMITS): BoundedRun {
  const refused = checkTrafficVolume(sim, limits);
  if (refused !== null) return refused;
  const metrics = sim.metrics;
  const firstEvent = sim.eventsProcessed;
  // A burst is one engine event that brings many requests; each counts as an event here, so the
  // cap means the same whether the engine sends a burst at once or in slices.
  let burstExtra = 0;
  for (;;) {
    const arrivedBefore = metrics.arrived;
    if (!sim.step()) break;
    const arrived = metrics.arrived - arrivedBefore;
    if (arrived > 1) burstExtra += arrived - 1;
    const events = sim.eventsProcessed - firstEvent + burstExtra;
    if (events > limits.maxEvents) {
      return {
        ok: false,
        cap: 'events',
        message:
          `stopped at ${formatSimTime(sim.now)} simulated after ${formatCount(events)} events, ` +
          `over the cap of ${formatCount(limits.maxEvents)}, with the run not finished. ` +
          `Raise it with ${EVENTS_FLAG} N if the run is meant to be that long.`,
      };
    }
    const held = requestsHeld(sim);
    if (held > limits.maxRequestsHeld) {
      return { ok: false, cap: 'held', message: heldMessage(sim, held, limits.maxRequestsHeld) };
    }
  }
  // As runToEnd does: a run with a duration ends at it, even if its last event came earlier.
  if (sim.durationMs !== null) sim.runUntil(sim.durationMs, 0);
  return { ok: true };
}
