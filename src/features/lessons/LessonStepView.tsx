import { lessonById } from './content/index.ts';
import type { LessonStep } from './content/types.ts';
import { useApp } from '../../store/hooks.tsx';
import { LessonExplain } from './LessonExplain.tsx';
import { LessonPredict } from './LessonPredict.tsx';
import { LessonRun } from './LessonRun.tsx';
import { LessonSetup } from './LessonSetup.tsx';
import '../../ui/Controls.css';

const KIND_NAMES: Record<LessonStep['kind'], string> = {
  setup: 'Set up',
  predict: 'Predict',
  run: 'Run',
  try: 'Try this',
  explain: 'Explain',
};

/** The current step of the lesson in progress, with Back and Next. */
export function LessonStepView() {
  const id = useApp((s) => s.learn.lesson?.id ?? '');
  const index = useApp((s) => s.learn.lesson?.step ?? 0);
  const goTo = useApp((s) => s.learn.goToStep);
  const leave = useApp((s) => s.learn.leaveLesson);
  const lesson = lessonById(id);
  const step = lesson?.steps[index];
  if (!lesson || !step) return null;
  const last = index === lesson.steps.length - 1;

  return (
    <div className="lesson">
      <div className="lesson-head">
        <h3 className="lesson-title">{lesson.title}</h3>
        <button type="button" className="btn btn-small" onClick={leave}>
          All lessons
        </button>
      </div>
      <div className="lesson-step" data-testid="lesson.step" data-step-kind={step.kind}>
        <p className="lesson-where">
          Step {index + 1} of {lesson.steps.length} · {KIND_NAMES[step.kind]}
        </p>
        <h4 className="lesson-step-title">{step.title}</h4>
        {step.kind === 'setup' && <LessonSetup step={step} />}
        {step.kind === 'predict' && <LessonPredict step={step} />}
        {(step.kind === 'run' || step.kind === 'try') && <LessonRun step={step} />}
        {step.kind === 'explain' && <LessonExplain lesson={lesson} step={step} />}
      </div>
      <div className="lesson-nav">
        <button
          type="button"
          className="btn"
          data-testid="lesson.back"
          disabled={index === 0}
          onClick={() => goTo(index - 1)}
        >
          Back
        </button>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="lesson.next"
          onClick={() => (last ? leave() : goTo(index + 1))}
        >
          {last ? 'Finish' : 'Next'}
        </button>
      </div>
    </div>
  );
}
