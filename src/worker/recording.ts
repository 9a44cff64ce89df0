/**
 * Recording a run and replaying it exactly. A run is fixed by its setup and seed (every random
 * draw comes from seeded streams) plus the live commands the person sent; each command is pinned
 * to its point in the event sequence, so applying the same commands at the same points replays the
 * run event for event, whatever the speed or the frame budget of the replay.
 */
import { serializeScenario } from '../engine/scenario/serialize.ts';
import type { Scenario } from '../engine/scenario/types.ts';
import type { Simulation } from '../engine/simulation.ts';
import { formatSimTime } from '../lib/format.ts';
import type {
  CommandResult,
  RecordedAction,
  Recording,
  ReplayStatus,
  RunPoint,
  SimCommand,
} from './protocol.ts';
import { MAX_ACTIONS } from './recordingFormat.ts';

/** The live commands of one run, up to {@link MAX_ACTIONS}. */
export class Recorder {
  /** Grows with every run recorded. */
  run = 0;
  /** When the cap was reached: later commands were applied but not recorded. */
  truncatedAt: number | null = null;
  private scenario: unknown = null;
  private seed = 0;
  private actions: RecordedAction[] = [];

  /** A new run starts from `setup` (as it is now: the person's edits are part of the start). */
  start(setup: Scenario): void {
    this.run++;
    this.scenario = serializeScenario(setup);
    this.seed = setup.seed;
    this.actions = [];
    this.truncatedAt = null;
  }

  record(at: number, afterEvents: number, command: SimCommand): void {
    if (this.actions.length >= MAX_ACTIONS) {
      this.truncatedAt ??= at;
      return;
    }
    // A copy: the caller's object may change after it was applied.
    this.actions.push({ at, afterEvents, command: structuredClone(command) });
  }

  get length(): number {
    return this.actions.length;
  }

  /** The recording so far, ending at `end` (where the run stands now). */
  recording(end: RunPoint): Recording {
    return {
      version: 1,
      scenario: this.scenario,
      seed: this.seed,
      actions: this.actions.slice(),
      end,
      truncated: this.truncatedAt !== null,
    };
  }
}

/** What a replay needs from the session around it. */
export interface ReplayHost {
  /** Applies a recorded command as the person's command was applied (and records it again). */
  apply(command: SimCommand): CommandResult;
  /** The recording's end was reached: pause there. */
  reachedEnd(): void;
}

/** A point still to reach: a recorded action, or (last) where the recording ends. */
type Pending = RunPoint & { readonly index: number | 'end' };

/**
 * Plays a recording's actions into a simulation: its runUntil and runEvents stand in for the
 * simulation's own, stopping at each recorded point to apply what happened there.
 */
export class Replayer {
  private state: ReplayStatus['state'] = 'playing';
  private reason: string | null = null;
  private next = 0;

  constructor(
    private readonly rec: Recording,
    private readonly host: ReplayHost,
  ) {}

  get active(): boolean {
    return this.state === 'playing';
  }

  status(): ReplayStatus {
    return {
      state: this.state,
      applied: this.next,
      total: this.rec.actions.length,
      endAt: this.rec.end?.at ?? null,
      truncated: this.rec.truncated,
      reason: this.reason,
    };
  }

  /** Ends the replay early; the run goes on from here as a live run. */
  stop(reason: string): void {
    if (!this.active) return;
    this.state = 'stopped';
    this.reason = reason;
  }

  /** As `sim.runUntil(time, maxEvents)`, applying each recorded point passed on the way. */
  runUntil(sim: Simulation, time: number, maxEvents = Infinity): boolean {
    let budget = maxEvents;
    for (;;) {
      const p = this.pending();
      if (!p || p.at > time) return sim.runUntil(time, budget);
      const need = p.afterEvents - sim.eventsProcessed;
      if (need > budget) {
        sim.runUntil(p.at, budget);
        return false;
      }
      const before = sim.eventsProcessed;
      // Runs the events before the point, then moves the clock to it if no event is due first.
      if (need >= 0) sim.runUntil(p.at, need);
      budget -= sim.eventsProcessed - before;
      if (this.take(sim, p) === 'end') return true;
    }
  }

  /** As `sim.runEvents(count)` (as fast as possible), applying each recorded point on the way. */
  runEvents(sim: Simulation, count: number): number {
    let done = 0;
    for (;;) {
      const p = this.pending();
      if (p && p.afterEvents <= sim.eventsProcessed) {
        // Nothing scheduled: time flows at the chosen pace until the point (see SimSession.advance).
        if (p.at > sim.now && sim.nextEventTime === Infinity) return done;
        sim.runUntil(p.at, 0);
        if (this.take(sim, p) === 'end') return done;
        continue;
      }
      if (done >= count) return done;
      const limit = p ? Math.min(count - done, p.afterEvents - sim.eventsProcessed) : count - done;
      const ran = sim.runEvents(limit);
      done += ran;
      if (ran < limit) return done;
    }
  }

  private pending(): Pending | null {
    if (!this.active) return null;
    const action = this.rec.actions[this.next];
    if (action) return { at: action.at, afterEvents: action.afterEvents, index: this.next };
    const end = this.rec.end;
    return end ? { ...end, index: 'end' } : null;
  }

  /** Applies what happened at `p`, once the simulation stands exactly there. */
  private take(sim: Simulation, p: Pending): 'end' | 'applied' {
    const what = p.index === 'end' ? 'the recording’s end' : `actions[${p.index}]`;
    if (sim.now !== p.at || sim.eventsProcessed !== p.afterEvents) {
      this.stop(
        `${what} is at ${formatSimTime(p.at)} after ${p.afterEvents} events, but the run reached ` +
          `${formatSimTime(sim.now)} after ${sim.eventsProcessed}: the recording does not fit its ` +
          'own setup (was it edited by hand?)',
      );
      return 'applied';
    }
    if (p.index === 'end') {
      this.state = 'finished';
      this.host.reachedEnd();
      return 'end';
    }
    const action = this.rec.actions[p.index]!;
    const result = this.host.apply(action.command);
    if (!result.ok) {
      this.stop(`${what} (${action.command.type}) was refused: ${result.message}`);
      return 'applied';
    }
    this.next++;
    if (this.next === this.rec.actions.length && !this.rec.end) this.state = 'finished';
    return 'applied';
  }
}
