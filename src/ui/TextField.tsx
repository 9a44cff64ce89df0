import type { KeyboardEvent, ReactNode } from 'react';
import './TextField.css';

/** Props of {@link TextField}. */
export interface TextFieldProps {
  /** DOM id of the input; the message gets `${id}-error`, the hint `${id}-hint`. */
  readonly id: string;
  readonly label: ReactNode;
  readonly testId: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void;
  readonly onBlur?: () => void;
  /** The problem with the typed value, shown next to the field; null when there is none. */
  readonly error: string | null;
  readonly hint?: string;
  /** Shown after the input, e.g. "ms". */
  readonly unit?: string;
  readonly inputMode?: 'numeric' | 'decimal' | 'text';
  readonly disabled?: boolean;
  readonly placeholder?: string;
  /** Extra class on the wrapper: `is-wide` stretches the input, `is-inline` drops the grid. */
  readonly className?: string;
  readonly title?: string;
}

/**
 * A labelled text input with its unit, a hint and an inline problem message (aria-invalid and
 * aria-describedby point at it). Numbers are typed as text, not `type="number"`, so a mistyped
 * value stays visible and can be explained instead of silently becoming empty.
 */
export function TextField(props: TextFieldProps) {
  const { id, error, hint } = props;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ');
  return (
    <div className={`text-field ${props.className ?? ''}`} title={props.title}>
      <label htmlFor={id}>{props.label}</label>
      <span className="text-field-input">
        <input
          id={id}
          type="text"
          inputMode={props.inputMode ?? 'decimal'}
          autoComplete="off"
          spellCheck={false}
          data-testid={props.testId}
          value={props.value}
          placeholder={props.placeholder}
          disabled={props.disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(e) => props.onChange(e.target.value)}
          onKeyDown={props.onKeyDown}
          onBlur={props.onBlur}
        />
        {props.unit && <span className="text-field-unit">{props.unit}</span>}
      </span>
      {hint && (
        <p id={hintId} className="text-field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
