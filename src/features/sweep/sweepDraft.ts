import type { Scenario } from '../../engine/scenario/types.ts';
import { serializeScenario } from '../../engine/scenario/serialize.ts';
import { STRATEGY_NAMES, type StrategyName } from '../../engine/strategies/strategy.ts';
import type { SweepPreset } from '../../engine/sweep/presets.ts';
import { MAX_SWEEP_STRATEGIES, type SweepDraft } from '../../store/sweepSlice.ts';

/**
 * The sweep form and the sweep file (format v1, as `npm run sweep` reads it) in both directions:
 * the form becomes a file to run, export and share; a preset or a shared file fills the form.
 * The file is checked in a worker (the page does not load the schema); only what the form itself
 * must know (which numbers to run) is checked here.
 */

/** Most values a range may have (the file allows 1000; the page keeps a chart readable). */
export const MAX_RANGE_STEPS = 50;

export type ValuesResult =
  | { readonly ok: true; readonly values: number[] }
  | { readonly ok: false; readonly message: string };

/** Values without float noise: 0.1 + 0.2 steps read 0.3, not 0.30000000000000004. */
const tidy = (x: number) => +x.toPrecision(12);

/** The values the form asks for: `steps` evenly from start to stop, or the list's numbers. */
export function draftValues(draft: SweepDraft): ValuesResult {
  if (draft.valuesMode === 'list') {
    const words = draft.list.split(/[\s,;]+/).filter((w) => w !== '');
    if (words.length === 0) return { ok: false, message: 'List at least one value.' };
    const values: number[] = [];
    for (const w of words) {
      const v = Number(w);
      if (!Number.isFinite(v)) return { ok: false, message: `“${w}” in the list is not a number.` };
      values.push(v);
    }
    return { ok: true, values };
  }
  const { start, stop, steps } = draft;
  if (!Number.isFinite(start) || !Number.isFinite(stop)) {
    return { ok: false, message: 'Start and stop must be numbers.' };
  }
  if (!Number.isInteger(steps) || steps < 1 || steps > MAX_RANGE_STEPS) {
    return { ok: false, message: `Steps must be a whole number from 1 to ${MAX_RANGE_STEPS}.` };
  }
  if (steps === 1) return { ok: true, values: [tidy(start)] };
  return {
    ok: true,
    values: Array.from({ length: steps }, (_, i) =>
      tidy(start + ((stop - start) * i) / (steps - 1)),
    ),
  };
}

export type FileResult =
  | { readonly ok: true; readonly file: Record<string, unknown> }
  | { readonly ok: false; readonly message: string };

/** The sweep file the form describes; its base is the playground's `setup` unless a preset's. */
export function sweepFileOf(draft: SweepDraft, setup: Scenario | null): FileResult {
  const values = draftValues(draft);
  if (!values.ok) return values;
  if (draft.strategies.length === 0) return { ok: false, message: 'Pick at least one strategy.' };
  const base = draft.base ?? (setup === null ? null : serializeScenario(setup));
  if (base === null) return { ok: false, message: 'The playground’s setup is not loaded yet.' };
  return {
    ok: true,
    file: {
      version: 1,
      name: draft.name,
      base,
      vary: { field: draft.field, values: values.values },
      strategies: [...draft.strategies],
      replications: draft.replications,
      warmupMs: draft.warmupMs,
      durationMs: draft.durationMs,
    },
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const numberOr = (v: unknown, fallback: number) =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;

/**
 * The form filled from a sweep file (a preset's or a shared link's): what the form cannot show is
 * left as it was in `current`. Values always come back as a list, which says exactly what runs.
 */
export function draftOfFile(
  raw: unknown,
  current: SweepDraft,
  presetId: string | null,
): SweepDraft {
  if (!isRecord(raw)) return current;
  const vary = isRecord(raw.vary) ? raw.vary : {};
  const values = Array.isArray(vary.values) ? vary.values.filter((v) => typeof v === 'number') : [];
  const strategies = Array.isArray(raw.strategies)
    ? raw.strategies.filter((s): s is StrategyName =>
        (STRATEGY_NAMES as readonly unknown[]).includes(s),
      )
    : [];
  const baseStrategy = isRecord(raw.base) ? raw.base.strategy : undefined;
  const fallbackStrategies = (STRATEGY_NAMES as readonly unknown[]).includes(baseStrategy)
    ? [baseStrategy as StrategyName]
    : current.strategies;
  return {
    ...current,
    name: typeof raw.name === 'string' ? raw.name : current.name,
    presetId,
    base: raw.base ?? null,
    field: typeof vary.field === 'string' ? vary.field : current.field,
    valuesMode: values.length > 0 ? 'list' : current.valuesMode,
    list: values.length > 0 ? values.join(', ') : current.list,
    strategies: (strategies.length > 0 ? strategies : fallbackStrategies).slice(
      0,
      MAX_SWEEP_STRATEGIES,
    ),
    replications: numberOr(raw.replications, 5),
    warmupMs: numberOr(raw.warmupMs, 0),
    durationMs: numberOr(raw.durationMs, current.durationMs),
  };
}

/**
 * How each built-in sweep is best read: which figure first, and an objective line if any. How
 * many servers: service alone puts p99 near 260 ms (lognormal, median 80 ms, σ 0.5), so a 300 ms
 * p99 objective is met only once queueing is gone: from 12 servers with least connections, 13
 * with round robin (a 10 s run per point, seed 42).
 */
const PRESET_VIEWS: Record<string, { figure: string; sloMs: number | null }> = {
  'the-knee': { figure: 'meanMs', sloMs: null },
  'how-many-servers': { figure: 'p99Ms', sloMs: 300 },
  'cache-size': { figure: 'hitRate', sloMs: null },
};

/** The form for a built-in sweep, and the figure its chart opens on. */
export function draftOfPreset(
  preset: SweepPreset,
  current: SweepDraft,
): { draft: SweepDraft; figure: string } {
  const view = PRESET_VIEWS[preset.id] ?? { figure: 'meanMs', sloMs: null };
  return {
    draft: { ...draftOfFile(preset.raw, current, preset.id), sloMs: view.sloMs },
    figure: view.figure,
  };
}
