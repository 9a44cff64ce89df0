import { clockTime } from '../../lib/clockTime.ts';
import { formatCount } from '../../lib/format.ts';
import { useApp } from '../../store/hooks.tsx';

/** The autoscaler's latest changes of the pool's size, newest first, each with its reason. */
export function ScalingActions() {
  const scaling = useApp((s) => s.snapshot?.scaling ?? null);
  if (!scaling) return null;
  const { actions, actionsTotal } = scaling;
  return (
    <details className="scaling-actions" data-testid="autoscaling.actions">
      <summary>
        {actionsTotal === 0
          ? 'No change of size yet'
          : `${formatCount(actionsTotal)} ${actionsTotal === 1 ? 'change' : 'changes'} of size`}
      </summary>
      <ol reversed>
        {[...actions].reverse().map((a) => (
          <li key={`${a.at}-${a.from}-${a.to}`}>
            <span className="scaling-action-time">{clockTime(a.at)}</span>{' '}
            <strong>
              {a.from} → {a.to}
            </strong>
            <span className="scaling-action-reason">{a.reason}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
