import type { HedgeSpec } from '../../engine/overload/specs.ts';
import { DefenceGroup } from './DefenceGroup.tsx';
import { DefenceToggleField } from './DefenceToggleField.tsx';
import type { DefenceSectionProps } from './defences.ts';
import { OVERLOAD_RULES } from './overloadRules.ts';
import { usePending } from '../../ui/usePending.ts';

/**
 * Hedged requests (Dean & Barroso, "The Tail at Scale"): after `afterMs` without an answer a
 * second copy goes to another server; the first answer wins.
 */
export function DefencesHedging({ spec, change }: DefenceSectionProps) {
  const h = spec.hedge;
  const cancel = usePending(h.cancelLoser);
  const set = (patch: Partial<HedgeSpec>) => change((r) => ({ hedge: { ...r.hedge, ...patch } }));

  return (
    <DefenceGroup
      title="Hedged requests"
      what="A request unanswered after the delay gets a second copy on another server; the first answer wins (The Tail at Scale: hedge at the 95th percentile for about 5% more requests)."
      on={h.afterMs !== null}
      testId="defences.hedge"
    >
      <DefenceToggleField
        name="hedge.afterMs"
        label="Hedge slow requests"
        fieldLabel="Copy after"
        value={h.afterMs}
        suggested={250}
        rule={OVERLOAD_RULES.hedgeAfterMs}
        unit="ms"
        source="about the p95 latency without hedging"
        onChange={(afterMs) => set({ afterMs })}
      />
      {h.afterMs !== null && (
        <DefenceToggleField
          name="hedge.budgetPercent"
          label="Cap the extra load"
          fieldLabel="At most"
          value={h.budgetPercent}
          suggested={10}
          rule={OVERLOAD_RULES.hedgeBudget}
          unit="%"
          source="more requests than without hedging; default no cap"
          onChange={(budgetPercent) => set({ budgetPercent })}
        />
      )}
      {h.afterMs !== null && (
        <label className="defence-switch">
          <input
            type="checkbox"
            data-testid="defences.hedge.cancelLoser"
            checked={cancel.shown}
            onChange={(e) => cancel.track(e.target.checked, set({ cancelLoser: e.target.checked }))}
          />
          Cancel the slower copy (else it runs on as wasted work)
        </label>
      )}
    </DefenceGroup>
  );
}
