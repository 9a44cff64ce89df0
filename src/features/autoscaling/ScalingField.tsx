import { DraftField } from '../../ui/DraftField.tsx';
import type { Rule } from '../../ui/fieldRules.ts';
import { asText } from './autoscalingForm.ts';

/** Props of {@link ScalingField}. */
export interface ScalingFieldProps {
  /** The test id after `autoscaling.`, also the DOM id's stem. */
  readonly name: string;
  readonly label: string;
  /** The value as shown (already in the field's unit). */
  readonly value: number;
  readonly rule: Rule<number>;
  readonly unit?: string;
  /** Where the default comes from, or what the field means, under it. */
  readonly hint?: string;
  readonly whole?: boolean;
  readonly onCommit: (value: number) => Promise<boolean>;
}

/** One number of the autoscaler's settings: validated, applied on Enter or when left. */
export function ScalingField(p: ScalingFieldProps) {
  return (
    <DraftField
      id={`autoscaling-${p.name.replace(/\./g, '-')}`}
      label={p.label}
      testId={`autoscaling.${p.name}`}
      value={asText(p.value)}
      rule={p.rule}
      unit={p.unit}
      hint={p.hint}
      inputMode={p.whole ? 'numeric' : 'decimal'}
      className="scaling-field"
      onCommit={p.onCommit}
    />
  );
}
