import type { RetryMode, RetrySpec } from '../engine/scenario/types.ts';
import { DefenceField } from './DefenceField.tsx';
import { DefenceGroup } from './DefenceGroup.tsx';
import { RULES, type DefenceSectionProps } from './defences.ts';
import { usePending } from './usePending.ts';

const MODES: ReadonlyArray<{ mode: RetryMode; label: string; what: string }> = [
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
  const shown = MODES.find((m) => m.mode === mode.shown) ?? MODES[0]!;

  return (
    <DefenceGroup
      title="Retries"
      what="A failed attempt is tried again on another server after a short backoff."
      on={mode.shown !== 'off'}
    >
      <div className="defence-modes">
        {MODES.map((m) => (
          <label key={m.mode} className="defence-choice">
            <input
              type="radio"
              name="defences-retry-mode"
              value={m.mode}
              data-testid="defences.retry.mode"
              data-mode={m.mode}
              checked={mode.shown === m.mode}
              onChange={() => mode.track(m.mode, set({ mode: m.mode }))}
            />
            {m.label}
          </label>
        ))}
      </div>
      <p className="defence-note" aria-live="polite">
        {shown.what}
      </p>
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
