import { CHALLENGES } from './content/index.ts';
import { useLearn } from '../../store/learnStore.ts';
import { ChallengePicker } from './ChallengePicker.tsx';
import { ChallengeView } from './ChallengeView.tsx';
import { LessonDisclosure } from '../../ui/LessonDisclosure.tsx';
import './ChallengePanel.css';

/**
 * Interview practice: a challenge with a fixed workload, rules for the setup and goals the page
 * checks by running the learner's setup. Closed to one line until opened.
 */
export function ChallengePanel() {
  const open = useLearn((s) => s.challengesOpen);
  const setOpen = useLearn((s) => s.setChallengesOpen);
  const active = useLearn((s) => s.challenge !== null);
  return (
    <section className="panel learn-panel" aria-labelledby="challenges-title">
      <LessonDisclosure
        id="challenges-title"
        title="Interview practice"
        hint={`${CHALLENGES.length} challenges`}
        open={open}
        onToggle={setOpen}
        controls="challenges-body"
        testId="challenge.toggle"
      />
      <div id="challenges-body" hidden={!open}>
        {open && (active ? <ChallengeView /> : <ChallengePicker />)}
      </div>
    </section>
  );
}
