import { FIGURE_NAMES, type FigureName, type RunFigures } from './figures.ts';
import { runCount, type SweepHeader, type SweepPlan } from './plan.ts';
import { assembleResult, type SweepResult } from './results.ts';

/**
 * Shards of a sweep, for spreading one sweep over machines (a CI matrix, GNU parallel, a Kubernetes
 * indexed Job): shard i of n (1-based) runs every n-th run starting at the i-th, so every shard
 * gets a fair mix of cheap and expensive points. Each saves a part (its runs' raw figures, the
 * header and the sweep's fingerprint); `mergeParts` checks the parts belong together and cover the
 * sweep exactly once, then assembles the same results the whole run gives.
 */

/** Format marker and version of a part file. */
export const PART_FORMAT = 1;

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

/** The runs of shard `index` of `count`: indices ≡ index − 1 (mod count). */
export function shardRuns(header: SweepHeader, shard: Shard): number[] {
  const out: number[] = [];
  for (let i = shard.index - 1; i < runCount(header); i += shard.count) out.push(i);
  return out;
}

export interface SweepPart {
  readonly sweepPart: typeof PART_FORMAT;
  readonly fingerprint: string;
  readonly shard: Shard;
  readonly header: SweepHeader;
  readonly runs: readonly { readonly run: number; readonly figures: RunFigures }[];
}

/** A shard's part from its runs' figures (indexed by run, as the pool returns them). */
export function makePart(
  plan: SweepPlan,
  shard: Shard,
  figures: readonly (RunFigures | undefined)[],
): SweepPart {
  return {
    sweepPart: PART_FORMAT,
    fingerprint: plan.fingerprint,
    shard,
    header: plan.header,
    runs: shardRuns(plan.header, shard).map((run) => {
      const f = figures[run];
      if (f === undefined) throw new RangeError(`run ${run} has no figures`);
      return { run, figures: f };
    }),
  };
}

/** Something wrong with the parts: in which one (null for the set as a whole), where, what. */
export interface MergeProblem {
  readonly source: string | null;
  readonly path: string;
  readonly message: string;
}

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIndex = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** Checks what assembling needs of a header: lists of the right kinds and consistent counts. */
function headerProblem(h: unknown): string | null {
  if (!isRecord(h)) return 'must be an object';
  const vary = h.vary;
  if (
    !isRecord(vary) ||
    !Array.isArray(vary.values) ||
    !vary.values.every((v) => typeof v === 'number')
  )
    return 'vary.values must be a list of numbers';
  if (!Array.isArray(h.strategies) || !h.strategies.every((s) => typeof s === 'string'))
    return 'strategies must be a list of names';
  if (!isIndex(h.replications, 1, 1e6)) return 'replications must be an integer >= 1';
  if (!Array.isArray(h.seeds) || h.seeds.length !== h.replications)
    return 'seeds must list one seed per replication';
  const figures = h.figures;
  if (
    !Array.isArray(figures) ||
    !figures.every((f) => (FIGURE_NAMES as readonly unknown[]).includes(f))
  )
    return `figures must list figure names (${FIGURE_NAMES.join(', ')})`;
  return null;
}

/** What is wrong with a run's figures (under `at`, a figure name or ''), or null. */
function figuresProblem(
  f: unknown,
  names: readonly FigureName[],
): { at: string; message: string } | null {
  if (!isRecord(f)) return { at: '', message: 'must be an object' };
  for (const name of names) {
    const v = f[name];
    if (v !== null && (typeof v !== 'number' || !Number.isFinite(v)))
      return { at: `.${name}`, message: 'must be a number or null' };
  }
  const extra = Object.keys(f).find((k) => !(names as readonly string[]).includes(k));
  return extra === undefined ? null : { at: `.${extra}`, message: 'is not a figure of this sweep' };
}

export type MergeResult =
  | { readonly ok: true; readonly result: SweepResult }
  | { readonly ok: false; readonly problems: MergeProblem[] };

/**
 * Joins the parts of one sharded sweep (each JSON.parse'd, with its file name as `source`) into
 * the sweep's results, or lists every problem: a part that is not one, parts of different sweeps,
 * a shard missing or given twice, a run missing, foreign or malformed.
 */
export function mergeParts(parts: readonly { source: string; data: unknown }[]): MergeResult {
  const problems: MergeProblem[] = [];
  const say = (source: string | null, path: string, message: string) =>
    problems.push({ source, path, message });
  const valid: { source: string; part: SweepPart }[] = [];
  for (const { source, data } of parts) {
    if (!isRecord(data) || data.sweepPart !== PART_FORMAT) {
      say(
        source,
        '',
        'is not a sweep part (save each shard with `npm run sweep -- <sweep.json> --json --shard i/n`)',
      );
      continue;
    }
    const shard = data.shard;
    const ok =
      isRecord(shard) && isIndex(shard.count, 1, 1e6) && isIndex(shard.index, 1, shard.count);
    if (!ok) say(source, 'shard', 'must be {index, count} with 1 <= index <= count');
    if (typeof data.fingerprint !== 'string') say(source, 'fingerprint', 'must be a string');
    const hp = headerProblem(data.header);
    if (hp !== null) say(source, 'header', hp);
    if (!Array.isArray(data.runs)) say(source, 'runs', 'must be a list');
    if (ok && hp === null && typeof data.fingerprint === 'string' && Array.isArray(data.runs))
      valid.push({ source, part: data as unknown as SweepPart });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (valid.length === 0)
    return { ok: false, problems: [{ source: null, path: '', message: 'no parts given' }] };

  const first = valid[0]!;
  const headerText = JSON.stringify(first.part.header);
  const count = first.part.shard.count;
  const seen = new Map<number, string>();
  for (const { source, part } of valid) {
    if (part.fingerprint !== first.part.fingerprint || JSON.stringify(part.header) !== headerText) {
      say(
        source,
        'fingerprint',
        `comes from another sweep than ${first.source} (or another version of it)`,
      );
      continue;
    }
    if (part.shard.count !== count) {
      say(
        source,
        'shard.count',
        `is ${part.shard.count}, but ${first.source} splits the sweep into ${count}`,
      );
      continue;
    }
    const twice = seen.get(part.shard.index);
    if (twice !== undefined)
      say(source, 'shard.index', `shard ${part.shard.index}/${count} is also ${twice}`);
    else seen.set(part.shard.index, source);
  }
  for (let i = 1; i <= count; i++) {
    if (!seen.has(i) && problems.length === 0) say(null, '', `shard ${i}/${count} is missing`);
  }
  if (problems.length > 0) return { ok: false, problems };

  const header = first.part.header;
  const figures: (RunFigures | undefined)[] = new Array<RunFigures | undefined>(runCount(header));
  for (const { source, part } of valid) {
    const own = new Set(shardRuns(header, part.shard));
    const missing = new Set(own);
    part.runs.forEach((entry: unknown, i) => {
      const at = `runs[${i}]`;
      if (!isRecord(entry) || typeof entry.run !== 'number' || !own.has(entry.run)) {
        const first = part.shard.index;
        say(
          source,
          `${at}.run`,
          `must be one of this shard's runs (${first - 1}, ${first - 1 + count}, …)`,
        );
        return;
      }
      const fp = figuresProblem(entry.figures, header.figures);
      if (fp !== null) return say(source, `${at}.figures${fp.at}`, fp.message);
      if (!missing.has(entry.run))
        return say(source, `${at}.run`, `run ${entry.run} is listed twice`);
      figures[entry.run] = entry.figures as RunFigures;
      missing.delete(entry.run);
    });
    if (missing.size > 0) {
      const first = Math.min(...missing);
      say(source, 'runs', `misses ${missing.size} of its runs (first: run ${first})`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, result: assembleResult(header, figures) };
}
