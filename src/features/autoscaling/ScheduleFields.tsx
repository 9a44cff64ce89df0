import { clockRule, clockText } from '../../ui/clockRule.ts';
import { DraftField } from '../../ui/DraftField.tsx';
import { RULES } from './autoscalingForm.ts';
import type { ScalingSectionProps } from './scalingTypes.ts';

const DAY = 86_400_000;

/**
 * Scheduled scaling: the pool's size at given times, once or every day. A time is simulated
 * time from the start (a scenario starts at 0:00).
 */
export function ScheduleFields({ spec, change }: ScalingSectionProps) {
  const daily = spec.scheduleRepeatMs === DAY;
  const set = (i: number, patch: { at?: number; servers?: number }) =>
    change((s) => ({
      schedule: s.schedule.map((a, k) => (k === i ? { ...a, ...patch } : a)),
    }));
  return (
    <fieldset className="scaling-group" data-testid="autoscaling.schedule">
      <legend>Schedule</legend>
      <table className="scaling-table">
        <thead>
          <tr>
            <th scope="col">At</th>
            <th scope="col">Servers</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {spec.schedule.map((a, i) => (
            <tr key={i}>
              <td>
                <DraftField
                  id={`autoscaling-schedule-${i}-at`}
                  label={<span className="visually-hidden">Action {i + 1} at</span>}
                  testId="autoscaling.schedule.at"
                  value={clockText(a.at)}
                  rule={clockRule}
                  inputMode="text"
                  className="is-inline"
                  onCommit={(at) => set(i, { at })}
                />
              </td>
              <td>
                <DraftField
                  id={`autoscaling-schedule-${i}-servers`}
                  label={<span className="visually-hidden">Action {i + 1} servers</span>}
                  testId="autoscaling.schedule.servers"
                  value={String(a.servers)}
                  rule={RULES.scheduleServers}
                  inputMode="numeric"
                  className="is-inline"
                  onCommit={(servers) => set(i, { servers })}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`Remove action ${i + 1}`}
                  disabled={spec.schedule.length <= 1}
                  onClick={() =>
                    void change((s) => ({ schedule: s.schedule.filter((_, k) => k !== i) }))
                  }
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="btn btn-small"
        data-testid="autoscaling.addAction"
        onClick={() =>
          void change((s) => {
            const last = s.schedule.reduce((t, a) => Math.max(t, a.at), 0);
            const at = Math.min(last + 3_600_000, (s.scheduleRepeatMs ?? 1e9) - 60_000);
            return { schedule: [...s.schedule, { at, servers: s.minServers }] };
          })
        }
      >
        Add an action
      </button>
      <label className="scaling-switch">
        <input
          type="checkbox"
          data-testid="autoscaling.daily"
          checked={daily}
          onChange={(e) => void change(() => ({ scheduleRepeatMs: e.target.checked ? DAY : null }))}
        />
        Every day (times are within the day)
      </label>
    </fieldset>
  );
}
