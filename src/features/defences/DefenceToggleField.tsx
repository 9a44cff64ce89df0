import { useState, type ReactNode } from 'react';
import { DefenceField } from './DefenceField.tsx';
import type { Rule } from '../../ui/fieldRules.ts';

/** Props of {@link DefenceToggleField}. */
export interface DefenceToggleFieldProps {
  /** Test ids `defences.<name>` (the field) and `defences.<name>.enabled` (the switch). */
  readonly name: string;
  /** The switch's words: "Client timeout". */
  readonly label: string;
  /** The number's words: "Give up after". */
  readonly fieldLabel: string;
  /** The value in force, or null when the defence is off. */
  readonly value: number | null;
  /** The value switching it on uses when it was never on: a common choice. */
  readonly suggested: number;
  readonly rule: Rule<number>;
  readonly unit: string;
  readonly source: string;
  /** Fields shown beside the number whether the defence is on or off. */
  readonly children?: ReactNode;
  /** Applies a value, or null to switch the defence off. */
  readonly onChange: (value: number | null) => Promise<boolean>;
}

/**
 * A defence that is either off or set to one number: a switch, and the number beside it. While
 * off the field is empty and says so; typing a number there switches the defence on with it, and
 * ticking the switch brings back the last number in force (or a common choice).
 */
export function DefenceToggleField(props: DefenceToggleFieldProps) {
  const { name, label, value, onChange } = props;
  // The number to switch back on with: the last one in force, so off and on again loses nothing.
  const [remembered, setRemembered] = useState(value ?? props.suggested);
  if (value !== null && value !== remembered) setRemembered(value);
  // The switch follows the click at once, until the snapshot confirms it or the worker refuses.
  const [ticked, setTicked] = useState<boolean | null>(null);
  const [seenOn, setSeenOn] = useState(value !== null);
  if (seenOn !== (value !== null)) {
    setSeenOn(value !== null);
    setTicked(null);
  }
  const on = ticked ?? value !== null;
  async function toggle(next: boolean): Promise<void> {
    setTicked(next);
    if (!(await onChange(next ? remembered : null))) setTicked(null);
  }

  return (
    <div className="defence-toggle">
      <label className="defence-switch">
        <input
          type="checkbox"
          data-testid={`defences.${name}.enabled`}
          checked={on}
          onChange={(e) => void toggle(e.target.checked)}
        />
        {label}
      </label>
      <div className="defence-fields">
        <DefenceField
          name={name}
          label={props.fieldLabel}
          value={on ? remembered : null}
          placeholder={on ? undefined : 'off'}
          rule={props.rule}
          unit={props.unit}
          source={props.source}
          onCommit={(v) => onChange(v)}
        />
        {props.children}
      </div>
    </div>
  );
}
