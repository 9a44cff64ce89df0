import type { OutlierSpec } from '../../engine/scenario/types.ts';
import { DefenceField } from './DefenceField.tsx';
import { DefenceGroup } from './DefenceGroup.tsx';
import { RULES, type DefenceSectionProps } from './defences.ts';
import { usePending } from '../../ui/usePending.ts';

/** Envoy-style outlier ejection: on/off, and how many failures eject a server for how long. */
export function DefencesOutlier({ spec, change }: DefenceSectionProps) {
  const o = spec.outlier;
  const enabled = usePending(o.enabled);
  const set = (patch: Partial<OutlierSpec>) =>
    change((r) => ({ outlier: { ...r.outlier, ...patch } }));

  return (
    <DefenceGroup
      title="Outlier ejection"
      what="A server that keeps failing is taken out of the pool for a while, longer each time (Envoy)."
      on={enabled.shown}
    >
      <label className="defence-switch">
        <input
          type="checkbox"
          data-testid="defences.outlier.enabled"
          checked={enabled.shown}
          onChange={(e) => enabled.track(e.target.checked, set({ enabled: e.target.checked }))}
        />
        Eject servers that keep failing
      </label>
      {enabled.shown && (
        <div className="defence-fields">
          <DefenceField
            name="outlier.consecutiveFailures"
            label="Eject after"
            value={o.consecutiveFailures}
            rule={RULES.consecutiveFailures}
            whole
            source="failures in a row; Envoy: 5"
            onCommit={(consecutiveFailures) => set({ consecutiveFailures })}
          />
          <DefenceField
            name="outlier.baseEjectionMs"
            label="Eject for"
            value={o.baseEjectionMs}
            rule={RULES.baseEjectionMs}
            unit="ms"
            source="× times ejected; Envoy: 30 s"
            onCommit={(baseEjectionMs) => set({ baseEjectionMs })}
          />
          <DefenceField
            name="outlier.maxEjectionMs"
            label="Longest ejection"
            value={o.maxEjectionMs}
            rule={RULES.maxEjectionMs}
            unit="ms"
            source="Envoy: 300 s"
            onCommit={(maxEjectionMs) => set({ maxEjectionMs })}
          />
          <DefenceField
            name="outlier.maxEjectionPercent"
            label="Max ejected"
            value={o.maxEjectionPercent}
            rule={RULES.maxEjectionPercent}
            unit="%"
            source="always ≥ 1; Envoy: 10%"
            onCommit={(maxEjectionPercent) => set({ maxEjectionPercent })}
          />
        </div>
      )}
    </DefenceGroup>
  );
}
