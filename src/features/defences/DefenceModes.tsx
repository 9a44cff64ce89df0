/** One choice of a defence's mode: its value, its label, and a sentence on what it does. */
export interface DefenceMode<M extends string> {
  readonly mode: M;
  readonly label: string;
  readonly what: string;
}

interface DefenceModesProps<M extends string> {
  /** The radio group's name and test id (`defences.<name>.mode`). */
  readonly name: string;
  readonly modes: ReadonlyArray<DefenceMode<M>>;
  readonly shown: M;
  readonly onPick: (mode: M) => void;
}

/** A defence's modes as a radio group, with the sentence about the one chosen below it. */
export function DefenceModes<M extends string>({
  name,
  modes,
  shown,
  onPick,
}: DefenceModesProps<M>) {
  const current = modes.find((m) => m.mode === shown) ?? modes[0]!;
  return (
    <>
      <div className="defence-modes">
        {modes.map((m) => (
          <label key={m.mode} className="defence-choice">
            <input
              type="radio"
              name={`defences-${name}-mode`}
              value={m.mode}
              data-testid={`defences.${name}.mode`}
              data-mode={m.mode}
              checked={shown === m.mode}
              onChange={() => onPick(m.mode)}
            />
            {m.label}
          </label>
        ))}
      </div>
      <p className="defence-note" aria-live="polite">
        {current.what}
      </p>
    </>
  );
}
