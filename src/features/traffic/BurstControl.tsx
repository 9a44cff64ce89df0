import { useState, type FormEvent } from 'react';
import { formatCount } from '../../lib/format.ts';
import { useApp } from '../../store/hooks.tsx';
import { ruleFor } from '../../ui/fieldRules.ts';
import { TextField } from '../../ui/TextField.tsx';
import { LIVE_LIMITS } from '../../engine/scenario/limits.ts';

const burstRule = ruleFor('burst size', LIVE_LIMITS.burst);

/** Fires N requests at the current simulated instant (Enter in the field fires too). */
export function BurstControl() {
  const command = useApp((s) => s.command);
  const ready = useApp((s) => s.snapshot !== null);
  const [text, setText] = useState('10');
  const [error, setError] = useState<string | null>(null);
  const parsed = burstRule(text);

  function onSubmit(e: FormEvent): void {
    e.preventDefault();
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(null);
    void command({ type: 'fireBurst', count: parsed.value });
  }

  return (
    <form className="traffic-burst" onSubmit={onSubmit}>
      <div className="traffic-row">
        <TextField
          id="traffic-burst-size"
          label="Burst size"
          testId="traffic.burstSize"
          value={text}
          unit="req"
          inputMode="numeric"
          error={error}
          className="is-inline"
          onChange={(value) => {
            setText(value);
            if (error) {
              const next = burstRule(value);
              setError(next.ok ? null : next.message);
            }
          }}
        />
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="traffic.fire"
          disabled={!ready}
        >
          Fire burst
        </button>
      </div>
      <p className="traffic-note">
        A burst: {parsed.ok ? formatCount(parsed.value) : 'N'} requests arrive at the same instant.
      </p>
    </form>
  );
}
