import type { SandboxErrorInfo } from '../sandboxError.ts';
import type { ExerciseId } from './exerciseCode.ts';

/** One hidden case: what it checked, what was expected and what the code did. */
export interface CaseResult {
  readonly name: string;
  readonly passed: boolean;
  readonly expected: string;
  readonly actual: string;
}

/** Runs one hidden case (each gets fresh copies of the code). */
export type CaseRun = () => CaseResult;

/** The grader's verdict on one exercise. */
export interface GradeReport {
  /** Always true: a report (as against a grading that was refused or stopped). */
  readonly ok: true;
  readonly exercise: ExerciseId;
  /** Every case passed. */
  readonly passed: boolean;
  readonly cases: readonly CaseResult[];
  /** The code did not load (syntax, no selectServer...): no case could run. */
  readonly loadError: SandboxErrorInfo | null;
}

/** "3 of 5 cases passed" and the like. */
export function gradeSummary(report: GradeReport): string {
  if (report.loadError !== null) return `The code did not load: ${report.loadError.message}`;
  const passed = report.cases.filter((c) => c.passed).length;
  const total = report.cases.length;
  if (passed === total) return `All ${total} cases passed.`;
  return `${passed} of ${total} ${total === 1 ? 'case' : 'cases'} passed.`;
}
