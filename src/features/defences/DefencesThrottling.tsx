import type { ThrottlingSpec } from '../../engine/overload/specs.ts';
import { formatPercent } from '../../lib/format.ts';
import { useApp } from '../../store/hooks.tsx';
import { DefenceField } from './DefenceField.tsx';
import { DefenceGroup } from './DefenceGroup.tsx';
import type { DefenceSectionProps } from './defences.ts';
import { OVERLOAD_RULES } from './overloadRules.ts';
import { usePending } from '../../ui/usePending.ts';

/**
 * Client-side adaptive throttling (Google SRE book, "Handling Overload"): the client rejects
 * requests itself with probability max(0, (requests − K × accepts) / (requests + 1)) over the
 * last two minutes, so refused work never reaches the servers (`throttled`).
 */
export function DefencesThrottling({ spec, change }: DefenceSectionProps) {
  const t = spec.throttling;
  const enabled = usePending(t.enabled);
  const probability = useApp((s) => s.snapshot?.overload?.throttleProbability ?? null);
  const set = (patch: Partial<ThrottlingSpec>) =>
    change((r) => ({ throttling: { ...r.throttling, ...patch } }));

  return (
    <DefenceGroup
      title="Adaptive throttling"
      what="The client rejects requests itself while the servers accept too few of them: with probability (requests − K × accepts) / (requests + 1) over the window (SRE book)."
      on={enabled.shown}
      testId="defences.throttling"
    >
      <label className="defence-switch">
        <input
          type="checkbox"
          data-testid="defences.throttling.enabled"
          checked={enabled.shown}
          onChange={(e) => enabled.track(e.target.checked, set({ enabled: e.target.checked }))}
        />
        Throttle at the client
      </label>
      {enabled.shown && (
        <>
          <div className="defence-fields">
            <DefenceField
              name="throttling.k"
              label="K"
              value={t.k}
              rule={OVERLOAD_RULES.throttleK}
              source="requests per accept; SRE book: 2"
              onCommit={(k) => set({ k })}
            />
            <DefenceField
              name="throttling.windowMs"
              label="Window"
              value={t.windowMs}
              rule={OVERLOAD_RULES.throttleWindowMs}
              unit="ms"
              source="SRE book: 2 minutes"
              onCommit={(windowMs) => set({ windowMs })}
            />
          </div>
          {probability !== null && (
            <p className="defence-live" data-testid="defences.throttling.now">
              Rejecting {formatPercent(probability)} of requests now
            </p>
          )}
        </>
      )}
    </DefenceGroup>
  );
}
