import type { ExerciseId } from '../sandbox/exercises/exerciseCode.ts';
import { gradingCases } from '../sandbox/exercises/grade.ts';
import type { CaseResult, CaseRun, GradeReport } from '../sandbox/exercises/gradeReport.ts';
import type { SandboxHost } from '../sandbox/sandboxHost.ts';
import type { SlicedJob, SliceProgress } from './jobs.ts';

/**
 * Grading an exercise as a headless job: one hidden case per slice (each runs a few thousand picks
 * in the sandbox, tens of milliseconds), so the live run keeps moving and a cancel is heard
 * between cases. Progress counts cases, not simulated time.
 */
export class GradingJob implements SlicedJob<GradeReport> {
  private readonly runs: CaseRun[];
  private readonly done: CaseResult[] = [];
  private readonly early: GradeReport | null;

  constructor(
    host: SandboxHost,
    private readonly exercise: ExerciseId,
    code: string,
  ) {
    const cases = gradingCases(host, exercise, code);
    this.runs = Array.isArray(cases) ? cases : [];
    this.early = Array.isArray(cases) ? null : cases;
  }

  advance(): boolean {
    const next = this.runs[this.done.length];
    if (next !== undefined) this.done.push(next());
    return this.done.length >= this.runs.length;
  }

  progress(): SliceProgress {
    const total = Math.max(1, this.runs.length);
    return { fraction: this.done.length / total, simulatedMs: this.done.length, endMs: total };
  }

  result(): GradeReport {
    if (this.early !== null) return this.early;
    const cases = this.done;
    return {
      ok: true,
      exercise: this.exercise,
      passed: cases.every((c) => c.passed),
      cases,
      loadError: null,
    };
  }
}
