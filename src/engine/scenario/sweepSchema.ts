import * as z from 'zod';
import { STRATEGY_NAMES } from '../strategies/strategy.ts';
import { describe, int, list, num, oneOf, strict, text } from './fields.ts';
import { LIMITS, MAX_TIME } from './limits.ts';
import { issuesToProblems, type ScenarioProblem } from './problems.ts';

// No code generation: the site's Content-Security-Policy forbids eval (as in schema.ts).
z.config({ jitless: true });

/**
 * Sweep format v1 as written in files: which scenario to start from, which one number to vary over
 * which values, which strategies to run, and how long and how often to run each point. Only the
 * shape of the file is checked here; `src/engine/sweep/loadSweep.ts` resolves the base and checks
 * that every variant it builds is a valid scenario.
 */

/** Sweep format version. */
export const SWEEP_VERSION = 1;

/** The most runs one sweep may ask for (strategies × values × replications). */
export const MAX_SWEEP_RUNS = 100_000;

const values = z
  .array(
    z.number({
      error: (iss) =>
        iss.input === undefined ? 'is required' : `must be a number (got ${describe(iss.input)})`,
    }),
    { error: (iss) => (iss.input === undefined ? 'is required' : 'must be a list of numbers') },
  )
  .min(1, { error: 'must list at least one value' })
  .max(1000, { error: 'must have at most 1000 entries' });

export const sweepSchema = strict({
  version: z
    .literal(SWEEP_VERSION, {
      error: (iss) =>
        `must be ${SWEEP_VERSION}, the only version of the sweep format (got ${describe(iss.input)})`,
    })
    .default(SWEEP_VERSION),
  name: text(80).optional(),
  /** A preset's name, or a whole scenario (format v1) inline. */
  base: z.union([z.string(), z.record(z.string(), z.unknown())], {
    error: (iss) =>
      iss.input === undefined
        ? 'is required: a preset name or a scenario object'
        : `must be a preset name or a scenario object (got ${describe(iss.input)})`,
  }),
  vary: strict({
    field: text(200),
    values,
  }),
  strategies: list(oneOf(STRATEGY_NAMES), STRATEGY_NAMES.length, [
    1,
    'must list at least one strategy',
  ]).optional(),
  replications: int(1, 1000).default(5),
  /** Replaces the base scenario's seed, from which every replication's seed is derived. */
  seed: int(LIMITS.seed.min, LIMITS.seed.max).optional(),
  // Warm-up and measured time each at most a scenario's longest run (MAX_TIME, ~11.6 days).
  warmupMs: num(0, MAX_TIME).default(0),
  durationMs: num(0, MAX_TIME, { aboveMin: true }).optional(),
  requests: int(1, 1e9).optional(),
});

/** A sweep file as written. */
export type RawSweep = z.input<typeof sweepSchema>;
/** A sweep file after the shape check, defaults filled in, base not yet resolved. */
export type SweepFile = z.output<typeof sweepSchema>;

export type SweepFileResult =
  | { readonly ok: true; readonly file: SweepFile }
  | { readonly ok: false; readonly problems: ScenarioProblem[] };

/**
 * Checks the shape of a sweep file. Never throws; lists every problem with its path
 * (`vary.values[2]`, `strategies[1]`).
 */
export function parseSweepFile(input: unknown): SweepFileResult {
  if (input === undefined) {
    return { ok: false, problems: [{ path: '', message: 'must be an object (got nothing)' }] };
  }
  try {
    const result = sweepSchema.safeParse(input, { reportInput: true });
    const problems = result.success ? [] : issuesToProblems(result.error.issues);
    problems.push(...checkRunLength(input), ...checkRepeats(input));
    if (problems.length > 0 || !result.success)
      return { ok: false, problems: tidySweepProblems(problems) };
    return { ok: true, file: result.data };
  } catch (e) {
    return { ok: false, problems: [{ path: '', message: `could not be read (${String(e)})` }] };
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Exactly one of durationMs and requests says how long each run is measured. */
function checkRunLength(input: unknown): ScenarioProblem[] {
  if (!isRecord(input)) return [];
  const has = (key: string) =>
    Object.hasOwn(input, key) && (input as Record<string, unknown>)[key] !== undefined;
  if (has('durationMs') && has('requests')) {
    return [{ path: 'requests', message: 'give either durationMs or requests per run, not both' }];
  }
  if (!has('durationMs') && !has('requests')) {
    return [
      {
        path: 'durationMs',
        message:
          'is required: the measured simulated time of each run in ms (or `requests`, a count of arrivals)',
      },
    ];
  }
  return [];
}

/**
 * Each value once: points are keyed by (strategy, value). Read from the raw input so a repeat is
 * reported even when another value is malformed (zod skips refinements of a list with bad items).
 */
function checkRepeats(input: unknown): ScenarioProblem[] {
  const vary = isRecord(input) ? input.vary : undefined;
  const values = isRecord(vary) ? vary.values : undefined;
  if (!Array.isArray(values)) return [];
  const problems: ScenarioProblem[] = [];
  const seen = new Map<number, number>();
  values.forEach((v: unknown, i) => {
    if (typeof v !== 'number') return;
    const first = seen.get(v);
    if (first === undefined) seen.set(v, i);
    else problems.push({ path: `vary.values[${i}]`, message: `repeats values[${first}] (${v})` });
  });
  return problems;
}

const TOP_LEVEL = Object.keys(sweepSchema.shape);

/** Where a problem sits in file order: top-level field (unknown ones last), then first index. */
function position(path: string): [number, number] {
  const m = /^([A-Za-z_$][\w$]*)[^[]*(?:\[(\d+)\])?/.exec(path);
  const rank = m ? TOP_LEVEL.indexOf(m[1]!) : -1;
  return [
    path === '' ? -1 : rank < 0 ? TOP_LEVEL.length : rank,
    m?.[2] === undefined ? -1 : Number(m[2]),
  ];
}

/**
 * Drops repeated problems and orders them as the fields appear in a file (stable otherwise), so a
 * reader can go down the file fixing them.
 */
export function tidySweepProblems(problems: readonly ScenarioProblem[]): ScenarioProblem[] {
  const seen = new Set<string>();
  const kept = problems.filter((p) => {
    const id = `${p.path}\n${p.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const keyed = kept.map((p) => ({ p, at: position(p.path) }));
  keyed.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
  return keyed.map((k) => k.p);
}
