import { parseScenario, serializeScenario } from '../engine/scenario/schema.ts';
import type { Scenario, ServerSpec } from '../engine/scenario/types.ts';
import { Simulation } from '../engine/simulation.ts';
import type { CommandResult, SimCommand } from './protocol.ts';
import type { Strategy } from '../engine/strategies/strategy.ts';
import type { CustomStrategyMaker } from './compareRun.ts';
import { scalingEdit, type ScalingCommand, type ScalingEdit } from './scalingCommands.ts';

/** The live commands that change the setup (the rest act on the run only). */
export type SetupCommand = Extract<
  SimCommand,
  {
    readonly type:
      | 'addServer'
      | 'updateServer'
      | 'removeServer'
      | 'killServer'
      | 'crashServer'
      | 'reviveServer'
      | 'setResilience'
      | 'setStrategy'
      | 'setCache'
      | 'setService'
      | 'setKeys'
      | 'setShedding'
      | 'setContention';
  }
>;

/**
 * The person's setup: the loaded scenario plus their edits, and nothing that scheduled events
 * did to the run (a server the scenario kills at 20 s is still up in the setup, so an export or
 * a reset replays the scenario as written). It also knows which simulation slot each of the
 * setup's servers has, so an edit of a slot lands on the right server of the setup.
 *
 * Every change is checked against the scenario schema first, so the worker refuses what the CLI
 * would; a refused change leaves both the run and the setup as they were.
 */
export class LiveSetup {
  private current: Scenario;
  /** The simulation slot of each server in `current.servers`. */
  private slots: number[] = [];

  /**
   * `sandbox` gives the worker's loader of user code (QuickJS, loaded on demand), or undefined
   * while it is not loaded: read each time a strategy is built, not once.
   */
  constructor(
    scenario: Scenario,
    private readonly sandbox: () => CustomStrategyMaker | undefined = () => undefined,
  ) {
    this.current = scenario;
  }

  /** The setup as it stands. */
  get scenario(): Scenario {
    return this.current;
  }

  /**
   * Replaces the whole setup with a loaded scenario and builds its run; when the scenario's own
   * strategy does not load, the setup stays as it was.
   */
  start(scenario: Scenario): { ok: true; sim: Simulation } | { ok: false; message: string } {
    const before = this.current;
    this.current = scenario;
    try {
      return { ok: true, sim: this.build() };
    } catch (error) {
      this.current = before;
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  /** A new simulation of the setup; its servers take slots 0..n-1 in order. */
  build(): Simulation {
    this.slots = this.current.servers.map((_, i) => i);
    return new Simulation(this.current, {
      logRequests: true,
      customStrategy: () => this.customStrategy(),
    });
  }

  /** The user's strategy from the setup's code, in the worker's sandbox. */
  private customStrategy(): Strategy {
    const make = this.sandbox();
    if (make === undefined) throw new Error('the strategy sandbox is not loaded');
    const code = this.current.customStrategy?.code;
    if (code === undefined) throw new Error('customStrategy: the setup has no code to run');
    return make(code);
  }

  /** Sets the seed the next run starts from, if the schema accepts it. */
  setSeed(seed: number): CommandResult {
    const problem = this.validate({ seed });
    if (problem) return problem;
    this.edit({ seed });
    return { ok: true };
  }

  /** Applies a setup command to the run and records it in the setup. */
  apply(sim: Simulation, cmd: SetupCommand): CommandResult {
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
        if (!isMember(sim, cmd.slot)) return noServer(cmd.slot);
        const at = this.slots.indexOf(cmd.slot);
        // A server a scheduled event added is the run's, not the setup's: check it alongside.
        const servers =
          at >= 0
            ? setup.servers.map((s, i) => (i === at ? { ...s, ...cmd.changes } : s))
            : [...setup.servers, { ...specOf(sim, cmd.slot), ...cmd.changes }];
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
        if (!isMember(sim, cmd.slot)) return noServer(cmd.slot);
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
      case 'setResilience': {
        const problem = this.validate({ resilience: cmd.resilience });
        if (problem) return problem;
        const parsed = parseScenario({ ...serializeScenario(setup), resilience: cmd.resilience });
        if (!parsed.ok) return { ok: false, message: 'resilience: could not be read' };
        sim.setResilience(parsed.scenario.resilience);
        this.edit({ resilience: parsed.scenario.resilience });
        break;
      }
      case 'setStrategy': {
        const strategyOptions = { ...setup.strategyOptions, ...cmd.options };
        const customStrategy = cmd.code === undefined ? setup.customStrategy : { code: cmd.code };
        const patch = { strategy: cmd.strategy, strategyOptions, customStrategy };
        const problem = this.validate(patch);
        if (problem) return problem;
        // The setup first: the sandbox loads the code it now holds.
        this.edit(patch);
        try {
          sim.setStrategy(cmd.strategy, cmd.options);
        } catch (error) {
          this.current = setup;
          return { ok: false, message: `code: ${(error as Error).message}` };
        }
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
      case 'setShedding': {
        const problem = this.validate({ shedding: cmd.shedding });
        if (problem) return problem;
        sim.setShedding(cmd.shedding);
        this.edit({ shedding: cmd.shedding });
        break;
      }
      case 'setContention': {
        const problem = this.validate({ contention: cmd.contention });
        if (problem) return problem;
        sim.setContention(cmd.contention);
        this.edit({ contention: cmd.contention });
        break;
      }
    }
    return { ok: true };
  }

  /**
   * An autoscaling, cost, SLO or traffic change (scalingCommands.ts), applied to the run and
   * written into the setup; `restart` says the run must start over from the new setup.
   */
  applyScaling(sim: Simulation, cmd: ScalingCommand): ScalingEdit {
    const result = scalingEdit(cmd, this.current, sim);
    if (result.ok) this.edit(result.patch);
    return result;
  }

  private edit(patch: Partial<Scenario>): void {
    this.current = { ...this.current, ...patch };
  }

  /** Checks a change against the scenario schema (without the scheduled events, kept as written). */
  private validate(patch: Partial<Record<keyof Scenario, unknown>>): CommandResult | null {
    const raw = { ...serializeScenario(this.current), ...patch, events: [] };
    const parsed = parseScenario(raw);
    if (parsed.ok) return null;
    const message = parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    return { ok: false, message };
  }
}

/** Whether `slot` holds a registered server of the run. */
export function isMember(sim: Simulation, slot: number): boolean {
  return Number.isInteger(slot) && slot >= 0 && slot < sim.pool.size && sim.pool.member[slot] === 1;
}

export function noServer(slot: number): CommandResult {
  return { ok: false, message: `server: no server in slot ${String(slot)}` };
}

/** A server of the run as a spec (for a server the setup does not list). */
function specOf(sim: Simulation, slot: number): ServerSpec {
  const pool = sim.pool;
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

/** Scheduled events follow a server the person renamed. */
function renameInEvents(events: Scenario['events'], from: string, to: string): Scenario['events'] {
  return events.map((e) => ('server' in e && e.server === from ? { ...e, server: to } : e));
}
