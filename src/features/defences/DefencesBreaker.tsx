import type { BreakerSpec } from '../../engine/scenario/types.ts';
import { DefenceField } from './DefenceField.tsx';
import { DefenceGroup } from './DefenceGroup.tsx';
import { RULES, type DefenceSectionProps } from './defences.ts';
import { usePending } from '../../ui/usePending.ts';

/** A circuit breaker per server: on/off, failures that open it, how long, and the probes. */
export function DefencesBreaker({ spec, change }: DefenceSectionProps) {
  const b = spec.breaker;
  const enabled = usePending(b.enabled);
  const set = (patch: Partial<BreakerSpec>) =>
    change((r) => ({ breaker: { ...r.breaker, ...patch } }));

  return (
    <DefenceGroup
      title="Circuit breaker"
      what="Per server: failures in a row open the circuit (no requests); after the open time, probes test it."
      on={enabled.shown}
    >
      <label className="defence-switch">
        <input
          type="checkbox"
          data-testid="defences.breaker.enabled"
          checked={enabled.shown}
          onChange={(e) => enabled.track(e.target.checked, set({ enabled: e.target.checked }))}
        />
        Break the circuit to failing servers
      </label>
      {enabled.shown && (
        <div className="defence-fields">
          <DefenceField
            name="breaker.failureThreshold"
            label="Open after"
            value={b.failureThreshold}
            rule={RULES.failureThreshold}
            whole
            source="failures in a row; default 5"
            onCommit={(failureThreshold) => set({ failureThreshold })}
          />
          <DefenceField
            name="breaker.openMs"
            label="Stay open"
            value={b.openMs}
            rule={RULES.openMs}
            unit="ms"
            source="Hystrix: 5 s"
            onCommit={(openMs) => set({ openMs })}
          />
          <DefenceField
            name="breaker.halfOpenProbes"
            label="Half-open probes"
            value={b.halfOpenProbes}
            rule={RULES.halfOpenProbes}
            whole
            source="trial requests; default 1"
            onCommit={(halfOpenProbes) => set({ halfOpenProbes })}
          />
        </div>
      )}
    </DefenceGroup>
  );
}
