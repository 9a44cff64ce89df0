import { CHALLENGES } from './content/index.ts';
import { useApp } from '../../store/hooks.tsx';

/** The list of challenges, each with a button that opens it. */
export function ChallengePicker() {
  const start = useApp((s) => s.learn.startChallenge);
  return (
    <div data-testid="challenge.picker">
      <p className="learn-note">
        Opening a challenge loads its starting setup. Undo in the toolbar brings yours back.
      </p>
      <ol className="learn-list">
        {CHALLENGES.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className="learn-pick"
              data-testid="challenge.start"
              data-challenge={c.id}
              onClick={() => void start(c.id)}
            >
              <span className="learn-pick-title">{c.title}</span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
