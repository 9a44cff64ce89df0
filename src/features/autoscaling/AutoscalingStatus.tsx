import type { AutoscalingSpec } from '../../engine/scenario/types.ts';
import { clockTime } from '../../lib/clockTime.ts';
import { useApp } from '../../store/hooks.tsx';
import { metricText } from './autoscalingForm.ts';

const servers = (n: number) => `${n} ${n === 1 ? 'server' : 'servers'}`;

/**
 * The autoscaler now: the count it recommends against the count it manages, the pool split into
 * ready, starting and draining servers, and its last decision in words.
 */
export function AutoscalingStatus({ spec }: { readonly spec: AutoscalingSpec }) {
  const scaling = useApp((s) => s.snapshot?.scaling ?? null);
  if (!scaling) return null;
  const { counts, decision } = scaling;
  const recommended = decision?.recommended ?? counts.desired;
  return (
    <div className="scaling-status" data-testid="autoscaling.status">
      <p className="scaling-counts">
        <span
          data-testid="autoscaling.recommended"
          data-value={recommended}
          title="What the policy asked for at its last sync, before windows, rate limits and bounds"
        >
          Recommended <strong>{recommended}</strong>
        </span>
        <span
          data-testid="autoscaling.actual"
          data-value={counts.desired}
          title="Servers in the pool (ready or down) and starting: the count the autoscaler manages"
        >
          actual <strong>{counts.desired}</strong>
        </span>
        <span className="scaling-bounds">
          ({spec.minServers}–{spec.maxServers})
        </span>
      </p>
      <p
        className="scaling-pool"
        data-testid="autoscaling.pool"
        data-in-pool={counts.inPool}
        data-starting={counts.starting}
        data-draining={counts.draining}
      >
        {servers(counts.inPool)} ready
        {counts.down > 0 && `, ${counts.down} down`}
        {counts.starting > 0 && `, ${counts.starting} starting`}
        {counts.draining > 0 && `, ${counts.draining} draining`}
        {decision?.metric !== null && decision !== null && (
          <>
            {' · '}
            {metricText(spec.metric, decision.metric)} against a target of{' '}
            {metricText(spec.metric, spec.target)}
          </>
        )}
      </p>
      <p className="scaling-reason" data-testid="autoscaling.reason" aria-live="polite">
        {decision === null
          ? 'No decision yet: the first sync measures a whole period.'
          : `${clockTime(decision.at)}: ${decision.reason}`}
      </p>
    </div>
  );
}
