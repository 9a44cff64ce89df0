import { TextField } from '../../ui/TextField.tsx';
import type { Rule } from '../../ui/fieldRules.ts';

/** Props of {@link ShapeField}. */
export interface ShapeFieldProps {
  readonly id: string;
  readonly label: string;
  readonly text: string;
  readonly rule: Rule<number>;
  readonly unit?: string;
  readonly error: string | null;
  readonly onText: (text: string) => void;
}

/** A field of a traffic shape being written: its text, checked when the shape is added. */
export function ShapeField(p: ShapeFieldProps) {
  return (
    <TextField
      id={`traffic-${p.id}`}
      label={p.label}
      testId={`traffic.${p.id}`}
      value={p.text}
      unit={p.unit}
      error={p.error}
      inputMode="decimal"
      className="shape-field"
      onChange={p.onText}
    />
  );
}
