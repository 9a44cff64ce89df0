import type { ExerciseId } from '../sandbox/exercises/catalog.ts';
import type { GradeReport } from '../sandbox/exercises/gradeReport.ts';
import type { GradeOutcome, StrategyCheck } from '../worker/protocol.ts';
import { trackJob, type JobState } from './jobTracking.ts';
import type { SimLink } from './simLink.ts';
import { readDrafts, writeDrafts, type StrategyDrafts } from './strategyDrafts.ts';
import type { AppState, PageEnv } from './types.ts';

/** How long typing must pause before the code is checked in the worker's sandbox. */
export const CHECK_DELAY_MS = 400;

/**
 * The code people write: the strategy editor's draft (checked in the sandbox as it is typed, so
 * errors show on their line) and the six exercises' attempts and gradings. Drafts are kept in
 * localStorage as they change. The templates and exercises themselves load with their panels
 * (the store holds only what was typed), so none of that text is in the first screen's script.
 */
export interface StrategyCodeState {
  /** The strategy editor's code; null until edited (the editor then shows a starter template). */
  readonly draft: string | null;
  /** What the sandbox said of the draft as it was when last checked (null: not yet). */
  readonly check: StrategyCheck | null;
  /** The code that `check` is about. */
  readonly checkedCode: string | null;
  readonly exercisesOpen: boolean;
  readonly exercise: ExerciseId | null;
  /** Each exercise's code so far, by id (absent until edited: the starter then). */
  readonly attempts: Readonly<Record<string, string>>;
  /** The grading under way, and how many of its cases are done. */
  readonly grading: JobState | null;
  readonly report: GradeReport | null;
  /** Why the last grading was refused or stopped. */
  readonly gradeError: string | null;
  readonly hintShown: boolean;
  readonly solutionShown: boolean;

  /** Replaces the draft; it is kept at once and checked once typing pauses. */
  setDraft(code: string): void;
  /** Checks `code` in the sandbox now; resolves to the answer (null if the worker is gone). */
  checkNow(code: string): Promise<StrategyCheck | null>;
  setExercisesOpen(open: boolean): void;
  /** Opens an exercise (its last attempt, or its starter), or back to the list with null. */
  openExercise(id: ExerciseId | null): void;
  setAttempt(code: string): void;
  /** Grades `code`, the open exercise's attempt, in the worker. */
  grade(code: string): Promise<void>;
  stopGrading(): void;
  showHint(): void;
  showSolution(): void;
}

export interface StrategyCodeHost {
  readonly get: () => AppState;
  readonly set: (fn: (state: AppState) => Partial<AppState>) => void;
  readonly link: SimLink;
  readonly page: PageEnv;
}

export function strategyCodeSlice({ get, set, link, page }: StrategyCodeHost): StrategyCodeState {
  const patch = (p: Partial<StrategyCodeState>) =>
    set((s) => ({ strategyCode: { ...s.strategyCode, ...p } }));
  const mine = () => get().strategyCode;
  const saved: StrategyDrafts = readDrafts(page);
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Answers to older checks are dropped: only the latest code's answer is shown. */
  let checks = 0;

  const keep = () => {
    const { draft, attempts } = mine();
    writeDrafts(page, { editor: draft, exercises: attempts });
  };

  async function checkNow(code: string): Promise<StrategyCheck | null> {
    const mark = ++checks;
    try {
      const check = await link.call<StrategyCheck>((api) => api.checkStrategy(code));
      if (mark === checks) patch({ check, checkedCode: code });
      return check;
    } catch {
      return null;
    }
  }

  return {
    draft: saved.editor,
    check: null,
    checkedCode: null,
    exercisesOpen: false,
    exercise: null,
    attempts: saved.exercises,
    grading: null,
    report: null,
    gradeError: null,
    hintShown: false,
    solutionShown: false,

    setDraft(code) {
      patch({ draft: code });
      keep();
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void checkNow(code);
      }, CHECK_DELAY_MS);
    },

    checkNow,

    setExercisesOpen(open) {
      patch({ exercisesOpen: open });
    },

    openExercise(id) {
      if (mine().grading !== null) return;
      patch({
        exercise: id,
        report: null,
        gradeError: null,
        hintShown: false,
        solutionShown: false,
      });
    },

    setAttempt(code) {
      const id = mine().exercise;
      if (id === null) return;
      patch({ attempts: { ...mine().attempts, [id]: code } });
      keep();
    },

    async grade(code) {
      const { exercise, grading } = mine();
      if (exercise === null || grading !== null) return;
      patch({ gradeError: null, report: null });
      const outcome = await trackJob<GradeOutcome>(
        link,
        (job, api) => api.grade(job, exercise, code),
        (state) => patch({ grading: state }),
      );
      // The learner may have moved to another exercise while it ran: the report is not theirs.
      if (mine().exercise !== exercise) return patch({ grading: null });
      if (outcome.ok) patch({ grading: null, report: outcome });
      else patch({ grading: null, gradeError: outcome.message });
    },

    stopGrading() {
      const job = mine().grading;
      if (job !== null) void link.call((api) => api.cancelJob(job.id)).catch(() => undefined);
    },

    showHint() {
      patch({ hintShown: true });
    },

    showSolution() {
      patch({ solutionShown: true });
    },
  };
}
