import { useId, useState } from 'react';
import { usePending } from './usePending.ts';

/** Props of {@link NumberField}. */
export interface NumberFieldProps {
  readonly label: string;
  /** The value the simulation has now. */
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly step?: number;
  readonly integer?: boolean;
  readonly testId?: string;
  /**
   * Called with a valid, changed value when the person leaves the field or presses Enter;
   * resolves to whether the simulation accepted it.
   */
  readonly onCommit: (value: number) => Promise<boolean>;
}

/**
 * A number input that commits on blur or Enter, not on every keystroke: typing "1000" must not
 * rebuild the cache at 1, 10 and 100 on the way. Invalid input is explained, not sent.
 */
export function NumberField({
  label,
  value,
  min,
  max,
  step = 1,
  integer = false,
  testId,
  onCommit,
}: NumberFieldProps) {
  const id = useId();
  // null: show the simulation's value; a string: what the person is typing.
  const [draft, setDraft] = useState<string | null>(null);
  const { shown, track } = usePending(value);
  const text = draft ?? String(shown);
  const parsed = Number(text);
  const valid =
    text.trim() !== '' &&
    Number.isFinite(parsed) &&
    parsed >= min &&
    parsed <= max &&
    (!integer || Number.isInteger(parsed));

  function commit(): void {
    if (draft === null || !valid) return;
    setDraft(null);
    if (parsed !== shown) track(parsed, onCommit(parsed));
  }

  return (
    <div className="number-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        min={min}
        max={max}
        step={step}
        value={text}
        aria-invalid={!valid}
        aria-describedby={valid ? undefined : `${id}-error`}
        data-testid={testId}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
      {!valid && (
        <span id={`${id}-error`} className="number-field-error">
          {integer ? 'A whole number' : 'A number'} from {min.toLocaleString('en-US')} to{' '}
          {max.toLocaleString('en-US')}
        </span>
      )}
    </div>
  );
}
