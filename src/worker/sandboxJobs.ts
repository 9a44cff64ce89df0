/**
 * The worker's strategy-sandbox work, loaded on demand (a dynamic import from sim.worker.ts), so
 * the worker of a page that never runs the user's code does not carry QuickJS's glue code.
 */
import { EXERCISES, type ExerciseId } from '../sandbox/exercises/catalog.ts';
import { SandboxStrategy } from '../sandbox/sandboxStrategy.ts';
import type { CustomStrategyMaker } from './compareRun.ts';
import { GradingJob } from './gradingJob.ts';
import type { JobRunner } from './jobs.ts';
import type { GradeOutcome, StrategyCheck } from './protocol.ts';
import { quickjsWasmModule } from './quickjsWasm.ts';
import { codeProblem, StrategySandboxes } from './strategySandboxes.ts';

/** QuickJS instances for the user's strategies, compiled on first use. */
export const sandboxes = new StrategySandboxes(quickjsWasmModule);

/**
 * Loads the user's code as strategies on a fresh QuickJS instance (one per run, so a strategy that
 * ran its instance out of memory takes nothing else with it).
 */
export async function customStrategyMaker(): Promise<CustomStrategyMaker> {
  const host = await sandboxes.fresh();
  return (code) => new SandboxStrategy(host.load(code));
}

/** Whether a strategy's code loads, and if not the problem and its line. Never throws. */
export function checkStrategy(code: unknown): Promise<StrategyCheck> {
  return sandboxes.check(code);
}

/** Grades `code` against an exercise's hidden cases as job `job`. Never throws. */
export async function grade(
  jobs: JobRunner,
  job: number,
  exercise: unknown,
  code: unknown,
): Promise<GradeOutcome> {
  if (!EXERCISES.some((e) => e.id === exercise))
    return { ok: false, message: `no exercise called ${JSON.stringify(exercise)}` };
  const refused = codeProblem(code);
  if (refused !== null && !refused.ok) return { ok: false, message: refused.error.message };
  try {
    const host = await sandboxes.fresh();
    return await jobs.run(
      job,
      'grade',
      () => new GradingJob(host, exercise as ExerciseId, code as string),
    );
  } catch (error) {
    return {
      ok: false,
      message: `the strategy sandbox is not available (${(error as Error).message})`,
    };
  }
}
