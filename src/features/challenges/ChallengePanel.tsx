import { CHALLENGES } from './content/index.ts';
import { useApp } from '../../store/hooks.tsx';
import { ChallengePicker } from './ChallengePicker.tsx';
import { ChallengeView } from './ChallengeView.tsx';
import { PanelDisclosure } from '../../ui/PanelDisclosure.tsx';
import './ChallengePanel.css';

/**
 * Interview practice: a challenge with a fixed workload, rules for the setup and goals the page
 * checks by running the learner's setup. Closed to one line until opened.
 */
export function ChallengePanel() {
  const open = useApp((s) => s.learn.challengesOpen);
  const setOpen = useApp((s) => s.learn.setChallengesOpen);
  const active = useApp((s) => s.learn.challenge !== null);
  return (
    <section className="panel learn-panel" aria-labelledby="challenges-title">
      <PanelDisclosure
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
