import { formatSimTime } from '../../lib/format.ts';
import { useApp } from '../../store/hooks.tsx';
import { speedLabel } from './speeds.ts';
import { cannotKeepUp, formatSpeedUp } from './speedMeter.ts';
import { useAchievedSpeed } from './useAchievedSpeed.ts';

const FINISHED_TITLE =
  'All traffic has arrived and every request is done. Fire a burst or set a steady rate to continue.';
const PAUSED_AT_END_TITLE =
  'The run paused itself: its traffic is over and every request has ended. Fire a burst or set ' +
  'a steady rate to go on, or Reset to watch it again.';

/**
 * Simulated time, with the states a person should not miss: how fast the run really goes at
 * "max", the worker falling behind the chosen speed (or, at max, behind real time), and the run
 * being over. Its own component because it re-renders every frame.
 */
export function SimClock() {
  const now = useApp((s) => s.snapshot?.now ?? 0);
  const lagging = useApp((s) => s.snapshot?.lagging ?? false);
  const finished = useApp((s) => s.snapshot?.finished ?? false);
  const pausedAtEnd = useApp((s) => s.snapshot?.pausedAtEnd ?? false);
  const playing = useApp((s) => s.snapshot?.playing ?? false);
  const speed = useApp((s) => s.snapshot?.speed ?? 1);
  const achieved = useAchievedSpeed();
  const speedUp = playing ? achieved : null;
  const behind = playing && cannotKeepUp(speed, lagging, speedUp);

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
      {behind ? (
        <span
          className="toolbar-badge is-warning"
          data-testid="clock.lagging"
          title={
            speed === 'max'
              ? 'Even as fast as it can go, the simulation runs slower than real time on this device.'
              : 'The simulation cannot run this fast on this device, so simulated time falls behind the chosen speed.'
          }
        >
          <span aria-hidden="true">⚠ </span>can’t keep up
          {speedUp !== null &&
            (speed === 'max'
              ? `: ${formatSpeedUp(speedUp)} real time`
              : `: ${formatSpeedUp(speedUp)} of ${speedLabel(speed)}`)}
        </span>
      ) : (
        speed === 'max' &&
        speedUp !== null && (
          <span
            className="toolbar-badge"
            data-testid="clock.speedUp"
            title="How much faster than real time the simulation runs at max speed on this device"
          >
            {formatSpeedUp(speedUp)} real time
          </span>
        )
      )}
      {finished && (
        <span
          className="toolbar-badge"
          data-testid="clock.finished"
          title={pausedAtEnd ? PAUSED_AT_END_TITLE : FINISHED_TITLE}
        >
          <span aria-hidden="true">✓ </span>
          {pausedAtEnd ? 'finished · paused' : 'finished'}
        </span>
      )}
    </div>
  );
}
