/**
 * The one check of a command's fields, for live commands (SimSession.command) and recorded ones
 * (recordingFormat.ts) alike: the scenario schema for servers, cache, service, keys, strategy and
 * defences, the live limits (limits.ts) for bursts, rates and spikes, each problem named by its
 * path. Whether the command fits the run at its moment (does slot 4 exist then? is the new name
 * unique?) is checked as it is applied, live or replayed.
 */
import { inRange, LIMITS, LIVE_LIMITS, type Range } from '../engine/scenario/limits.ts';
import { OVERLOAD_LIMITS } from '../engine/scenario/overloadLimits.ts';
import { parseScenario, type ScenarioProblem } from '../engine/scenario/schema.ts';
import type { Scenario } from '../engine/scenario/types.ts';
import type { SimCommand } from './protocol.ts';

export type Raw = Record<string, unknown>;
type Check = (cmd: Raw, path: string) => ScenarioProblem[];

export const isRecord = (v: unknown): v is Raw =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const problem = (path: string, message: string): ScenarioProblem[] => [{ path, message }];

/** Checks part of a command by placing it in a scenario; problems move to the command's paths. */
function viaScenario(raw: Raw, moves: ReadonlyArray<readonly [string, string]>): ScenarioProblem[] {
  const parsed = parseScenario(raw);
  if (parsed.ok) return [];
  return parsed.problems.map((p) => {
    for (const [from, to] of moves) {
      const rest = p.path.slice(from.length);
      if (p.path.startsWith(from) && (rest === '' || rest[0] === '.' || rest[0] === '['))
        return { path: to + rest, message: p.message };
    }
    return { path: moves[0]![1], message: p.message };
  });
}

function slot(cmd: Raw, path: string): ScenarioProblem[] {
  const s = cmd.slot;
  return Number.isInteger(s) && (s as number) >= 0
    ? []
    : problem(`${path}.slot`, 'must be a server slot: an integer >= 0');
}

function numberIn(value: unknown, path: string, range: Range): ScenarioProblem[] {
  if (inRange(value, range)) return [];
  const what = range.integer ? 'a whole number' : 'a number';
  const low = range.aboveMin ? `above ${range.min}` : `from ${range.min}`;
  return problem(path, `must be ${what} ${low} to ${range.max.toLocaleString('en')}`);
}

/**
 * One check per command type, keyed by every type the page can send: a new command type does not
 * compile until it says how it is checked.
 */
const CHECKS: { readonly [K in SimCommand['type']]: Check } = {
  addServer: (c, p) => viaScenario({ servers: [c.spec] }, [['servers[0]', `${p}.spec`]]),
  updateServer: (c, p) => [
    ...slot(c, p),
    ...viaScenario({ events: [{ at: 0, action: 'update', server: 'Server-A', set: c.changes }] }, [
      ['events[0].set', `${p}.changes`],
    ]),
  ],
  removeServer: slot,
  killServer: slot,
  crashServer: slot,
  spikeServer: (c, p) => [
    ...slot(c, p),
    ...numberIn(c.factor, `${p}.factor`, LIVE_LIMITS.spikeFactor),
    ...numberIn(c.durationMs, `${p}.durationMs`, LIVE_LIMITS.spikeDurationMs),
  ],
  setResilience: (c, p) =>
    viaScenario({ resilience: c.resilience }, [['resilience', `${p}.resilience`]]),
  reviveServer: slot,
  setStrategy: (c, p) =>
    viaScenario(
      {
        strategy: c.strategy,
        strategyOptions: c.options ?? {},
        // Without code, "custom" runs the setup's (checked as it is applied).
        ...(c.strategy === 'custom' || c.code !== undefined
          ? { customStrategy: { code: c.code ?? 'selectServer' } }
          : {}),
      },
      [
        ['strategyOptions', `${p}.options`],
        ['strategy', `${p}.strategy`],
        ['customStrategy.code', `${p}.code`],
      ],
    ),
  setCache: (c, p) => viaScenario({ cache: c.cache }, [['cache', `${p}.cache`]]),
  setService: (c, p) => viaScenario({ service: c.service }, [['service', `${p}.service`]]),
  setKeys: (c, p) => viaScenario({ keys: c.keys }, [['keys', `${p}.keys`]]),
  fireBurst: (c, p) => numberIn(c.count, `${p}.count`, LIVE_LIMITS.burst),
  setRate: (c, p) => numberIn(c.ratePerSec, `${p}.ratePerSec`, LIVE_LIMITS.ratePerSec),
  setSeed: (c, p) => numberIn(c.seed, `${p}.seed`, LIMITS.seed),
  setShedding: (c, p) => viaScenario({ shedding: c.shedding }, [['shedding', `${p}.shedding`]]),
  setContention: (c, p) =>
    viaScenario({ contention: c.contention }, [['contention', `${p}.contention`]]),
  setPopulation: (c, p) => [
    // 0 clients stops the population.
    ...numberIn(c.clients, `${p}.clients`, { ...OVERLOAD_LIMITS.closedLoop.clients, min: 0 }),
    ...numberIn(c.thinkMs, `${p}.thinkMs`, OVERLOAD_LIMITS.closedLoop.thinkMs),
  ],
  // Null switches each off; an object is checked as the scenario's field of that name.
  setAutoscaling: (c, p) =>
    viaScenario({ autoscaling: c.autoscaling }, [['autoscaling', `${p}.autoscaling`]]),
  setCost: (c, p) => viaScenario({ cost: c.cost }, [['cost', `${p}.cost`]]),
  setSlo: (c, p) => viaScenario({ slo: c.slo }, [['slo', `${p}.slo`]]),
  setTraffic: (c, p) => viaScenario({ traffic: c.traffic }, [['traffic', `${p}.traffic`]]),
};

const COMMAND_TYPES = Object.keys(CHECKS);

/** Every problem with a command's fields (none: it may be applied), named from `path`. */
export function checkCommand(raw: unknown, path: string): ScenarioProblem[] {
  if (!isRecord(raw)) return problem(path, 'must be a command object {type, …}');
  const type = raw.type;
  if (typeof type !== 'string' || !Object.hasOwn(CHECKS, type))
    return problem(
      `${path}.type`,
      `must be one of ${COMMAND_TYPES.map((t) => `"${t}"`).join(', ')}`,
    );
  return CHECKS[type as SimCommand['type']](raw, path);
}

/** The scenario a single payload parses into (only called on payloads already checked). */
function filled(raw: Raw): Scenario {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error('a checked payload did not parse');
  return parsed.scenario;
}

/**
 * A command as the session should get it: as written, plus the scenario defaults for any field a
 * whole-object payload (server, cache, service, keys) leaves out, as a scenario file would have.
 * The fields written win, so a recording the page made is applied exactly as the person sent it.
 */
export function complete(cmd: SimCommand): SimCommand {
  switch (cmd.type) {
    case 'addServer':
      return { ...cmd, spec: { ...filled({ servers: [cmd.spec] }).servers[0]!, ...cmd.spec } };
    case 'setCache':
      return { ...cmd, cache: { ...filled({ cache: cmd.cache }).cache, ...cmd.cache } };
    case 'setService':
      return { ...cmd, service: { ...filled({ service: cmd.service }).service, ...cmd.service } };
    case 'setKeys':
      return { ...cmd, keys: { ...filled({ keys: cmd.keys }).keys, ...cmd.keys } };
    case 'setShedding':
      return {
        ...cmd,
        shedding: { ...filled({ shedding: cmd.shedding }).shedding, ...cmd.shedding },
      };
    case 'setContention': {
      const contention = filled({ contention: cmd.contention }).contention;
      return { ...cmd, contention: { ...contention, ...cmd.contention } };
    }
    default:
      return cmd;
  }
}
