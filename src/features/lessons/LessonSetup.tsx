import type { SetupStep } from './content/types.ts';
import { useApp } from '../../store/hooks.tsx';

/** Props of {@link LessonSetup}. */
export interface LessonSetupProps {
  readonly step: SetupStep;
}

/** Describes the lesson's setup (already loaded) and offers to load it again. */
export function LessonSetup({ step }: LessonSetupProps) {
  const load = useApp((s) => s.learn.loadLessonSetup);
  return (
    <>
      {step.text.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <p className="learn-note">
        The setup is loaded: look around the servers and the strategy. Undo in the toolbar brings
        your own setup back.
      </p>
      <button type="button" className="btn btn-small" onClick={() => void load(step.scenario)}>
        Load this setup again
      </button>
    </>
  );
}
