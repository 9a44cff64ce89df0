import type { ScenarioProblem } from '../engine/scenario/problems.ts';
import { serializeScenario } from '../engine/scenario/serialize.ts';
import type { StrategyName } from '../engine/strategies/strategy.ts';
import type { FigureName, RunFigures } from '../engine/sweep/figures.ts';
import { allRuns, type SweepPlan } from '../engine/sweep/plan.ts';
import { assembleResult, pointsSoFar, type SweepPoint } from '../engine/sweep/results.ts';
import type { SweepResult } from '../engine/sweep/results.ts';
import type { SweepRunner } from '../worker/sweepClient.ts';
import type { AppState } from './types.ts';

/** Most strategies one sweep draws (more lines than this no longer read as a picture). */
export const MAX_SWEEP_STRATEGIES = 4;

/**
 * What the sweep form says, before it becomes a sweep file (features/sweep/sweepDraft.ts turns
 * it into one). `base` null: the playground's current setup.
 */
export interface SweepDraft {
  readonly name: string;
  /** The built-in sweep the draft started from, or null. */
  readonly presetId: string | null;
  /** A scenario object (a preset's base) or null for the playground's current setup. */
  readonly base: unknown;
  readonly field: string;
  /** range: `steps` values evenly from `start` to `stop`; list: the numbers in `list`. */
  readonly valuesMode: 'range' | 'list';
  readonly start: number;
  readonly stop: number;
  readonly steps: number;
  readonly list: string;
  readonly strategies: readonly StrategyName[];
  readonly replications: number;
  readonly warmupMs: number;
  readonly durationMs: number;
  /** A latency objective drawn as a line on latency charts, or null. */
  readonly sloMs: number | null;
}

/** A sweep running in the pool. */
export interface SweepJob {
  readonly done: number;
  readonly total: number;
  /** performance.now() when it started, for the time left. */
  readonly startedAt: number;
  /** performance.now() when `done` was last updated. */
  readonly updatedAt: number;
  /** Whether Stop was pressed (runs in progress still finish). */
  readonly stopping: boolean;
}

export interface SweepState {
  readonly draft: SweepDraft;
  readonly job: SweepJob | null;
  /** The sweep file of the sweep shown (for export and share), its plan and its points so far. */
  readonly file: unknown;
  readonly plan: SweepPlan | null;
  readonly points: readonly SweepPoint[];
  /** The whole results, once every run has finished. */
  readonly result: SweepResult | null;
  /** Whether the sweep shown was stopped before its end. */
  readonly cancelled: boolean;
  /** Problems with the sweep file, each with its path. */
  readonly problems: readonly ScenarioProblem[];
  /** Why the last sweep failed. */
  readonly error: string | null;
  /** Workers a sweep runs on (0 until the pool is started). */
  readonly workers: number;
  /** The figure the chart draws, and whether its y axis is logarithmic. */
  readonly view: { readonly figure: FigureName; readonly log: boolean };
  setView(patch: Partial<SweepState['view']>): void;
  setDraft(patch: Partial<SweepDraft>): void;
  /** Reads `file` in a worker and runs it on the pool, streaming points in. */
  run(file: unknown): Promise<void>;
  /** Hands out no more runs; those in progress finish and are kept. */
  cancel(): void;
  /** Loads point `point` of the sweep shown (replication 1's seed) into the playground. */
  openPoint(point: number): Promise<void>;
}

export interface SweepHost {
  readonly get: () => AppState;
  readonly set: (fn: (state: AppState) => Partial<AppState>) => void;
  /** The pool, started on first use; undefined where the page has no sweep workers. */
  readonly runner: (() => Promise<SweepRunner>) | undefined;
  readonly nextFrame: (callback: (now: number) => void) => void;
  readonly now: () => number;
}

/** The form as it opens: the knee on the playground's setup, until a preset is picked. */
export const INITIAL_DRAFT: SweepDraft = {
  name: 'Latency against load',
  presetId: null,
  base: null,
  field: 'load',
  valuesMode: 'range',
  start: 0.1,
  stop: 0.9,
  steps: 5,
  list: '',
  strategies: ['random', 'least-connections'],
  replications: 3,
  warmupMs: 2_000,
  durationMs: 10_000,
  sloMs: null,
};

/** The sweep slice: latency (and the rest) against one varied number, on a pool of workers. */
export function sweepSlice({ get, set, runner, nextFrame, now }: SweepHost): SweepState {
  const patch = (p: Partial<SweepState>) => set((s) => ({ sweep: { ...s.sweep, ...p } }));
  const mine = () => get().sweep;
  let stopRequested = false;

  return {
    draft: INITIAL_DRAFT,
    job: null,
    file: null,
    plan: null,
    points: [],
    result: null,
    cancelled: false,
    problems: [],
    error: null,
    workers: 0,
    view: { figure: 'meanMs', log: false },

    setView(p) {
      patch({ view: { ...mine().view, ...p } });
    },

    setDraft(p) {
      patch({ draft: { ...mine().draft, ...p } });
    },

    async run(file) {
      if (mine().job) return;
      if (runner === undefined) {
        patch({ error: 'Sweeps need Web Workers, which this page could not start.' });
        return;
      }
      patch({ error: null, problems: [] });
      let pool: SweepRunner;
      let loaded;
      try {
        pool = await runner();
        loaded = await pool.load(file);
      } catch (e) {
        patch({ error: `The sweep workers stopped: ${(e as Error).message}` });
        return;
      }
      if (!loaded.ok) {
        patch({ problems: loaded.problems });
        return;
      }
      const { plan } = loaded;
      const runs = allRuns(plan.header);
      const figures: (RunFigures | undefined)[] = [];
      stopRequested = false;
      patch({
        file,
        plan,
        points: [],
        result: null,
        cancelled: false,
        workers: pool.size,
        job: { done: 0, total: runs.length, startedAt: now(), updatedAt: now(), stopping: false },
      });
      // Runs finish many times a second: the points are rebuilt at most once per frame.
      let framePending = false;
      let done = 0;
      const publish = () => {
        framePending = false;
        const job = mine().job;
        if (job === null) return;
        patch({
          points: pointsSoFar(plan.header, figures),
          job: { ...job, done, updatedAt: now() },
        });
      };
      try {
        const outcome = await pool.run(plan, runs, {
          cancelled: () => stopRequested,
          onRun: (r) => {
            figures[r.index] = r.figures;
            done = r.done;
            if (!framePending) {
              framePending = true;
              nextFrame(publish);
            }
          },
        });
        const complete = !outcome.cancelled;
        patch({
          job: null,
          points: pointsSoFar(plan.header, outcome.figures),
          result: complete ? assembleResult(plan.header, outcome.figures) : null,
          cancelled: outcome.cancelled,
        });
      } catch (e) {
        patch({
          job: null,
          points: pointsSoFar(plan.header, figures),
          error: `The sweep stopped: ${(e as Error).message}`,
        });
      }
    },

    cancel() {
      const { job } = mine();
      if (job === null) return;
      stopRequested = true;
      patch({ job: { ...job, stopping: true } });
    },

    async openPoint(point) {
      const { plan } = mine();
      const variant = plan?.variants[point];
      if (plan === undefined || plan === null || variant === undefined) return;
      const scenario = { ...variant, seed: plan.header.seeds[0] ?? variant.seed };
      const { vary } = plan.header;
      const value = vary.values[point % vary.values.length];
      await get().loadScenario(
        serializeScenario(scenario),
        `Sweep point (${variant.strategy}, ${vary.field} ${value})`,
      );
    },
  };
}
