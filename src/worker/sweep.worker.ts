/**
 * A sweep worker of the page: one of a pool (sweepClient.ts) that runs a sweep's independent runs
 * in parallel. Besides sim.worker.ts, the only place comlink exposes anything. It reads sweep
 * files (loadSweep needs zod, which the page never loads) and executes runs of one plan at a
 * time with the engine's runOne, so a run gives the same figures here, in a Node worker thread
 * and in a test. Nothing here may touch the DOM.
 */
import { expose } from 'comlink';
import type { RunFigures } from '../engine/sweep/figures.ts';
import { loadSweep, type LoadSweepResult } from '../engine/sweep/loadSweep.ts';
import type { SweepPlan } from '../engine/sweep/plan.ts';
import { runOne } from '../engine/sweep/runOne.ts';

let plan: SweepPlan | null = null;

const api = {
  /** Reads a sweep file into a plan, or every problem with its path. Never throws. */
  load(raw: unknown): LoadSweepResult {
    return loadSweep(raw);
  },
  /** Keeps the plan later runs are taken from (sent once per sweep, not once per run). */
  init(next: SweepPlan): void {
    plan = next;
  },
  /** Executes run `index` of the plan given to `init`. */
  run(index: number): RunFigures {
    if (plan === null) throw new Error('the sweep worker was asked for a run before its plan');
    return runOne(plan, index);
  },
};

export type SweepWorkerApi = typeof api;
expose(api);
