import { useEffect, useRef, type ReactNode } from 'react';
import { STRATEGY_INFO } from '../../engine/strategies/index.ts';
import { focusTarget } from '../../lib/focusTarget.ts';
import { useApp } from '../../store/hooks.tsx';
import { GUIDE_STEPS } from '../../store/viewSlice.ts';
import { setupPhrase, trafficPhrase, whatHappened } from './guideText.ts';
import './Guide.css';

const TITLES = ['What you see', 'Press Play', 'What just happened', 'Where to go next'];
/** Each step's body, in order (GUIDE_STEPS of them). */
const BODIES = [SeeStep, PlayStep, HappenedStep, NextStep];

/**
 * The first-run guide: four short steps from what the picture shows, through a run, to where to
 * go next. It sits above the flow picture and blocks nothing (Play, the servers, everything
 * stays usable); "Skip" or "Done" closes it for good and the "?" button brings it back.
 */
export function GuideCard() {
  const step = useApp((s) => s.view.guideStep);
  const setStep = useApp((s) => s.view.setGuideStep);
  const close = useApp((s) => s.view.closeGuide);
  const opened = useApp((s) => s.view.guideOpen);
  const heading = useRef<HTMLHeadingElement>(null);

  // Opened by the "?" button: focus comes here. On a first visit it opens by itself and
  // leaves focus where it is (the skip links come first).
  useEffect(() => {
    if (opened) heading.current?.focus();
  }, [opened, step]);

  function finish(): void {
    close();
    focusTarget('[data-testid="help.guide"]');
  }

  const last = step === GUIDE_STEPS - 1;
  const Body = BODIES[step] ?? SeeStep;
  return (
    <section className="panel guide" aria-labelledby="guide-title" data-testid="guide">
      <div className="guide-head">
        <h2 id="guide-title">
          Getting started{' '}
          <span className="guide-count">
            · step {step + 1} of {GUIDE_STEPS}
          </span>
        </h2>
        <button type="button" className="btn btn-small" data-testid="guide.close" onClick={finish}>
          {last ? 'Close' : 'Skip the guide'}
        </button>
      </div>
      <h3 className="guide-title" ref={heading} tabIndex={-1} data-testid="guide.step">
        {TITLES[step]}
      </h3>
      <div className="guide-body">
        <Body />
      </div>
      <div className="guide-nav">
        <button
          type="button"
          className="btn"
          disabled={step === 0}
          onClick={() => setStep(step - 1)}
        >
          Back
        </button>
        <span className="guide-dots" aria-hidden="true">
          {Array.from({ length: GUIDE_STEPS }, (_, i) => (
            <span key={i} className={i === step ? 'guide-dot is-current' : 'guide-dot'} />
          ))}
        </span>
        {last ? (
          <button
            type="button"
            className="btn btn-primary"
            data-testid="guide.done"
            onClick={finish}
          >
            Done
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-primary"
            data-testid="guide.next"
            onClick={() => setStep(step + 1)}
          >
            Next
          </button>
        )}
      </div>
    </section>
  );
}

function SeeStep() {
  const setup = useApp((s) => s.snapshot?.setup ?? null);
  if (!setup) return <p>Loading the simulation…</p>;
  return (
    <>
      <p>
        A load balancer at work. Clients on the left send requests; the balancer in the middle picks
        a server for each with its strategy, here{' '}
        <strong>{STRATEGY_INFO[setup.strategy].label}</strong>; each server on the right works on a
        few requests at once. A request nobody can take lands in the ✕ bin under the balancer.
      </p>
      <p>
        This setup, “{setup.name}”, has {setupPhrase(setup)}, and its traffic is{' '}
        {trafficPhrase(setup)}.
      </p>
    </>
  );
}

function PlayStep() {
  const playing = useApp((s) => s.snapshot?.playing ?? false);
  const over = useApp((s) => s.snapshot?.pausedAtEnd ?? false);
  const play = useApp((s) => s.play);
  const setStep = useApp((s) => s.view.setGuideStep);
  return (
    <>
      <p>
        Press Play (or Space) and watch each request travel as a dot to the server that got it. The
        run pauses itself once its traffic is over and every request has ended.
      </p>
      <div className="guide-actions" aria-live="polite">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="guide.play"
          disabled={playing}
          onClick={() => void play()}
        >
          <span aria-hidden="true">▶</span> Play
        </button>
        {over && <Action onClick={() => setStep(2)}>It is over: see what happened →</Action>}
      </div>
    </>
  );
}

function HappenedStep() {
  const summary = useApp((s) => s.snapshot?.summary ?? null);
  const setup = useApp((s) => s.snapshot?.setup ?? null);
  const lines = summary && setup ? whatHappened(summary, setup) : [];
  if (lines.length === 0)
    return (
      <p>
        Nothing has run yet: go back one step and press Play. This step then explains the run with
        its own numbers.
      </p>
    );
  return (
    <>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <p className="guide-aside">
        The run summary (right) and the event log (below) hold the same numbers, line by line.
      </p>
    </>
  );
}

function NextStep() {
  const openLessons = useApp((s) => s.learn.setLessonsOpen);
  const openChallenges = useApp((s) => s.learn.setChallengesOpen);
  const openShortcuts = useApp((s) => s.view.setShortcutsOpen);
  return (
    <>
      <p>Three ways on from here:</p>
      <ul className="guide-next">
        <li>
          <Action
            onClick={() => {
              openLessons(true);
              focusTarget('#lessons-title');
            }}
          >
            Lessons
          </Action>{' '}
          walk you through predicting, running and explaining six classic situations.
        </li>
        <li>
          <Action onClick={() => focusTarget('[data-testid="preset.select"]')}>Presets</Action> load
          other setups: steady traffic, unequal servers, a flash crowd, failures and their defences.
        </li>
        <li>
          <Action
            onClick={() => {
              openChallenges(true);
              focusTarget('#challenges-title');
            }}
          >
            Challenges
          </Action>{' '}
          set a goal (an interview question) that the page checks for you.
        </li>
      </ul>
      <p className="guide-aside">
        The “?” button in the toolbar brings this guide back;{' '}
        <button type="button" className="link-button" onClick={() => openShortcuts(true)}>
          keyboard shortcuts
        </button>{' '}
        are on the <kbd>?</kbd> key.
      </p>
    </>
  );
}

function Action({
  onClick,
  children,
}: {
  readonly onClick: () => void;
  readonly children: ReactNode;
}) {
  return (
    <button type="button" className="btn btn-small" onClick={onClick}>
      {children}
    </button>
  );
}
