/**
 * Grades a strategy against an exercise's hidden cases, in the sandbox. Runs where the sandbox can
 * (the worker, the CLI, tests), never in the page.
 */
import type { SandboxHost } from '../sandboxHost.ts';
import { SandboxError } from '../sandboxError.ts';
import type { ExerciseId } from './exerciseCode.ts';
import {
  gradeLatencyAware,
  gradeLeastConnections,
  gradeRoundRobin,
  gradeWeightedRoundRobin,
} from './exactGraders.ts';
import type { CaseRun, GradeReport } from './gradeReport.ts';
import { gradeConsistentHashing, gradePowerOfTwoChoices } from './propertyGraders.ts';

const GRADERS: Record<ExerciseId, (host: SandboxHost, code: string) => CaseRun[]> = {
  'round-robin': gradeRoundRobin,
  'least-connections': gradeLeastConnections,
  'weighted-round-robin': gradeWeightedRoundRobin,
  'power-of-two-choices': gradePowerOfTwoChoices,
  'consistent-hashing': gradeConsistentHashing,
  'latency-aware': gradeLatencyAware,
};

/**
 * The exercise's hidden cases for `code`, to run one at a time; or the report of a load error when
 * the code does not even load (then no case can run).
 */
export function gradingCases(
  host: SandboxHost,
  id: ExerciseId,
  code: string,
): CaseRun[] | GradeReport {
  try {
    host.load(code).dispose();
  } catch (error) {
    if (!(error instanceof SandboxError)) throw error;
    return { ok: true, exercise: id, passed: false, cases: [], loadError: error.toJSON() };
  }
  return GRADERS[id](host, code);
}

/** Every case of the exercise, each with what was expected and what the code did. */
export function gradeExercise(host: SandboxHost, id: ExerciseId, code: string): GradeReport {
  const runs = gradingCases(host, id, code);
  if (!Array.isArray(runs)) return runs;
  const cases = runs.map((run) => run());
  return { ok: true, exercise: id, passed: cases.every((c) => c.passed), cases, loadError: null };
}
