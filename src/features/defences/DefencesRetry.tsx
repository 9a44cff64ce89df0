import type { RetryMode, RetrySpec } from '../../engine/scenario/types.ts';
import { DefenceField } from './DefenceField.tsx';
import { DefenceGroup } from './DefenceGroup.tsx';
import { DefenceModes, type DefenceMode } from './DefenceModes.tsx';
import { RULES, type DefenceSectionProps } from './defences.ts';
import { usePending } from '../../ui/usePending.ts';

const MODES: ReadonlyArray<DefenceMode<RetryMode>> = [
  { mode: 'off', label: 'Off', what: 'A failed or timed-out attempt fails the request.' },
  {
    mode: 'budget',
    label: 'Budget',
    what: 'Envoy’s retry budget: retries in flight are capped at a share of active requests, so they cannot snowball.',
  },
  {
    mode: 'naive',
    label: 'Naive',
    what: 'Every failure is retried, up to the max: when servers are overloaded this multiplies their load (a retry storm).',
  },
];

/** Retries: off, within a budget, or naive; how many, the budget, and the backoff. */
export function DefencesRetry({ spec, change }: DefenceSectionProps) {
  const r = spec.retry;
  const mode = usePending(r.mode);
  const set = (patch: Partial<RetrySpec>) => change((c) => ({ retry: { ...c.retry, ...patch } }));

  return (
    <DefenceGroup
      title="Retries"
      what="A failed attempt is tried again on another server after a short backoff."
      on={mode.shown !== 'off'}
    >
      <DefenceModes
        name="retry"
        modes={MODES}
        shown={mode.shown}
        onPick={(m) => mode.track(m, set({ mode: m }))}
      />
      {mode.shown !== 'off' && (
        <div className="defence-fields">
          <DefenceField
            name="retry.maxRetries"
            label="Max retries"
            value={r.maxRetries}
            rule={RULES.maxRetries}
            whole
            source="per request; default 2 (Envoy: 1)"
            onCommit={(maxRetries) => set({ maxRetries })}
          />
          {mode.shown === 'budget' && (
            <>
              <DefenceField
                name="retry.budgetPercent"
                label="Budget"
                value={r.budgetPercent}
                rule={RULES.budgetPercent}
                unit="%"
                source="of active; Envoy: 20%"
                onCommit={(budgetPercent) => set({ budgetPercent })}
              />
              <DefenceField
                name="retry.minRetryConcurrency"
                label="Min allowed"
                value={r.minRetryConcurrency}
                rule={RULES.minRetryConcurrency}
                whole
                source="retries in flight; Envoy: 3"
                onCommit={(minRetryConcurrency) => set({ minRetryConcurrency })}
              />
            </>
          )}
          <DefenceField
            name="retry.backoffMs"
            label="Backoff"
            value={r.backoffMs}
            rule={RULES.backoffMs}
            unit="ms"
            source="doubles, jittered; Envoy: 25 ms"
            onCommit={(backoffMs) => set({ backoffMs })}
          />
        </div>
      )}
    </DefenceGroup>
  );
}
