import { challengeById } from './content/index.ts';
import { useApp } from '../../store/hooks.tsx';
import { ChallengeActions } from './ChallengeActions.tsx';
import { ChallengeChecklist } from './ChallengeChecklist.tsx';
import '../../ui/Controls.css';

/** One challenge: the prompt, the fixed workload, the rules and goals, and the buttons. */
export function ChallengeView() {
  const id = useApp((s) => s.learn.challenge?.id ?? '');
  const leave = useApp((s) => s.learn.leaveChallenge);
  const challenge = challengeById(id);
  if (!challenge) return null;
  return (
    <div className="challenge" data-testid="challenge.view" data-challenge={challenge.id}>
      <div className="lesson-head">
        <h3 className="lesson-title">{challenge.title}</h3>
        <button type="button" className="btn btn-small" onClick={leave}>
          All challenges
        </button>
      </div>
      {challenge.brief.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <h4 className="challenge-section">Workload (fixed: the check puts it back)</h4>
      <ul className="challenge-workload">
        {challenge.workload.description.map((line) => (
          <li key={line}>{line}</li>
        ))}
        <li>No scheduled events; timeouts, retries and other defences off</li>
      </ul>
      <ChallengeChecklist challenge={challenge} />
      <ChallengeActions challenge={challenge} />
    </div>
  );
}
