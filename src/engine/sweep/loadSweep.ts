import { fmt } from '../scenario/fields.ts';
import { PRESETS, type Preset } from '../scenario/presets.ts';
import type { ScenarioProblem } from '../scenario/problems.ts';
import { parseScenario } from '../scenario/schema.ts';
import {
  MAX_SWEEP_RUNS,
  parseSweepFile,
  tidySweepProblems,
  type SweepFile,
} from '../scenario/sweepSchema.ts';
import type { Scenario } from '../scenario/types.ts';
import { CUSTOM_STRATEGY, type StrategyName } from '../strategies/strategy.ts';
import { figuresFor } from './figures.ts';
import { rateTrafficEndMs } from './loadScaling.ts';
import { fingerprintOf, type SweepHeader, type SweepPlan } from './plan.ts';
import { replicationSeeds } from './seeds.ts';
import { buildVariant, resolveField, valueProblem, type FieldTarget } from './variants.ts';

export type LoadSweepResult =
  | { readonly ok: true; readonly plan: SweepPlan }
  | { readonly ok: false; readonly problems: ScenarioProblem[] };

const prefixed = (prefix: string, p: ScenarioProblem): ScenarioProblem => ({
  path: p.path === '' ? prefix : `${prefix}.${p.path}`,
  message: p.message,
});

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The base scenario and its label, or its problems (paths under `base`). */
function resolveBase(
  base: unknown,
  presets: readonly Preset[],
): { scenario: Scenario; label: string } | { problems: ScenarioProblem[] } {
  if (typeof base === 'string') {
    const preset = presets.find((p) => p.id === base.trim());
    if (preset === undefined) {
      const known = presets.map((p) => p.id).join(', ');
      return {
        problems: [
          { path: 'base', message: `no preset named ${JSON.stringify(base)} (presets: ${known})` },
        ],
      };
    }
    const parsed = parseScenario(preset.raw);
    if (!parsed.ok) return { problems: parsed.problems.map((p) => prefixed('base', p)) };
    return { scenario: parsed.scenario, label: preset.id };
  }
  if (!isRecord(base)) return { problems: [] }; // the shape check already said so
  const parsed = parseScenario(base);
  if (!parsed.ok) return { problems: parsed.problems.map((p) => prefixed('base', p)) };
  return { scenario: parsed.scenario, label: parsed.scenario.name };
}

/**
 * Reads a sweep file (anything, typically JSON.parse's result) into a plan every worker can run,
 * or the full list of problems with it, each with its path: the file's own fields
 * (`vary.values[3]`), the base scenario's (`base.servers[1].capacity`), and the variants the
 * values build (`vary.values[2]: capacity 0 makes an invalid scenario: …`). Never throws.
 *
 * `presets` are the scenarios a base may name (the built-in ones by default).
 */
export function loadSweep(input: unknown, presets: readonly Preset[] = PRESETS): LoadSweepResult {
  const shape = parseSweepFile(input);
  const problems: ScenarioProblem[] = shape.ok ? [] : [...shape.problems];
  const base = resolveBase(isRecord(input) ? input.base : undefined, presets);
  if ('problems' in base) problems.push(...base.problems);
  if (!shape.ok || 'problems' in base) return { ok: false, problems: tidySweepProblems(problems) };

  const file = shape.file;
  const seed = file.seed ?? base.scenario.seed;
  const scenario: Scenario = { ...base.scenario, seed };
  // A base running the person's own code has no built-in to sweep: the sandbox lives in the
  // page's live worker, not in the sweep's workers or threads.
  if (file.strategies === undefined && scenario.strategy === CUSTOM_STRATEGY) {
    problems.push({
      path: 'strategies',
      message:
        'the base runs a custom strategy (your own code), which sweeps do not run; name up to 4 built-in strategies here',
    });
    return { ok: false, problems };
  }
  const strategies = file.strategies ?? [scenario.strategy as StrategyName];
  const values = file.vary.values;
  const runs = strategies.length * values.length * file.replications;
  if (runs > MAX_SWEEP_RUNS) {
    problems.push({
      path: 'replications',
      message: `${strategies.length} strategies × ${values.length} values × ${file.replications} replications is ${fmt(runs)} runs; a sweep may run at most ${fmt(MAX_SWEEP_RUNS)}`,
    });
  }
  const target = resolveField(scenario, file.vary.field, strategies);
  if ('problem' in target) {
    problems.push({ path: 'vary.field', message: target.problem });
    return { ok: false, problems };
  }
  if (problems.length > 0) return { ok: false, problems };

  const variants = buildVariants(scenario, target, file, strategies, problems);
  if (problems.length > 0 || variants === null) return { ok: false, problems };
  const header: SweepHeader = {
    version: 1,
    name: file.name ?? `${base.label} by ${file.vary.field}`,
    base: base.label,
    vary: { field: file.vary.field, values: [...values] },
    strategies: [...strategies],
    replications: file.replications,
    seeds: replicationSeeds(seed, file.replications),
    warmupMs: file.warmupMs,
    durationMs: file.durationMs ?? null,
    requests: file.requests ?? null,
    figures: figuresFor(scenario),
  };
  const fingerprint = fingerprintOf(JSON.stringify({ header, variants }));
  return { ok: true, plan: { header, variants, fingerprint } };
}

/** Every point's scenario, strategy-major; problems go to `problems` (then null). */
function buildVariants(
  base: Scenario,
  target: FieldTarget,
  file: SweepFile,
  strategies: readonly StrategyName[],
  problems: ScenarioProblem[],
): Scenario[] | null {
  const field = file.vary.field;
  const runMs = file.durationMs === undefined ? null : file.warmupMs + file.durationMs;
  const byValue: Scenario[][] = [];
  const pastTraffic = new Set<number>();
  file.vary.values.forEach((value, i) => {
    const path = `vary.values[${i}]`;
    const early = valueProblem(target, value);
    if (early !== null) {
      problems.push({ path, message: early });
      return;
    }
    const row: Scenario[] = [];
    for (const strategy of strategies) {
      const parsed = parseScenario(buildVariant(base, target, value, strategy, runMs));
      if (!parsed.ok) {
        for (const p of parsed.problems) {
          problems.push({
            path,
            message: `${field} ${value} makes an invalid scenario: ${p.path === '' ? '' : `${p.path}: `}${p.message}`,
          });
        }
        return;
      }
      row.push(parsed.scenario);
    }
    const end = rateTrafficEndMs(row[0]!.traffic);
    if (runMs !== null && end !== null && runMs > end) pastTraffic.add(end);
    byValue.push(row);
  });
  if (pastTraffic.size > 0) {
    const end = Math.min(...pastTraffic);
    problems.push({
      path: 'durationMs',
      message: `warmupMs + durationMs (${fmt(runMs!)} ms) runs past the end of the base's traffic at ${fmt(end)} ms, so the runs would measure an emptying pool; extend the base's traffic or shorten the runs`,
    });
  }
  if (problems.length > 0) return null;
  const variants: Scenario[] = [];
  strategies.forEach((_, s) => {
    for (const row of byValue) variants.push(row[s]!);
  });
  return variants;
}
