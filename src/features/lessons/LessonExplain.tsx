import { verdictOf } from './content/index.ts';
import type { ExplainStep, Lesson } from './content/types.ts';
import { useApp } from '../../store/hooks.tsx';

/** Props of {@link LessonExplain}. */
export interface LessonExplainProps {
  readonly lesson: Lesson;
  readonly step: ExplainStep;
}

const VERDICT_MARK = { match: '✓', miss: '✗', unanswered: '•' } as const;

/**
 * What happened, told with the finished runs' own numbers, and (on the verdict step) whether the
 * learner's prediction matched. While a run it needs is missing, it points back to it.
 */
export function LessonExplain({ lesson, step }: LessonExplainProps) {
  const runs = useApp((s) => s.learn.lesson?.runs);
  const choice = useApp((s) => s.learn.lesson?.choice ?? null);
  const goTo = useApp((s) => s.learn.goToStep);
  if (!runs) return null;
  const missing = step.needs.find((key) => !runs[key]);
  if (missing !== undefined) {
    const at = lesson.steps.findIndex(
      (s) => (s.kind === 'run' || s.kind === 'try') && s.scenario === missing,
    );
    return (
      <p className="learn-note" data-testid="lesson.explanation" data-ready="false">
        This explanation reads the run&apos;s numbers, and that run has not finished yet.{' '}
        {at >= 0 && (
          <button type="button" className="btn btn-small" onClick={() => goTo(at)}>
            Go to step {at + 1}
          </button>
        )}
      </p>
    );
  }
  const verdict = step.verdict ? verdictOf(lesson, choice, runs) : null;
  return (
    <>
      {verdict && verdict.state !== 'pending' && (
        <p
          className={`lesson-verdict is-${verdict.state}`}
          data-testid="lesson.verdict"
          data-outcome={verdict.state}
        >
          <span aria-hidden="true">{VERDICT_MARK[verdict.state]} </span>
          {verdict.text}
        </p>
      )}
      <div className="lesson-explanation" data-testid="lesson.explanation" data-ready="true">
        {step.explain(runs).map((p) => (
          <p key={p}>{p}</p>
        ))}
      </div>
    </>
  );
}
