import { formatSimTime } from '../../lib/format.ts';
import { useApp } from '../../store/hooks.tsx';

/**
 * Simulated time, with the two states a person should not miss: the worker falling behind the
 * chosen speed, and the run being over. Its own component because it re-renders every frame.
 */
export function SimClock() {
  const now = useApp((s) => s.snapshot?.now ?? 0);
  const lagging = useApp((s) => s.snapshot?.lagging ?? false);
  const finished = useApp((s) => s.snapshot?.finished ?? false);

  return (
    <div className="toolbar-clock">
      <span className="toolbar-clock-label" title="Simulated time">
        <span aria-hidden="true">t =</span>
        <span className="visually-hidden">Simulated time</span>
      </span>
      {/* A timer is not announced on every change (an <output> would be, each frame). */}
      <span className="toolbar-clock-time" role="timer" data-testid="clock">
        {formatSimTime(now)}
      </span>
      {lagging && (
        <span
          className="toolbar-badge is-warning"
          data-testid="clock.lagging"
          title="The simulation cannot run this fast on this device, so simulated time falls behind the chosen speed."
        >
          <span aria-hidden="true">⚠ </span>can’t keep up
        </span>
      )}
      {finished && (
        <span
          className="toolbar-badge"
          data-testid="clock.finished"
          title="All traffic has arrived and every request is done. Fire a burst or set a steady rate to continue."
        >
          <span aria-hidden="true">✓ </span>finished
        </span>
      )}
    </div>
  );
}
