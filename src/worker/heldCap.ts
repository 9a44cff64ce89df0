import type { Simulation } from '../engine/simulation.ts';
import { formatCount, formatSimTime } from '../lib/format.ts';

/**
 * Requests a run may hold at once (in service, queued, hanging or waiting for a retry) before it
 * is stopped. Each holds a row of the engine's request table and a place in a queue, about 100
 * bytes, so the cap keeps a run near 100 MB, where an unbounded queue under a storm of bursts once
 * grew a tab to 8 GB. Far above every preset (the most any holds is about 10,000, in
 * retry-storm). The page stops there; so does the CLI, unless `--max-requests-held` raises it.
 */
export const MAX_REQUESTS_HELD = 1_000_000;

/**
 * Events handled between two looks at the wall clock and the held cap. A slice of a burst is one
 * event of up to 256 requests (BURST_SLICE), so a chunk of those is some 8,000 requests, about
 * 10 ms of work (a storm of bursts measured 3.5 ms a chunk on average, 60 ms at worst, on a shared
 * machine); an ordinary event takes a fraction of a microsecond, so looking costs nothing.
 */
export const EVENT_CHUNK = 32;

/** Requests the simulation holds now: the client still waits, or a server still works on it. */
export function requestsHeld(sim: Simulation): number {
  return Math.max(sim.inFlight, sim.attemptsHeld);
}

/** Requests waiting in the servers' queues now. */
export function queuedNow(sim: Simulation): number {
  let queued = 0;
  for (const slot of sim.pool.members) queued += sim.pool.queued[slot]!;
  return queued;
}

/**
 * The page's sentence for a run past the cap, naming it and what to change; null below the cap.
 * Checked between the run loop's slices of work, so a run stops within one slice of the cap.
 */
export function heldCapProblem(sim: Simulation, cap = MAX_REQUESTS_HELD): string | null {
  const held = requestsHeld(sim);
  if (held <= cap) return null;
  const queued = queuedNow(sim);
  const why =
    queued * 2 > held
      ? ' Most wait in queues, which grow while requests arrive faster than the servers ' +
        'finish them, without end on a server with no queue limit: give the servers a queue ' +
        'limit or send less traffic, then restart.'
      : ' Send less traffic or shorten the timeouts, then restart.';
  return (
    `The run was stopped at ${formatSimTime(sim.now)} simulated: ${formatCount(held)} requests ` +
    `were held at once (${formatCount(queued)} of them queued), over the cap of ` +
    `${formatCount(cap)} a run may hold (about 100 bytes each).${why}`
  );
}
