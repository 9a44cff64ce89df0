import { useId, type KeyboardEvent } from 'react';
import { useApp } from '../../store/hooks.tsx';
import { clockTime } from '../../lib/clockTime.ts';
import '../../ui/Controls.css';
import './TimelineScrubber.css';

/** Keys that move the view, in recorded samples (Home and End go to either end). */
const STEPS: Record<string, number> = {
  ArrowLeft: -1,
  ArrowDown: -1,
  ArrowRight: 1,
  ArrowUp: 1,
  PageDown: -10,
  PageUp: 10,
};

/**
 * A slider over the whole run so far: drag it (or use the arrow keys, one recorded sample a step;
 * Page Up/Down ten; Home/End) to show an earlier window in the timeline and load-over-time charts.
 * That is a paused view: the simulation goes on; Live follows it again.
 */
export function TimelineScrubber() {
  const id = useId();
  const now = useApp((s) => s.snapshot?.now ?? 0);
  const viewAt = useApp((s) => s.viewAt);
  const viewTime = useApp((s) => s.viewTime);
  const runHistory = useApp((s) => s.runHistory);
  const live = viewAt === null;
  const value = live ? now : Math.min(viewAt, now);
  const move = (ms: number) => viewTime(Math.min(Math.max(0, ms), now));

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>): void {
    let next: number;
    if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = now;
    else if (e.key in STEPS) {
      // Steps land on sample times, at the resolution the history keeps for this run length.
      const row = runHistory.rowMs();
      next = (Math.round(value / row) + STEPS[e.key]!) * row;
    } else return;
    e.preventDefault();
    move(next);
  }

  return (
    <div className="scrubber">
      <div className="scrubber-head">
        <label htmlFor={id} className="scrubber-label">
          Timeline
        </label>
        <span
          className={live ? 'scrubber-viewing' : 'scrubber-viewing scrubber-paused'}
          data-testid="timeline.viewing"
        >
          {live ? `live · ${clockTime(now)}` : `viewing ${clockTime(value)} (paused view)`}
        </span>
        <button
          type="button"
          className="btn btn-small"
          data-testid="timeline.live"
          disabled={live}
          title="Follow the run again"
          onClick={() => viewTime(null)}
        >
          Live
        </button>
      </div>
      <input
        id={id}
        type="range"
        className="scrubber-range"
        min={0}
        max={now}
        step="any"
        value={value}
        disabled={now <= 0}
        data-testid="timeline.scrub"
        aria-valuetext={live ? `live, ${clockTime(now)}` : `viewing ${clockTime(value)}`}
        title="Drag back to view an earlier window of the charts; the run goes on meanwhile"
        onChange={(e) => move(Number(e.target.value))}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
