import { inRange, LIVE_LIMITS } from '../engine/scenario/limits.ts';
import { parseScenario } from '../engine/scenario/schema.ts';
import type { Scenario } from '../engine/scenario/types.ts';
import type { Simulation } from '../engine/simulation.ts';
import type {
  CommandResult,
  LoadResult,
  Recording,
  RecordingStatus,
  SimCommand,
  Snapshot,
  SnapshotCursor,
  Speed,
} from './protocol.ts';
import { checkCommand } from './commandChecks.ts';
import { isMember, LiveSetup, noServer } from './liveSetup.ts';
import { Recorder, Replayer } from './recording.ts';
import { parseRecording } from './recordingFormat.ts';
import { buildSnapshot } from './snapshot.ts';
import { formatSimTime } from '../lib/format.ts';
import { sandboxErrorOf, type SandboxErrorInfo } from '../sandbox/sandboxError.ts';
import type { CustomStrategyMaker } from './compareRun.ts';
import { EVENT_CHUNK, heldCapProblem } from './heldCap.ts';

/**
 * One live run as the page drives it: the simulation, the setup it was built from plus every edit
 * since, and the play/pause/speed state. It holds no worker globals (the clock is passed in), so
 * it runs in Node tests exactly as in the worker.
 */
export class SimSession {
  playing = false;
  speed: Speed = 1;
  lagging = false;
  /**
   * The run paused itself because its traffic was over and every request had ended; new traffic
   * (a burst, a steady rate) plays it on. Cleared by play, load and reset.
   */
  pausedAtEnd = false;
  steadyRate = 0;
  /** The closed-loop population set live (like the steady rate, not part of the setup). */
  population: { clients: number; thinkMs: number } | null = null;
  /** What went wrong when the simulation threw mid-run; cleared by load and reset. */
  fault: string | null = null;
  /** The details when the user's strategy failed (the editor marks its line). */
  strategyFault: SandboxErrorInfo | null = null;
  /** Loads user code as a strategy in the sandbox (QuickJS, set by the worker on demand). */
  makeCustom: CustomStrategyMaker | undefined = undefined;
  private sim: Simulation;
  /** The person's setup (the loaded scenario plus their edits) and its servers' slots. */
  private readonly live: LiveSetup;
  private version = 1;
  /** Grows with every change to the setup (not with the run's progress). */
  setupVersion = 1;
  /** The run's start and every live command since, to export and replay (see recording.ts). */
  private readonly recorder = new Recorder();
  /** The recording being replayed into this run, if any (kept after it ends, for its status). */
  private replayer: Replayer | null = null;

  constructor(scenario: Scenario) {
    this.live = new LiveSetup(scenario, () => this.makeCustom);
    this.sim = this.live.build();
    this.recorder.start(scenario);
  }

  get simulation(): Simulation {
    return this.sim;
  }

  /** Replaces the run with a scenario from raw JSON; a refused one leaves the run as it was. */
  load(raw: unknown): LoadResult {
    const parsed = parseScenario(raw);
    if (!parsed.ok) return parsed;
    const started = this.live.start(parsed.scenario);
    if (!started.ok)
      return { ok: false, problems: [{ path: 'customStrategy.code', message: started.message }] };
    this.sim = started.sim;
    this.steadyRate = 0;
    this.population = null;
    this.fault = null;
    this.strategyFault = null;
    this.pausedAtEnd = false;
    this.newRecording();
    this.changed(true);
    return parsed;
  }

  /** Back to time 0 with the current setup (edits kept), paused. */
  reset(): void {
    this.sim = this.live.build();
    if (this.steadyRate > 0) this.sim.setSteadyRate(this.steadyRate);
    this.newRecording();
    // The steady rate is live traffic, not setup: the new run starts with it as its first action.
    if (this.steadyRate > 0)
      this.recorder.record(0, 0, { type: 'setRate', ratePerSec: this.steadyRate });
    const population = this.population;
    if (population !== null && population.clients > 0) {
      this.sim.setPopulation(population.clients, population.thinkMs);
      this.recorder.record(0, 0, { type: 'setPopulation', ...population });
    }
    this.playing = false;
    this.lagging = false;
    this.pausedAtEnd = false;
    this.fault = null;
    this.strategyFault = null;
    this.changed(true);
  }

  /** Stops the run after the simulation threw, keeping the setup so it can be reset. */
  halt(error: unknown): void {
    this.playing = false;
    this.fault = error instanceof Error ? error.message : String(error);
    this.strategyFault = sandboxErrorOf(error);
    this.changed(false);
  }

  play(): void {
    this.playing = true;
    this.pausedAtEnd = false;
    this.changed(false);
  }

  pause(): void {
    this.playing = false;
    this.lagging = false;
    this.changed(false);
  }

  setSpeed(speed: Speed): CommandResult {
    if (speed !== 'max' && !inRange(speed, LIVE_LIMITS.speed)) {
      return {
        ok: false,
        message: `speed: must be from 0.1 to 1000 or "max", got ${String(speed)}`,
      };
    }
    this.speed = speed;
    this.changed(false);
    return { ok: true };
  }

  /** Runs the single next event. */
  step(): void {
    try {
      this.runEvents(1);
    } catch (error) {
      this.halt(error); // past the held cap
    }
    this.changed(false);
  }

  /** Runs `ms` of simulated time. */
  stepBy(ms: number): CommandResult {
    if (!inRange(ms, LIVE_LIMITS.stepMs)) {
      return {
        ok: false,
        message: `step: must be a number of ms from 0 to 3,600,000, got ${String(ms)}`,
      };
    }
    const target = this.sim.now + ms;
    try {
      while (!this.runUntil(target, EVENT_CHUNK));
    } catch (error) {
      this.halt(error); // past the held cap (see runUntil)
    }
    this.changed(false);
    return { ok: true };
  }

  /**
   * Advances a playing run by `realMs` of wall time at the chosen speed, spending at most
   * `budgetMs` of wall time (read from `clock`). At "max" it runs until the budget is used.
   */
  advance(realMs: number, budgetMs: number, clock: () => number): void {
    if (!this.playing) return;
    const sim = this.sim;
    const deadline = clock() + budgetMs;
    // Over already when this tick began (Play pressed on a finished run): the clock runs on. A
    // replay is not over while recorded actions remain: it pauses where the recording ends.
    const wasOver = sim.finished || this.replayer?.active === true;
    if (this.speed === 'max') {
      if (sim.durationMs !== null && sim.finished) {
        // A replay still applies what was recorded at the very end (the run then stops below).
        if (this.replayer?.active) this.runUntil(sim.now);
      }
      // With nothing scheduled, time flows at real speed until the person sends traffic.
      else if (sim.nextEventTime === Infinity) this.runUntil(sim.now + realMs);
      else {
        let done = EVENT_CHUNK;
        while (clock() < deadline && (done = this.runEvents(EVENT_CHUNK)) === EVENT_CHUNK);
        if (done < EVENT_CHUNK) {
          // Nothing left to do before the end, or only recurring health checks and load
          // updates once every request has ended: the clock moves on without them.
          if (sim.durationMs !== null && sim.nextEventTime > sim.durationMs)
            this.runUntil(sim.durationMs);
          else if (done === 0 && wasOver) this.runUntil(sim.now + realMs);
        }
      }
      this.lagging = false;
    } else {
      const target = sim.now + realMs * this.speed;
      const toward = (t: number) => (wasOver ? this.runUntil(t, EVENT_CHUNK) : this.runToEnd(t));
      let reached = toward(target);
      while (!reached && clock() < deadline) reached = toward(target);
      this.lagging = !reached;
    }
    if (sim.finished && (sim.durationMs !== null || !wasOver)) this.stopAtEnd();
    this.changed(false);
  }

  /**
   * Runs toward `time` like runUntil, but stops at the instant the run settles (its traffic over,
   * every request ended), leaving the clock there rather than at `time`. Event by event, as
   * "max" speed always runs, so it can see that instant; at most EVENT_CHUNK events.
   */
  private runToEnd(time: number): boolean {
    const sim = this.sim;
    const end = Math.min(time, sim.durationMs ?? Infinity);
    for (let budget = EVENT_CHUNK; sim.nextEventTime <= end; budget--) {
      if (budget <= 0) return false;
      if (this.runEvents(1) === 0) return true;
    }
    // Nothing left on the agenda at all: the last event was the end.
    if (sim.durationMs === null && sim.finished) return true;
    return this.runUntil(time);
  }

  /** The run's traffic is over and every request ended: it pauses itself, and says so. */
  private stopAtEnd(): void {
    this.playing = false;
    this.lagging = false;
    this.pausedAtEnd = true;
  }

  /** A live command from the person: applied now and recorded; it ends a replay in progress. */
  command(cmd: SimCommand): CommandResult {
    // The fields first, with the check recorded commands get too (commandChecks.ts).
    const problems = checkCommand(cmd, cmd.type);
    if (problems.length > 0)
      return { ok: false, message: problems.map((p) => `${p.path}: ${p.message}`).join('; ') };
    const replaying = this.replayer?.active === true;
    const result = this.applyRecorded(cmd);
    if (result.ok && replaying)
      this.replayer?.stop(
        `you changed the run at ${formatSimTime(this.sim.now)}, so the rest of the recording was ` +
          'not applied; recording continues from your change',
      );
    return result;
  }

  /** The run's recording so far, ending where the run stands now. */
  recording(): Recording {
    return this.recorder.recording({ at: this.sim.now, afterEvents: this.sim.eventsProcessed });
  }

  /**
   * Starts the run over from a recording's setup and seed and plays it at the chosen speed,
   * applying each recorded action at its point. A refused recording leaves the run as it was.
   */
  replay(raw: unknown): CommandResult {
    const parsed = parseRecording(raw);
    if (!parsed.ok) return parsed;
    if (!this.load(parsed.recording.scenario).ok)
      return { ok: false, message: 'scenario: could not be loaded' };
    this.replayer = new Replayer(parsed.recording, {
      apply: (cmd) => this.applyRecorded(cmd),
      reachedEnd: () => {
        this.playing = false;
        this.lagging = false;
      },
    });
    this.replayer.runEvents(this.sim, 0); // what was recorded before the first event
    this.playing = true;
    this.changed(false);
    return { ok: true };
  }

  /** The recording's state, for the snapshot. */
  recordingStatus(): RecordingStatus {
    return {
      run: this.recorder.run,
      actions: this.recorder.length,
      truncatedAt: this.recorder.truncatedAt,
      replay: this.replayer?.status() ?? null,
    };
  }

  /** Applies a command and records it at the point of the run where it took effect. */
  private applyRecorded(cmd: SimCommand): CommandResult {
    const run = this.recorder.run;
    const at = this.sim.now;
    const afterEvents = this.sim.eventsProcessed;
    const result = this.execute(cmd);
    // A command that started a new run (a new seed) is part of that run's setup, not an action.
    if (result.ok && this.recorder.run === run) this.recorder.record(at, afterEvents, cmd);
    return result;
  }

  private execute(cmd: SimCommand): CommandResult {
    const sim = this.sim;
    switch (cmd.type) {
      case 'spikeServer':
        if (!isMember(sim, cmd.slot)) return noServer(cmd.slot);
        sim.spikeServer(cmd.slot, cmd.factor, cmd.durationMs);
        break;
      case 'fireBurst':
        sim.fireBurst(cmd.count);
        this.resumeAfterEnd();
        break;
      case 'setRate':
        this.steadyRate = cmd.ratePerSec;
        sim.setSteadyRate(cmd.ratePerSec);
        if (cmd.ratePerSec > 0) this.resumeAfterEnd();
        break;
      case 'setPopulation':
        this.population = { clients: cmd.clients, thinkMs: cmd.thinkMs };
        sim.setPopulation(cmd.clients, cmd.thinkMs);
        if (cmd.clients > 0) this.resumeAfterEnd();
        break;
      case 'setSeed': {
        const result = this.live.setSeed(cmd.seed);
        if (result.ok) this.reset();
        return result;
      }
      case 'setAutoscaling':
      case 'setCost':
      case 'setSlo':
      case 'setTraffic': {
        const result = this.live.applyScaling(sim, cmd);
        if (!result.ok) return result;
        // New traffic is the run's schedule: the run starts over (reset counts the setup change).
        if (result.restart) this.reset();
        else this.changed(true);
        return { ok: true };
      }
      default: {
        const result = this.live.apply(sim, cmd);
        // A strategy that loaded replaces the one that failed, and its fault with it.
        if (result.ok && cmd.type === 'setStrategy') this.strategyFault = null;
        if (result.ok) this.changed(true);
        return result;
      }
    }
    // Traffic and spikes act on the run, not on the setup.
    this.changed(false);
    return { ok: true };
  }

  /** The current setup: the loaded scenario with every edit applied. */
  setup(): Scenario {
    return this.live.scenario;
  }

  snapshot(cursor: SnapshotCursor): Snapshot | null {
    if (cursor.sinceVersion === this.version) return null;
    return { ...buildSnapshot(this, this.version, cursor), recording: this.recordingStatus() };
  }

  /**
   * `sim.runUntil`, stopping at each point of a replay to apply what was recorded there. Throws
   * (the run loop halts the run with the message) once the run holds more than its cap.
   */
  private runUntil(time: number, maxEvents = Infinity): boolean {
    const reached = this.replayer?.active
      ? this.replayer.runUntil(this.sim, time, maxEvents)
      : this.sim.runUntil(time, maxEvents);
    return this.withinCap(reached);
  }

  /** `sim.runEvents`, likewise. */
  private runEvents(count: number): number {
    return this.withinCap(
      this.replayer?.active ? this.replayer.runEvents(this.sim, count) : this.sim.runEvents(count),
    );
  }

  private withinCap<T>(result: T): T {
    const problem = heldCapProblem(this.sim);
    if (problem !== null) throw new Error(problem);
    return result;
  }

  /** New traffic after the run paused itself at its end plays it on (the pause said it would). */
  private resumeAfterEnd(): void {
    if (!this.pausedAtEnd) return;
    this.pausedAtEnd = false;
    this.playing = true;
  }

  /** A new run: a new recording, and any replay is over. */
  private newRecording(): void {
    this.replayer = null;
    this.recorder.start(this.live.scenario);
  }

  private changed(setup: boolean): void {
    this.version++;
    if (setup) this.setupVersion++;
  }
}
