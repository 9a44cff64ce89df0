import type { JobState } from '../store/jobTracking.ts';
import { progressText } from './progressText.ts';
import './RunProgress.css';

/** Props of {@link RunProgress}. */
export interface RunProgressProps {
  readonly job: JobState;
  /** Names the bar for assistive technology, e.g. "Check progress". */
  readonly label: string;
  /** Stops the job; the button is shown when given. */
  readonly onCancel?: () => void;
  readonly testId?: string;
}

/**
 * How far a headless job (a lesson run, a challenge check, a comparison) has got, in percent of
 * its simulated time, with a button that stops it. Shared by lessons, challenges and compare.
 */
export function RunProgress({ job, label, onCancel, testId }: RunProgressProps) {
  return (
    <div className="run-progress" data-testid={testId}>
      <progress max={1} value={job.fraction} aria-label={label} />
      <span className="run-progress-text">{progressText(job)}</span>
      {onCancel && (
        <button type="button" className="btn" data-testid="run.cancel" onClick={onCancel}>
          Stop
        </button>
      )}
    </div>
  );
}
