import { formatCount, formatMs } from '../../lib/format.ts';
import { countOf } from '../../lib/words.ts';
import type { RunStep } from './content/types.ts';
import { useApp } from '../../store/hooks.tsx';
import { RunProgress } from '../../ui/RunProgress.tsx';

/** Props of {@link LessonRun}. */
export interface LessonRunProps {
  readonly step: RunStep;
}

const speedName = (speed: RunStep['speed']) =>
  speed === 'max' ? 'full speed' : speed === 0.5 ? 'half speed' : `${speed}× speed`;

/**
 * Runs the step's scenario to its end headless in the worker (progress shown, can be stopped) and
 * plays the same run (same setup and seed) in the playground for the learner to watch; then says
 * what the run measured in one line.
 */
export function LessonRun({ step }: LessonRunProps) {
  const record = useApp((s) => s.learn.lesson?.runs[step.scenario]);
  const job = useApp((s) => {
    const running = s.learn.running;
    return running?.owner === 'lesson' && running.key === step.scenario ? running.job : null;
  });
  const running = job !== null;
  const busy = useApp((s) => s.learn.running !== null);
  // The playground plays the same run to watch; it can be sped up while it plays.
  const watching = useApp(
    (s) =>
      s.snapshot !== null &&
      s.snapshot.playing &&
      !s.snapshot.finished &&
      record !== undefined &&
      s.snapshot.setup.name === record.setup.name,
  );
  const error = useApp((s) => s.learn.runError);
  const run = useApp((s) => s.learn.runLesson);
  const skip = useApp((s) => s.learn.skipToEnd);
  const stop = useApp((s) => s.learn.stopRun);
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
        {!running && watching && (
          <button type="button" className="btn" onClick={() => void skip()}>
            Skip to the end
          </button>
        )}
      </div>
      <div aria-live="polite">
        {job && <RunProgress job={job} label="Run progress" onCancel={stop} />}
        {!running && r && (
          <p className="learn-done" data-testid="lesson.runResult">
            Finished: {countOf(r.requests.total, 'request')}, {formatCount(r.requests.served)}{' '}
            served, {formatCount(r.requests.rejected)} rejected, p99 {formatMs(r.latencyMs.p99)}.
            Next: what happened.
          </p>
        )}
        {!running && error && <p className="learn-error">{error}</p>}
      </div>
    </>
  );
}
