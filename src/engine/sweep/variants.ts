import { LIMITS } from '../scenario/limits.ts';
import { serializeScenario } from '../scenario/serialize.ts';
import type { Scenario } from '../scenario/types.ts';
import type { StrategyName } from '../strategies/strategy.ts';
import { getAt, parsePath, setAt, type PathSegment } from './jsonPath.ts';
import { loadProblem, rateFactorFor } from './loadScaling.ts';

/**
 * The scenario of one point of a sweep: the base with one field set to the point's value and the
 * point's strategy. Variants are built in file form (what `serializeScenario` writes) so that the
 * caller can run them through `parseScenario`, which checks every one like an imported file.
 */

/** Fields with a meaning of their own; anything else is a JSON path into the scenario file. */
export const NAMED_FIELDS = [
  'load',
  'servers',
  'capacity',
  'queueLimit',
  'choices',
  'cacheCapacity',
] as const;
export type NamedField = (typeof NAMED_FIELDS)[number];

/** The most servers a scenario may list. */
const MAX_SERVERS = LIMITS.servers.entries;

/** Fields a sweep sets itself, so varying them would be overwritten or meaningless. */
const RESERVED: Record<string, string> = {
  seed: "the seed is set per replication by the sweep (change the sweep's `seed` instead)",
  version: 'the format version is not a setting',
  durationMs: "the length of each run is the sweep's `durationMs` or `requests`",
  sampleIntervalMs: 'the sampling interval does not change what a sweep measures',
};

export type FieldTarget =
  | { readonly kind: 'named'; readonly name: NamedField }
  | {
      readonly kind: 'path';
      readonly path: readonly PathSegment[];
    };

const isNamed = (field: string): field is NamedField =>
  (NAMED_FIELDS as readonly string[]).includes(field);

/** What `field` names in the base, or why it cannot be varied there. */
export function resolveField(
  base: Scenario,
  field: string,
  strategies: readonly StrategyName[],
): FieldTarget | { readonly problem: string } {
  if (isNamed(field)) {
    const problem = namedFieldProblem(base, field, strategies);
    return problem === null ? { kind: 'named', name: field } : { problem };
  }
  const path = parsePath(field);
  if (path === null) {
    return {
      problem: `must be one of ${NAMED_FIELDS.join(', ')} or a path to a number in the scenario such as resilience.retry.maxRetries (got ${JSON.stringify(field)})`,
    };
  }
  const reserved = typeof path[0] === 'string' && path.length === 1 ? RESERVED[path[0]] : undefined;
  if (reserved !== undefined) return { problem: `cannot be varied: ${reserved}` };
  const current = getAt(serializeScenario(base), path);
  if (current === undefined) return { problem: `the base scenario has no field ${field}` };
  if (current !== null && typeof current !== 'number') {
    return {
      problem: `${field} is not a number in the base scenario (it is ${JSON.stringify(current)})`,
    };
  }
  return { kind: 'path', path };
}

function namedFieldProblem(
  base: Scenario,
  field: NamedField,
  strategies: readonly StrategyName[],
): string | null {
  switch (field) {
    case 'load':
      return loadProblem(base);
    case 'choices':
      return strategies.some((s) => s === 'power-of-two-choices' || s === 'peak-ewma')
        ? null
        : 'choices (d) is read only by power-of-two-choices and peak-ewma; list one of them in strategies';
    case 'cacheCapacity':
      return base.cache.placement === 'off'
        ? 'the base\'s cache is off; set its cache.placement to "shared" or "per-server"'
        : null;
    default:
      return null;
  }
}

/** Why `value` cannot be used for the field before any scenario is built, or null. */
export function valueProblem(target: FieldTarget, value: number): string | null {
  if (!Number.isFinite(value)) return `must be a finite number (got ${value})`;
  if (target.kind !== 'named') return null;
  if (target.name === 'load' && !(value > 0)) return `load must be > 0 (got ${value})`;
  if (
    target.name === 'servers' &&
    !(Number.isInteger(value) && value >= 1 && value <= MAX_SERVERS)
  ) {
    return `servers must be an integer from 1 to ${MAX_SERVERS.toLocaleString('en-US')} (got ${value})`;
  }
  return null;
}

type Raw = Record<string, unknown>;

/** The traffic fields, in file form, that hold a rate per second. */
const RATE_KEYS = [
  'ratePerSec',
  'startRatePerSec',
  'endRatePerSec',
  'troughRatePerSec',
  'peakRatePerSec',
] as const;

/**
 * The base in file form with the target set to `value`, the strategy set and the run's length
 * (`durationMs`, null to run until the caller stops it). Check `valueProblem` first.
 */
export function buildVariant(
  base: Scenario,
  target: FieldTarget,
  value: number,
  strategy: StrategyName,
  durationMs: number | null,
): Raw {
  const raw = JSON.parse(JSON.stringify(serializeScenario(base))) as Raw;
  raw.strategy = strategy;
  raw.durationMs = durationMs;
  if (target.kind === 'path') {
    setAt(raw, target.path, value);
    return raw;
  }
  const servers = raw.servers as Raw[];
  switch (target.name) {
    case 'load': {
      // Every rate, of every shape, times one factor: expected arrivals are linear in the rates,
      // so the time-averaged load becomes the value. Spike multipliers are ratios: they stay.
      const factor = rateFactorFor(base, value);
      for (const t of raw.traffic as Raw[]) {
        for (const key of RATE_KEYS) {
          if (typeof t[key] === 'number') t[key] = (t[key] as number) * factor;
        }
        if (Array.isArray(t.trace)) {
          t.trace = (t.trace as [number, number][]).map(([time, rate]) => [time, rate * factor]);
        }
      }
      break;
    }
    case 'servers': {
      // Copies of the first server; the first keeps its name, so events naming it still apply.
      const first = servers[0]!;
      const name = first.name as string;
      raw.servers = Array.from({ length: value }, (_, i) => ({
        ...first,
        name: i === 0 ? name : `${name}-${i + 1}`,
      }));
      break;
    }
    case 'capacity':
      for (const s of servers) s.capacity = value;
      break;
    case 'queueLimit':
      for (const s of servers) s.queueLimit = value;
      break;
    case 'choices':
      (raw.strategyOptions as Raw).choices = value;
      break;
    case 'cacheCapacity':
      (raw.cache as Raw).capacity = value;
      break;
  }
  return raw;
}
