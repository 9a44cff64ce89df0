import type { Challenge } from './content/types.ts';
import { useLearn } from '../../store/learnStore.ts';
import { LessonRunProgress } from '../../ui/LessonRunProgress.tsx';

/** Props of {@link ChallengeActions}. */
export interface ChallengeActionsProps {
  readonly challenge: Challenge;
}

/** Check my setup, the hint and "Show me", with the verdict of the last check. */
export function ChallengeActions({ challenge }: ChallengeActionsProps) {
  const checking = useLearn((s) => s.running?.owner === 'challenge');
  const busy = useLearn((s) => s.running !== null);
  const error = useLearn((s) => s.runError);
  const result = useLearn((s) => s.challenge?.result ?? null);
  const hintShown = useLearn((s) => s.challenge?.hintShown ?? false);
  const solutionLoaded = useLearn((s) => s.challenge?.solutionLoaded ?? false);
  const check = useLearn((s) => s.checkChallenge);
  const showHint = useLearn((s) => s.showHint);
  const showSolution = useLearn((s) => s.showSolution);
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
        {checking && <LessonRunProgress />}
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
