/**
 * One scenario run headless from its start to its end, a slice of events at a time, apart from the
 * live run: how a lesson gets the numbers it explains and a challenge check the run it judges.
 * Like a comparison it runs in the worker whether or not the page is drawing frames, so a check in
 * a background tab still finishes. Pure TypeScript: the job runner drives it, tests directly.
 */
import { segmentSpan } from '../engine/arrivals/segments.ts';
import type { Scenario } from '../engine/scenario/types.ts';
import { Simulation } from '../engine/simulation.ts';
import { summarize } from '../engine/summary.ts';
import type { SlicedJob, SliceProgress } from './jobs.ts';
import type { RunToEndOutcome } from './protocol.ts';

/** A stop for runaway runs (retry storms with no end), far above what any lesson needs. */
export const MAX_EVENTS = 50_000_000;

/**
 * Where a scenario's own traffic and scheduled events end: its duration when it has one, else
 * the last burst, the end of the last rate segment (steady, ramp, daily, trace), or the last event. Requests still
 * in flight then finish after it.
 */
export function scenarioEnd(setup: Scenario): number {
  if (setup.durationMs !== null) return setup.durationMs;
  let end = 0;
  for (const t of setup.traffic) if (t.kind !== 'spike') end = Math.max(end, segmentSpan(t).to);
  for (const e of setup.events) end = Math.max(end, e.at);
  return end;
}

export class HeadlessRun implements SlicedJob<RunToEndOutcome> {
  private readonly sim: Simulation;
  private readonly endMs: number;
  private events = 0;
  private done = false;
  private cut: string | null = null;

  constructor(
    private readonly scenario: Scenario,
    private readonly maxEvents = MAX_EVENTS,
  ) {
    // Headless runs keep no request log: nobody reads it, and it costs a third of the run's time.
    this.sim = new Simulation(scenario, { logRequests: false });
    this.endMs = scenarioEnd(scenario);
  }

  /** Runs up to `budget` events; true once the run is over. */
  advance(budget: number): boolean {
    if (this.done) return true;
    const allowed = Math.min(budget, this.maxEvents - this.events);
    const ran = this.sim.runEvents(allowed);
    this.events += ran;
    if (ran < allowed) {
      // Nothing left before the end; a run with a duration still runs its clock up to it.
      if (this.sim.durationMs !== null) this.sim.runUntil(this.sim.durationMs);
      this.done = true;
    } else if (this.events >= this.maxEvents) {
      this.cut =
        `the run was stopped after ${this.maxEvents.toLocaleString('en')} events, ` +
        `at ${(this.sim.now / 1000).toFixed(1)} s of simulated time`;
      this.done = true;
    }
    return this.done;
  }

  progress(): SliceProgress {
    const now = this.sim.now;
    const fraction = this.done ? 1 : this.endMs > 0 ? Math.min(1, now / this.endMs) : 0;
    return { fraction, simulatedMs: now, endMs: this.endMs };
  }

  result(): RunToEndOutcome {
    if (this.cut !== null) return { ok: false, message: this.cut };
    return {
      ok: true,
      summary: summarize(this.sim),
      setup: this.scenario,
      endMs: this.sim.now,
    };
  }
}
