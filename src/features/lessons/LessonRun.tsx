import { formatCount, formatMs } from '../../lib/format.ts';
import type { RunStep } from './content/types.ts';
import { useLearn } from '../../store/learnStore.ts';
import { LessonRunProgress } from '../../ui/LessonRunProgress.tsx';

/** Props of {@link LessonRun}. */
export interface LessonRunProps {
  readonly step: RunStep;
}

const speedName = (speed: RunStep['speed']) =>
  speed === 'max' ? 'full speed' : speed === 0.5 ? 'half speed' : `${speed}× speed`;

/**
 * Loads the step's scenario afresh and plays it to the end while the learner watches the
 * pictures; then says what the run measured in one line.
 */
export function LessonRun({ step }: LessonRunProps) {
  const running = useLearn((s) => s.running?.owner === 'lesson' && s.running.key === step.scenario);
  const busy = useLearn((s) => s.running !== null);
  const record = useLearn((s) => s.lesson?.runs[step.scenario]);
  const error = useLearn((s) => s.runError);
  const run = useLearn((s) => s.runLesson);
  const skip = useLearn((s) => s.skipToEnd);
  const r = record?.summary;
  return (
    <>
      {step.text.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <div className="learn-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="lesson.run"
          disabled={busy}
          onClick={() => void run(step.scenario, step.speed)}
        >
          {record ? 'Run again' : step.kind === 'try' ? 'Load and run' : 'Run'} (
          {speedName(step.speed)})
        </button>
        {running && (
          <button type="button" className="btn" onClick={() => void skip()}>
            Skip to the end
          </button>
        )}
      </div>
      <div aria-live="polite">
        {running && <LessonRunProgress />}
        {!running && r && (
          <p className="learn-done" data-testid="lesson.runResult">
            Finished: {formatCount(r.requests.total)} requests, {formatCount(r.requests.served)}{' '}
            served, {formatCount(r.requests.rejected)} rejected, p99 {formatMs(r.latencyMs.p99)}.
            Next: what happened.
          </p>
        )}
        {!running && error && <p className="learn-error">{error}</p>}
      </div>
    </>
  );
}
