import { useState, type FormEvent } from 'react';
import { useApp } from '../../store/hooks.tsx';
import { ruleFor } from '../../ui/fieldRules.ts';
import { TextField } from '../../ui/TextField.tsx';
import { LIVE_LIMITS } from '../../engine/scenario/limits.ts';

const stepRule = ruleFor('step', LIVE_LIMITS.stepMs);

/** Runs a chosen stretch of simulated time at once, e.g. 100 ms, then stays paused. */
export function StepByControl({ disabled }: { readonly disabled: boolean }) {
  const stepBy = useApp((s) => s.stepBy);
  const [text, setText] = useState('100');
  const [error, setError] = useState<string | null>(null);

  function onSubmit(e: FormEvent): void {
    e.preventDefault();
    const parsed = stepRule(text);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(null);
    void stepBy(parsed.value);
  }

  return (
    <form className="toolbar-stepby" onSubmit={onSubmit}>
      <button type="submit" className="btn" data-testid="controls.stepBy" disabled={disabled}>
        Step by
      </button>
      <TextField
        id="toolbar-step-ms"
        label={<span className="visually-hidden">Simulated milliseconds to step by</span>}
        testId="controls.stepMs"
        value={text}
        unit="ms"
        error={error}
        className="is-inline"
        onChange={(value) => {
          setText(value);
          if (error) {
            const parsed = stepRule(value);
            setError(parsed.ok ? null : parsed.message);
          }
        }}
      />
    </form>
  );
}
