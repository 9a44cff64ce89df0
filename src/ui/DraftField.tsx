import { useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Rule } from './fieldRules.ts';
import { TextField } from './TextField.tsx';

/** Props of {@link DraftField}. */
export interface DraftFieldProps<T> {
  /** DOM id of the input. */
  readonly id: string;
  readonly label: ReactNode;
  readonly testId: string;
  /** The value in force, as text (usually from the snapshot). */
  readonly value: string;
  /** Parses and checks the typed text. */
  readonly rule: Rule<T>;
  /** Applies the value; resolves false when it was refused (the draft is kept for fixing). */
  readonly onCommit: (value: T) => Promise<boolean> | boolean;
  readonly inputMode?: 'numeric' | 'decimal' | 'text';
  readonly unit?: string;
  readonly hint?: string;
  readonly disabled?: boolean;
  readonly placeholder?: string;
  readonly className?: string;
  readonly title?: string;
}

/**
 * A field that keeps what the person typed (the draft) until it is applied with Enter or by
 * leaving the field. A value that breaks the rule is never applied: the problem shows next to the
 * field and the draft stays so it can be fixed. Escape goes back to the value in force.
 */
export function DraftField<T>(props: DraftFieldProps<T>) {
  const { value, rule, onCommit } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // After a successful send the draft stays on screen until the snapshot shows the new value, so
  // the field does not flicker back to the old value for a frame.
  const [pending, setPending] = useState(false);
  const [seenValue, setSeenValue] = useState(value);
  if (seenValue !== value) {
    setSeenValue(value);
    if (pending) {
      setPending(false);
      setDraft(null);
    }
  }

  async function commit(): Promise<void> {
    if (draft === null || pending) return;
    const parsed = rule(draft);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(null);
    const current = rule(value);
    if (current.ok && Object.is(current.value, parsed.value)) {
      setDraft(null);
      return;
    }
    setPending(true);
    if (!(await onCommit(parsed.value))) setPending(false);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>): void {
    if (e.key === 'Enter') {
      e.preventDefault();
      void commit();
    } else if (e.key === 'Escape' && draft !== null) {
      setDraft(null);
      setError(null);
      setPending(false);
    }
  }

  return (
    <TextField
      id={props.id}
      label={props.label}
      testId={props.testId}
      value={draft ?? value}
      error={error}
      hint={props.hint}
      unit={props.unit}
      inputMode={props.inputMode}
      disabled={props.disabled}
      placeholder={props.placeholder}
      className={props.className}
      title={props.title}
      onChange={(text) => {
        setDraft(text);
        setPending(false);
        // Once a problem is shown, it follows the typing, so it disappears as soon as it is fixed.
        if (error) {
          const parsed = rule(text);
          setError(parsed.ok ? null : parsed.message);
        }
      }}
      onKeyDown={onKeyDown}
      onBlur={() => void commit()}
    />
  );
}
