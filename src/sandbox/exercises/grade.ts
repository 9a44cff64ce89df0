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
import type { CaseResult, GradeReport } from './gradeReport.ts';
import { gradeConsistentHashing, gradePowerOfTwoChoices } from './propertyGraders.ts';

const GRADERS: Record<ExerciseId, (host: SandboxHost, code: string) => CaseResult[]> = {
  'round-robin': gradeRoundRobin,
  'least-connections': gradeLeastConnections,
  'weighted-round-robin': gradeWeightedRoundRobin,
  'power-of-two-choices': gradePowerOfTwoChoices,
  'consistent-hashing': gradeConsistentHashing,
  'latency-aware': gradeLatencyAware,
};

/** Every case of the exercise, each with what was expected and what the code did. */
export function gradeExercise(host: SandboxHost, id: ExerciseId, code: string): GradeReport {
  try {
    host.load(code).dispose();
  } catch (error) {
    if (!(error instanceof SandboxError)) throw error;
    return { exercise: id, passed: false, cases: [], loadError: error.toJSON() };
  }
  const cases = GRADERS[id](host, code);
  return { exercise: id, passed: cases.every((c) => c.passed), cases, loadError: null };
}
