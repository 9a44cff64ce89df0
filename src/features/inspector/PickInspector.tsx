import { useState } from 'react';
import type { PickRecord } from '../../engine/metrics/pickLog.ts';
import { formatCount, formatSimTime } from '../../lib/format.ts';
import { useApp } from '../../store/hooks.tsx';
import { useThrottled } from '../../lib/useThrottled.ts';
import { PickDetails } from './PickDetails.tsx';
import '../../ui/Controls.css';
import './PickInspector.css';

/**
 * "Why this server?": one sampled routing decision per sample interval, explained. It follows the
 * newest unless held; the last 20 can be picked from a list, which holds the one picked.
 */
export function PickInspector() {
  const picks = useApp((s) => s.picks);
  // A decision is sampled every interval (ten a second at the default): following the newest
  // changes the text at most once a second, slow enough to read.
  const newest = useThrottled(picks[picks.length - 1] ?? null, 1000);
  // The record itself is held, so it stays on screen after it leaves the last-20 list.
  const [held, setHeld] = useState<PickRecord | null>(null);
  const shown = held ?? newest;

  function choose(seq: number): void {
    const pick = picks.find((p) => p.seq === seq);
    if (pick) setHeld(pick);
  }

  return (
    <section
      className="panel inspector-panel"
      aria-labelledby="inspector-title"
      data-testid="inspector.panel"
    >
      <h2 id="inspector-title">Why this server?</h2>
      <div className="inspector-controls">
        <label className="inspector-picker">
          <span>Decision</span>
          <select
            className="control-select"
            data-testid="inspector.pick"
            value={shown ? String(shown.seq) : ''}
            disabled={picks.length === 0}
            onChange={(e) => choose(Number(e.target.value))}
          >
            {shown && !picks.includes(shown) && (
              <option value={String(shown.seq)}>
                {describe(shown)} {held ? '(held)' : '(shown)'}
              </option>
            )}
            {picks.length === 0 && <option value="">none yet</option>}
            {[...picks].reverse().map((p) => (
              <option key={p.seq} value={String(p.seq)}>
                {describe(p)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn btn-small"
          data-testid="inspector.hold"
          aria-pressed={held !== null}
          disabled={shown === null}
          title="Keep this decision on screen instead of following the newest"
          onClick={() => setHeld(held ? null : shown)}
        >
          <span aria-hidden="true">❚❚</span> Hold
        </button>
      </div>
      {shown ? (
        <PickDetails pick={shown} />
      ) : (
        <p className="inspector-empty">
          One request per sample interval is explained here once requests flow: the servers the
          strategy looked at, their scores, and why it chose the one it did.
        </p>
      )}
    </section>
  );
}

/** A decision in the list: its request and when. */
function describe(p: PickRecord): string {
  const retry = p.attempt > 0 ? `, retry ${p.attempt}` : '';
  return `#${formatCount(p.requestId)}${retry} at ${formatSimTime(p.time)}`;
}
