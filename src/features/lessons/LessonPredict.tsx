import type { PredictStep } from './content/types.ts';
import { useApp } from '../../store/hooks.tsx';

/** Props of {@link LessonPredict}. */
export interface LessonPredictProps {
  readonly step: PredictStep;
}

/**
 * The prediction question as a radio group. Nothing blocks a wrong answer; the choice is locked
 * once a run has finished, so the verdict compares a real prediction with what happened.
 */
export function LessonPredict({ step }: LessonPredictProps) {
  const choice = useApp((s) => s.learn.lesson?.choice ?? null);
  const locked = useApp((s) => Object.keys(s.learn.lesson?.runs ?? {}).length > 0);
  const choose = useApp((s) => s.learn.choose);
  return (
    <fieldset className="lesson-predict">
      <legend>{step.question}</legend>
      {step.choices.map((c) => (
        <label key={c.id} className={`lesson-choice ${choice === c.id ? 'is-chosen' : ''}`}>
          <input
            type="radio"
            name="lesson-prediction"
            value={c.id}
            data-testid="lesson.choice"
            data-choice={c.id}
            checked={choice === c.id}
            disabled={locked}
            onChange={() => choose(c.id)}
          />
          {c.label}
        </label>
      ))}
      <p className="learn-note">
        {locked
          ? 'Locked in: the run has happened. The explanation says whether it matched.'
          : 'Pick one before you run it; afterwards the page says whether it matched.'}
      </p>
    </fieldset>
  );
}
