import { inRange, LIVE_LIMITS } from '../engine/scenario/limits.ts';
import { parseScenario, serializeScenario } from '../engine/scenario/schema.ts';
import type { Scenario, ServerSpec } from '../engine/scenario/types.ts';
import { Simulation } from '../engine/simulation.ts';
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
import { Recorder, Replayer } from './recording.ts';
import { parseRecording } from './recordingFormat.ts';
import { buildSnapshot } from './snapshot.ts';
import { formatSimTime } from '../lib/format.ts';
import { heldCapProblem } from './heldCap.ts';
import { scalingEdit } from './scalingCommands.ts';

/**
 * Events handled between two looks at the wall clock and the held cap. A slice of a burst is one
 * event of up to 256 requests (BURST_SLICE), so a chunk of those is some 8,000 requests, about
 * 10 ms of work (a storm of bursts measured 3.5 ms a chunk on average, 60 ms at worst, on a shared
 * machine); an ordinary event takes a fraction of a microsecond, so looking costs nothing.
 */
export const EVENT_CHUNK = 32;

/**
 * One live run as the page drives it: the simulation, the setup it was built from plus every edit
 * since, and the play/pause/speed state. It holds no worker globals (the clock is passed in), so
 * it runs in Node tests exactly as in the worker.
 */
export class SimSession {
  playing = false;
  speed: Speed = 1;
  lagging = false;
  steadyRate = 0;
  /** What went wrong when the simulation threw mid-run; cleared by load and reset. */
  fault: string | null = null;
  private sim: Simulation;
  /**
   * The person's setup: the loaded scenario plus their edits, and nothing that scheduled events
   * did to the run (a server the scenario kills at 20 s is still up in the setup, so an export or
   * a reset replays the scenario as written).
   */
  private current: Scenario;
  /** The simulation slot of each server in `current.servers`. */
  private slots: number[] = [];
  private version = 1;
  /** Grows with every change to the setup (not with the run's progress). */
  setupVersion = 1;
  /** The run's start and every live command since, to export and replay (see recording.ts). */
  private readonly recorder = new Recorder();
  /** The recording being replayed into this run, if any (kept after it ends, for its status). */
  private replayer: Replayer | null = null;

  constructor(scenario: Scenario) {
    this.current = scenario;
    this.sim = this.build(scenario);
    this.recorder.start(scenario);
  }

  get simulation(): Simulation {
    return this.sim;
  }

  /** Replaces the run with a scenario from raw JSON; a refused one leaves the run as it was. */
  load(raw: unknown): LoadResult {
    const parsed = parseScenario(raw);
    if (!parsed.ok) return parsed;
    this.current = parsed.scenario;
    this.steadyRate = 0;
    this.fault = null;
    this.sim = this.build(parsed.scenario);
    this.newRecording();
    this.changed(true);
    return parsed;
  }

  /** Back to time 0 with the current setup (edits kept), paused. */
  reset(): void {
    this.sim = this.build(this.current);
    if (this.steadyRate > 0) this.sim.setSteadyRate(this.steadyRate);
    this.newRecording();
    // The steady rate is live traffic, not setup: the new run starts with it as its first action.
    if (this.steadyRate > 0)
      this.recorder.record(0, 0, { type: 'setRate', ratePerSec: this.steadyRate });
    this.playing = false;
    this.lagging = false;
    this.fault = null;
    this.changed(true);
  }

  /** Stops the run after the simulation threw, keeping the setup so it can be reset. */
  halt(error: unknown): void {
    this.playing = false;
    this.fault = error instanceof Error ? error.message : String(error);
    this.changed(false);
  }

  play(): void {
    this.playing = true;
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
    if (this.speed === 'max') {
      if (sim.durationMs !== null && sim.finished) {
        // A replay still applies what was recorded at the very end.
        if (this.replayer?.active) this.runUntil(sim.now);
        this.playing = false;
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
          else if (done === 0) this.runUntil(sim.now + realMs);
        }
      }
      this.lagging = false;
      this.changed(false);
      return;
    }
    const target = sim.now + realMs * this.speed;
    let reached = this.runUntil(target, EVENT_CHUNK);
    while (!reached && clock() < deadline) reached = this.runUntil(target, EVENT_CHUNK);
    this.lagging = !reached;
    if (sim.finished && sim.durationMs !== null) this.playing = false;
    this.changed(false);
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
    const setup = this.current;
    switch (cmd.type) {
      case 'addServer': {
        const servers = [...setup.servers, cmd.spec];
        const problem = this.validate({ servers });
        if (problem) return problem;
        this.slots.push(sim.addServer(cmd.spec));
        this.edit({ servers });
        break;
      }
      case 'updateServer': {
        if (!this.isMember(cmd.slot)) return noServer(cmd.slot);
        const at = this.slots.indexOf(cmd.slot);
        // A server a scheduled event added is the run's, not the setup's: check it alongside.
        const servers =
          at >= 0
            ? setup.servers.map((s, i) => (i === at ? { ...s, ...cmd.changes } : s))
            : [...setup.servers, { ...this.specOf(cmd.slot), ...cmd.changes }];
        const problem = this.validate({ servers });
        if (problem) return problem;
        sim.updateServer(cmd.slot, cmd.changes);
        if (at >= 0) {
          const before = setup.servers[at]!.name;
          const after = cmd.changes.name;
          this.edit({
            servers,
            events:
              after === undefined ? setup.events : renameInEvents(setup.events, before, after),
          });
        }
        break;
      }
      case 'removeServer':
      case 'killServer':
      case 'crashServer':
      case 'reviveServer': {
        if (!this.isMember(cmd.slot)) return noServer(cmd.slot);
        const at = this.slots.indexOf(cmd.slot);
        if (cmd.type === 'removeServer') {
          sim.removeServer(cmd.slot);
          if (at >= 0) {
            this.slots.splice(at, 1);
            const gone = setup.servers[at]!.name;
            // The scenario's events about a removed server would make the setup invalid.
            const events = setup.events.filter((e) => !('server' in e) || e.server !== gone);
            this.edit({ servers: setup.servers.filter((_, i) => i !== at), events });
          }
        } else {
          const up = cmd.type === 'reviveServer';
          if (up) sim.reviveServer(cmd.slot);
          else if (cmd.type === 'crashServer') sim.crashServer(cmd.slot);
          else sim.killServer(cmd.slot);
          if (at >= 0)
            this.edit({ servers: setup.servers.map((s, i) => (i === at ? { ...s, up } : s)) });
        }
        break;
      }
      case 'spikeServer': {
        if (!this.isMember(cmd.slot)) return noServer(cmd.slot);
        sim.spikeServer(cmd.slot, cmd.factor, cmd.durationMs);
        this.changed(false);
        return { ok: true };
      }
      case 'setResilience': {
        const problem = this.validate({ resilience: cmd.resilience });
        if (problem) return problem;
        const parsed = parseScenario({
          ...serializeScenario(this.current),
          resilience: cmd.resilience,
        });
        if (!parsed.ok) return { ok: false, message: 'resilience: could not be read' };
        sim.setResilience(parsed.scenario.resilience);
        this.edit({ resilience: parsed.scenario.resilience });
        break;
      }
      case 'setStrategy': {
        const strategyOptions = { ...setup.strategyOptions, ...cmd.options };
        const problem = this.validate({ strategy: cmd.strategy, strategyOptions });
        if (problem) return problem;
        sim.setStrategy(cmd.strategy, cmd.options);
        this.edit({ strategy: cmd.strategy, strategyOptions });
        break;
      }
      case 'setCache': {
        const problem = this.validate({ cache: cmd.cache });
        if (problem) return problem;
        sim.setCache(cmd.cache);
        this.edit({ cache: cmd.cache });
        break;
      }
      case 'setService': {
        const problem = this.validate({ service: cmd.service });
        if (problem) return problem;
        sim.setService(cmd.service);
        this.edit({ service: cmd.service });
        break;
      }
      case 'setKeys': {
        const problem = this.validate({ keys: cmd.keys });
        if (problem) return problem;
        sim.setKeys(cmd.keys);
        this.edit({ keys: cmd.keys });
        break;
      }
      case 'fireBurst':
        sim.fireBurst(cmd.count);
        this.changed(false);
        return { ok: true };
      case 'setRate':
        this.steadyRate = cmd.ratePerSec;
        sim.setSteadyRate(cmd.ratePerSec);
        this.changed(false);
        return { ok: true };
      case 'setSeed': {
        const problem = this.validate({ seed: cmd.seed });
        if (problem) return problem;
        this.edit({ seed: cmd.seed });
        this.reset();
        return { ok: true };
      }
      case 'setAutoscaling':
      case 'setCost':
      case 'setSlo':
      case 'setTraffic': {
        const result = scalingEdit(cmd, this.current, sim);
        if (!result.ok) return result;
        this.edit(result.patch);
        if (!result.restart) break;
        this.reset();
        return { ok: true };
      }
    }
    this.changed(true);
    return { ok: true };
  }

  /** The current setup: the loaded scenario with every edit applied. */
  setup(): Scenario {
    return this.current;
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

  /** A new run: a new recording, and any replay is over. */
  private newRecording(): void {
    this.replayer = null;
    this.recorder.start(this.current);
  }

  /** A new simulation of `scenario`; its servers take slots 0..n-1 in order. */
  private build(scenario: Scenario): Simulation {
    this.slots = scenario.servers.map((_, i) => i);
    return new Simulation(scenario, { logRequests: true });
  }

  private edit(patch: Partial<Scenario>): void {
    this.current = { ...this.current, ...patch };
  }

  private changed(setup: boolean): void {
    this.version++;
    if (setup) this.setupVersion++;
  }

  /** A server of the run as a spec (for a server the setup does not list). */
  private specOf(slot: number): ServerSpec {
    const pool = this.sim.pool;
    return {
      name: pool.names[slot]!,
      capacity: pool.capacity[slot]!,
      weight: pool.weight[slot]!,
      speed: pool.speed[slot]!,
      queueLimit: pool.queueLimit[slot] === Infinity ? null : pool.queueLimit[slot]!,
      up: pool.up[slot] === 1,
      errorRate: pool.errorRate[slot]!,
      partitioned: pool.partitioned[slot] === 1,
    };
  }

  private isMember(slot: number): boolean {
    return (
      Number.isInteger(slot) &&
      slot >= 0 &&
      slot < this.sim.pool.size &&
      this.sim.pool.member[slot] === 1
    );
  }

  /** Checks a change against the scenario schema, so the worker refuses what the CLI would. */
  private validate(patch: Partial<Record<keyof Scenario, unknown>>): CommandResult | null {
    const raw = { ...serializeScenario(this.current), ...patch, events: [] };
    const parsed = parseScenario(raw);
    if (parsed.ok) return null;
    const message = parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    return { ok: false, message };
  }
}

function noServer(slot: number): CommandResult {
  return { ok: false, message: `server: no server in slot ${String(slot)}` };
}

/** Scheduled events follow a server the person renamed. */
function renameInEvents(events: Scenario['events'], from: string, to: string): Scenario['events'] {
  return events.map((e) => ('server' in e && e.server === from ? { ...e, server: to } : e));
}
