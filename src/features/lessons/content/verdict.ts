import type { Lesson, LessonRuns, PredictStep } from './types.ts';

/** How the learner's prediction compares with what the runs showed. */
export type Verdict =
  /** The runs the question needs have not all finished. */
  | { readonly state: 'pending'; readonly text: string }
  | {
      readonly state: 'match' | 'miss' | 'unanswered';
      readonly text: string;
      /** The choice that describes what happened. */
      readonly actual: string;
    };

/** The lesson's prediction question, if it has one. */
export function predictStep(lesson: Lesson): PredictStep | undefined {
  return lesson.steps.find((s): s is PredictStep => s.kind === 'predict');
}

/** Compares the learner's choice with the choice the runs bear out. */
export function verdictOf(lesson: Lesson, choice: string | null, runs: LessonRuns): Verdict | null {
  const step = predictStep(lesson);
  if (!step) return null;
  const actualId = step.outcome(runs);
  const label = (id: string | null) => step.choices.find((c) => c.id === id)?.label ?? id ?? '';
  if (actualId === null)
    return { state: 'pending', text: 'Run the scenario to see how your prediction turned out.' };
  const actual = label(actualId);
  if (choice === null)
    return {
      state: 'unanswered',
      actual: actualId,
      text: `You made no prediction. What happened: “${actual}”.`,
    };
  if (choice === actualId)
    return {
      state: 'match',
      actual: actualId,
      text: `You predicted “${label(choice)}”, and that is what happened.`,
    };
  return {
    state: 'miss',
    actual: actualId,
    text: `You predicted “${label(choice)}”. What happened instead: “${actual}”.`,
  };
}
