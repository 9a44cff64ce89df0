import { DraftField } from '../../ui/DraftField.tsx';
import { wholeNumber } from '../../ui/fieldRules.ts';
import './ChoiceCount.css';

/** Props of {@link ChoiceCount}. */
export interface ChoiceCountProps {
  /** The d in force. */
  readonly value: number;
  /** Servers in the setup: d runs from 1 to this. */
  readonly servers: number;
  /** Applies a new d; resolves false when the worker refused it. */
  readonly onChange: (d: number) => Promise<boolean> | boolean;
}

/**
 * The choice count d of power of d choices, from 1 (one server sampled: random) to every server
 * (the least loaded of all: least connections), typed or picked from the landmarks in between.
 */
export function ChoiceCount({ value, servers, onChange }: ChoiceCountProps) {
  const n = Math.max(1, servers);
  const landmarks = [...new Set([1, 2, 3, n])].filter((d) => d <= n).sort((a, b) => a - b);
  const name = (d: number) =>
    d === 1 ? '1 = random' : d === n ? `${n} = least connections` : String(d);
  return (
    <div className="choice-count">
      <DraftField
        id="strategy-choices"
        label="Choices (d)"
        testId="strategy.choices"
        value={String(value)}
        rule={wholeNumber('choices', 1, n)}
        inputMode="numeric"
        hint={`Servers sampled per request, the least loaded wins: 1 = random … ${n} (all) = least connections`}
        onCommit={onChange}
      />
      <div className="choice-count-marks" role="group" aria-label="Choices (d): common values">
        {landmarks.map((d) => (
          <button
            key={d}
            type="button"
            className="btn btn-small"
            aria-pressed={d === value}
            data-testid="strategy.choicesPreset"
            data-d={d}
            onClick={() => void onChange(d)}
          >
            {name(d)}
          </button>
        ))}
      </div>
    </div>
  );
}
