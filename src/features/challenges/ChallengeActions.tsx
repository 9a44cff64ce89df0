import type { Challenge } from './content/types.ts';
import { useApp } from '../../store/hooks.tsx';
import { RunProgress } from '../../ui/RunProgress.tsx';

/** Props of {@link ChallengeActions}. */
export interface ChallengeActionsProps {
  readonly challenge: Challenge;
}

/** Check my setup, the hint and "Show me", with the verdict of the last check. */
export function ChallengeActions({ challenge }: ChallengeActionsProps) {
  const job = useApp((s) => (s.learn.running?.owner === 'challenge' ? s.learn.running.job : null));
  const checking = job !== null;
  const stop = useApp((s) => s.learn.stopRun);
  const busy = useApp((s) => s.learn.running !== null);
  const error = useApp((s) => s.learn.runError);
  const result = useApp((s) => s.learn.challenge?.result ?? null);
  const hintShown = useApp((s) => s.learn.challenge?.hintShown ?? false);
  const solutionLoaded = useApp((s) => s.learn.challenge?.solutionLoaded ?? false);
  const check = useApp((s) => s.learn.checkChallenge);
  const showHint = useApp((s) => s.learn.showHint);
  const showSolution = useApp((s) => s.learn.showSolution);
  const missed = result
    ? [...result.constraints, ...result.goals].filter((r) => !r.pass).length
    : 0;

  return (
    <>
      <div className="learn-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="challenge.check"
          disabled={busy}
          onClick={() => void check()}
        >
          Check my setup
        </button>
        <button
          type="button"
          className="btn"
          data-testid="challenge.hint"
          aria-expanded={hintShown}
          aria-controls="challenge-hint"
          onClick={showHint}
        >
          Hint
        </button>
        <button
          type="button"
          className="btn"
          data-testid="challenge.showMe"
          disabled={busy}
          onClick={() => void showSolution()}
        >
          Show me
        </button>
      </div>
      <p className="learn-note">
        Edit the servers, strategy and cache as you like, then check: the page runs your setup at
        full speed under the fixed workload.
      </p>
      {hintShown && (
        <p id="challenge-hint" className="challenge-hint" data-testid="challenge.hintText">
          Hint: {challenge.hint}
        </p>
      )}
      {solutionLoaded && (
        <p className="challenge-solution" data-testid="challenge.solution">
          Loaded a solution: {challenge.solutionNote} Press Check my setup to see it pass; Undo
          brings your own setup back.
        </p>
      )}
      <div aria-live="polite">
        {job && <RunProgress job={job} label="Check progress" onCancel={stop} />}
        {!checking && result && (
          <p
            className={`challenge-result is-${result.pass ? 'pass' : 'fail'}`}
            data-testid="challenge.result"
            data-outcome={result.pass ? 'pass' : 'fail'}
          >
            {result.pass
              ? '✓ Passed: every rule kept and every goal met.'
              : `✗ Not yet: ${missed} of ${result.constraints.length + result.goals.length} checks failed.`}
          </p>
        )}
        {!checking && error && <p className="learn-error">{error}</p>}
      </div>
    </>
  );
}
