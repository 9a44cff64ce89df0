import { useEffect } from 'react';
import { keyIsTaken } from '../../lib/keyboard.ts';
import { useApp } from '../../store/hooks.tsx';
import { SPEEDS, speedLabel } from './speeds.ts';
import { StepByControl } from './StepByControl.tsx';

/** Play/pause, step, step by an interval, reset and speed; Space toggles play anywhere else. */
export function RunControls() {
  const ready = useApp((s) => s.snapshot !== null);
  const playing = useApp((s) => s.snapshot?.playing ?? false);
  const speed = useApp((s) => s.snapshot?.speed ?? 1);
  const hasNextEvent = useApp((s) => s.snapshot?.nextEventTime != null);
  const play = useApp((s) => s.play);
  const pause = useApp((s) => s.pause);
  const step = useApp((s) => s.step);
  const reset = useApp((s) => s.reset);
  const setSpeed = useApp((s) => s.setSpeed);
  // What the button says now, not what the store holds by the time a press is handled: a run that
  // resumed in between (new traffic after it paused at its end) would otherwise take a press of
  // "Play" as a pause.
  const press = playing ? pause : play;

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent): void {
      if (e.key !== ' ' || e.repeat || e.ctrlKey || e.metaKey || e.altKey) return;
      if (keyIsTaken(e.target)) return;
      e.preventDefault(); // not scroll the page
      void press();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [press]);

  return (
    <div className="toolbar-run" role="group" aria-label="Run controls">
      <button
        type="button"
        className="btn btn-primary toolbar-play"
        data-testid="controls.play"
        aria-pressed={playing}
        disabled={!ready}
        title="Play or pause (Space)"
        onClick={() => void press()}
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        className="btn"
        data-testid="controls.step"
        disabled={!ready || !hasNextEvent}
        title="Run the single next event: an arrival, a completion… (Enter)"
        onClick={() => void step()}
      >
        <svg className="toolbar-icon" viewBox="0 0 12 12" aria-hidden="true">
          <path d="M1 1.5v9l7-4.5z M9 1.5h2v9H9z" fill="currentColor" />
        </svg>
        Step<span className="toolbar-long"> to next event</span>
      </button>
      <StepByControl disabled={!ready} />
      <button
        type="button"
        className="btn"
        data-testid="controls.reset"
        disabled={!ready}
        title="Back to 0 s with the current setup (your edits are kept)"
        onClick={() => void reset()}
      >
        <span aria-hidden="true">↺</span> Reset
      </button>
      <label className="toolbar-field">
        <span>Speed</span>
        <select
          className="control-select"
          data-testid="controls.speed"
          value={String(speed)}
          disabled={!ready}
          onChange={(e) => void setSpeed(e.target.value === 'max' ? 'max' : Number(e.target.value))}
        >
          {SPEEDS.map((s) => (
            <option key={String(s)} value={String(s)}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
