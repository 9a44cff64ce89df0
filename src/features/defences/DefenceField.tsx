import { DraftField } from '../../ui/DraftField.tsx';
import type { Rule } from '../../ui/fieldRules.ts';
import { asText } from './defences.ts';

/** Props of {@link DefenceField}. */
export interface DefenceFieldProps {
  /** The test id after `defences.`, also the DOM id's stem: `outlier.baseEjectionMs`. */
  readonly name: string;
  readonly label: string;
  /** The value in force; null shows an empty field (the defence is off) with `placeholder`. */
  readonly value: number | null;
  readonly placeholder?: string;
  readonly rule: Rule<number>;
  readonly unit?: string;
  /** A count (numeric keyboard) rather than a measure. */
  readonly whole?: boolean;
  /** Where the default comes from, shown under the field: "HAProxy default 2 s". */
  readonly source: string;
  readonly disabled?: boolean;
  readonly onCommit: (value: number) => Promise<boolean>;
}

/** One tunable of a defence: a validated number field with its unit and the default's source. */
export function DefenceField(props: DefenceFieldProps) {
  const { name, label, value, rule, unit, source, whole = false } = props;
  return (
    <DraftField
      id={`defences-${name.replace(/\./g, '-')}`}
      label={label}
      testId={`defences.${name}`}
      value={value === null ? '' : asText(value)}
      placeholder={props.placeholder}
      rule={rule}
      unit={unit}
      hint={source}
      inputMode={whole ? 'numeric' : 'decimal'}
      disabled={props.disabled}
      className="defence-field"
      onCommit={props.onCommit}
    />
  );
}
