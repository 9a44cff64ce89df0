/**
 * Compare mode: the current setup run headless once per strategy on the identical workload. Each
 * Simulation draws arrivals, keys and service times from their own streams seeded by the setup's
 * seed, so every column sees the same requests and a difference comes from the strategy alone.
 * Pure TypeScript (no comlink, no worker globals): the worker drives it in slices, tests directly.
 */
import { parseScenario, serializeScenario } from '../engine/scenario/schema.ts';
import type { Scenario } from '../engine/scenario/types.ts';
import { Simulation } from '../engine/simulation.ts';
import {
  CUSTOM_STRATEGY,
  STRATEGY_NAMES,
  type Strategy,
  type StrategyChoice,
} from '../engine/strategies/strategy.ts';
import { summarize } from '../engine/summary.ts';
import { MAX_POINTS, SeriesCollector } from './compareSeries.ts';
import { scenarioEnd } from './headlessRun.ts';
import type { SliceProgress } from './jobs.ts';
import { planWorkload, REQUEST_BUDGET, type WorkloadPlan } from './compareWorkload.ts';
import type { CompareOutcome, CompareResult, CompareVariantResult } from './protocol.ts';
import { spreadOf } from './utilizationSpread.ts';

/** A checked column: its strategy and its complete options. */
interface Variant {
  readonly strategy: StrategyChoice;
  readonly scenario: Scenario;
}

/** Samples each run keeps in its ring buffers; the collector empties them at half this. */
const HISTORY = 600;

type Refusal = { readonly ok: false; readonly message: string };

/** Loads the user's code into a sandbox as a strategy (the worker's, see sandboxJobs.ts). */
export type CustomStrategyMaker = (code: string) => Strategy;

const CHOICES: readonly string[] = [...STRATEGY_NAMES, CUSTOM_STRATEGY];

/** Whether a compare request has a column of the user's code (it then needs the sandbox). */
export function asksForCustom(raw: unknown): boolean {
  return (
    Array.isArray(raw) &&
    raw.some(
      (v) => typeof v === 'object' && v !== null && 'strategy' in v && v.strategy === 'custom',
    )
  );
}

/** Checks what the page sent: 2–4 distinct {strategy, options} valid for this setup. */
export function readVariants(setup: Scenario, raw: unknown): Variant[] | Refusal {
  if (!Array.isArray(raw) || raw.length < 2 || raw.length > 4) {
    const got = Array.isArray(raw) ? `${raw.length}` : typeof raw;
    return { ok: false, message: `compare: choose 2 to 4 strategies (got ${got})` };
  }
  const out: Variant[] = [];
  const seen = new Set<string>();
  for (const [i, item] of raw.entries()) {
    const v = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    if (typeof v.strategy !== 'string' || !CHOICES.includes(v.strategy)) {
      const list = CHOICES.join(', ');
      return { ok: false, message: `compare[${i}].strategy: must be one of ${list}` };
    }
    const options = v.options ?? {};
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      return { ok: false, message: `compare[${i}].options: must be an object` };
    }
    // The schema checks the options exactly as it would in a scenario file.
    // A column of the user's code runs `code` when given (the editor's), else the setup's.
    const code = typeof v.code === 'string' ? v.code : setup.customStrategy?.code;
    const parsed = parseScenario({
      ...serializeScenario(setup),
      ...(code === undefined ? {} : { customStrategy: { code } }),
      strategy: v.strategy,
      strategyOptions: { ...setup.strategyOptions, ...options },
      events: [],
    });
    if (!parsed.ok) {
      const why = parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
      return { ok: false, message: `compare[${i}]: ${why}` };
    }
    const strategy = parsed.scenario.strategy;
    const id = JSON.stringify([strategy, parsed.scenario.strategyOptions, code]);
    if (seen.has(id)) {
      return { ok: false, message: `compare: ${strategy} is listed twice with the same options` };
    }
    seen.add(id);
    out.push({ strategy, scenario: parsed.scenario });
  }
  return out;
}

/** One strategy's run, advanced a slice of events at a time. */
class VariantRun {
  readonly sim: Simulation;
  /** Where this run's traffic and events end (or where the plan stops it, if earlier). */
  readonly endMs: number;
  readonly series = new SeriesCollector();
  done = false;
  /** Set when the run was stopped by the event limit or the horizon with requests in flight. */
  cut: string | null = null;
  private steps = 0;
  private collectAt: number;

  constructor(
    variant: Variant,
    private readonly plan: WorkloadPlan,
    private readonly maxSteps: number,
    makeCustom: CustomStrategyMaker | undefined,
  ) {
    // Strategy switches scheduled in the setup would undo the column's strategy.
    const events = variant.scenario.events.filter((e) => e.action !== 'strategy');
    const scenario: Scenario = {
      ...variant.scenario,
      traffic: plan.traffic,
      events,
      sampleIntervalMs: plan.sampleIntervalMs,
    };
    const code = scenario.strategy === 'custom' ? scenario.customStrategy?.code : undefined;
    const customStrategy =
      code === undefined || makeCustom === undefined ? undefined : () => makeCustom(code);
    this.sim = new Simulation(scenario, {
      logRequests: false,
      historyLength: HISTORY,
      customStrategy,
    });
    this.endMs = Math.min(plan.stopAt, scenarioEnd(scenario));
    this.collectAt = plan.sampleIntervalMs * (HISTORY / 2);
  }

  /** Runs up to `budget` events; returns how many it ran. */
  advance(budget: number): number {
    const sim = this.sim;
    let ran = 0;
    while (ran < budget) {
      if (sim.nextEventTime > this.plan.stopAt || this.steps >= this.maxSteps || !sim.step()) {
        this.finish();
        break;
      }
      ran++;
      this.steps++;
      if (sim.now >= this.collectAt) {
        this.series.collect(sim.metrics);
        this.collectAt = sim.now + this.plan.sampleIntervalMs * (HISTORY / 2);
      }
    }
    return ran;
  }

  private finish(): void {
    const sim = this.sim;
    const { stopAt, capped } = this.plan;
    if (this.steps >= this.maxSteps) {
      this.cut = `the event limit was reached at ${(sim.now / 1000).toFixed(1)} s`;
    } else if (sim.durationMs !== null || capped || sim.inFlight > 0) {
      // A duration (or a cut) ends the run at that time: the last sample intervals close too.
      sim.runUntil(stopAt);
      if (!capped && sim.durationMs === null) this.cut = 'requests were still in flight';
    }
    this.series.collect(sim.metrics);
    this.done = true;
  }
}

/**
 * A comparison in progress. `advance(n)` runs about n events (strategy by strategy) and returns
 * whether it is done; `result()` then gives every column's figures.
 */
export class Comparison {
  private readonly runs: VariantRun[];
  private at = 0;

  constructor(
    private readonly variants: readonly Variant[],
    private readonly plan: WorkloadPlan,
    private readonly droppedStrategyEvents: number,
    makeCustom?: CustomStrategyMaker,
  ) {
    // Far more events than the request budget can need: a stop for runaway retries, not a target.
    const maxSteps = 25 * plan.perVariant + 1_000_000;
    this.runs = variants.map((v) => new VariantRun(v, plan, maxSteps, makeCustom));
  }

  /** Frees the sandboxes of columns in the user's code. */
  dispose(): void {
    for (const run of this.runs) run.sim.dispose();
  }

  advance(budget: number): boolean {
    let left = budget;
    while (left > 0 && this.at < this.runs.length) {
      const run = this.runs[this.at]!;
      left -= run.advance(left);
      if (run.done) this.at++;
      else break;
    }
    return this.at >= this.runs.length;
  }

  /** How far the comparison has got: each strategy's run counts for an equal share. */
  progress(): SliceProgress {
    const n = this.runs.length;
    const run = this.runs[Math.min(this.at, n - 1)]!;
    const own = run.done ? 1 : run.endMs > 0 ? Math.min(1, run.sim.now / run.endMs) : 0;
    const fraction = this.at >= n ? 1 : (this.at + own) / n;
    return { fraction, simulatedMs: run.sim.now, endMs: run.endMs };
  }

  result(): CompareResult {
    const interval = this.plan.sampleIntervalMs;
    const longest = Math.max(...this.runs.map((r) => r.series.length));
    // One merge factor for every column, so their points cover the same intervals.
    const merge = Math.max(1, Math.ceil(longest / MAX_POINTS));
    const variants: CompareVariantResult[] = this.runs.map((run, i) => {
      const summary = summarize(run.sim);
      const utilization = Float64Array.from(summary.servers, (s) => s.utilization);
      return {
        strategy: this.variants[i]!.strategy,
        options: this.variants[i]!.scenario.strategyOptions,
        summary,
        series: run.series.finish(merge, interval),
        utilization,
        spread: spreadOf(utilization),
        endMs: run.sim.now,
      };
    });
    const cut = this.runs.find((r) => r.cut !== null);
    const capped =
      this.plan.capped ??
      (cut ? { atMs: Math.max(...variants.map((v) => v.endMs)), reason: cut.cut! } : null);
    const first = this.variants[0]!.scenario;
    return {
      ok: true,
      variants,
      workload: {
        scenarioName: first.name,
        seed: first.seed,
        liveRate: this.plan.liveRate,
        droppedStrategyEvents: this.droppedStrategyEvents,
        pointMs: interval * merge,
        mergedIntervals: merge,
      },
      capped,
    };
  }
}

/** Checks the request and plans the workload; a refusal says why. */
export function startComparison(
  setup: Scenario,
  liveRatePerSec: number,
  rawVariants: unknown,
  requestBudget = REQUEST_BUDGET,
  makeCustom?: CustomStrategyMaker,
): Comparison | Refusal {
  const variants = readVariants(setup, rawVariants);
  if (!Array.isArray(variants)) return variants;
  const plan = planWorkload(setup, liveRatePerSec, variants.length, requestBudget);
  if ('ok' in plan) return plan;
  const dropped = setup.events.filter((e) => e.action === 'strategy').length;
  return new Comparison(variants, plan, dropped, makeCustom);
}

/**
 * Runs a comparison in slices of `slice` events, awaiting `pause()` between them so the worker's
 * live run keeps going meanwhile. Never throws: a refusal or a failure comes back as a message.
 */
export async function runComparisonInSlices(
  setup: Scenario,
  liveRatePerSec: number,
  rawVariants: unknown,
  pause: () => Promise<void>,
  slice = 20_000,
  requestBudget = REQUEST_BUDGET,
): Promise<CompareOutcome> {
  try {
    const c = startComparison(setup, liveRatePerSec, rawVariants, requestBudget);
    if (!(c instanceof Comparison)) return c;
    while (!c.advance(slice)) await pause();
    return c.result();
  } catch (e) {
    return { ok: false, message: `compare: the simulation failed (${(e as Error).message})` };
  }
}

/** Runs a whole comparison at once (tests, the CLI); never throws. */
export function runComparison(
  setup: Scenario,
  liveRatePerSec: number,
  rawVariants: unknown,
  requestBudget = REQUEST_BUDGET,
): CompareOutcome {
  try {
    const c = startComparison(setup, liveRatePerSec, rawVariants, requestBudget);
    if (!(c instanceof Comparison)) return c;
    while (!c.advance(1_000_000));
    return c.result();
  } catch (e) {
    return { ok: false, message: `compare: the simulation failed (${(e as Error).message})` };
  }
}

/** The buffers of a result's typed arrays, to transfer rather than copy. */
export function compareTransferables(outcome: CompareOutcome): ArrayBuffer[] {
  if (!outcome.ok) return [];
  return outcome.variants.flatMap((v) => [
    ...Object.values(v.series)
      .filter((a): a is Float64Array => a instanceof Float64Array)
      .map((a) => a.buffer),
    v.utilization.buffer,
  ]) as ArrayBuffer[];
}
