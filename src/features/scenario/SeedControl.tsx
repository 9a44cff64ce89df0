import { useApp } from '../../store/hooks.tsx';
import { DraftField } from '../../ui/DraftField.tsx';
import { ruleFor } from '../../ui/fieldRules.ts';
import { LIMITS } from '../../engine/scenario/limits.ts';

const seedRule = ruleFor('seed', LIMITS.seed);

/** A random seed in 0..2^32-1 (crypto, so two clicks practically never give the same one). */
function randomSeed(): number {
  const buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  return buf[0]!;
}

/**
 * The run's random seed: the same seed and setup always replay the same run. Changing it restarts
 * the run from time 0 with the current setup.
 */
export function SeedControl() {
  const seed = useApp((s) => s.snapshot?.setup.seed);
  const command = useApp((s) => s.command);
  const setSeed = (value: number) => command({ type: 'setSeed', seed: value });

  return (
    <div className="toolbar-seed">
      <DraftField
        id="toolbar-seed"
        label="Seed"
        testId="seed.input"
        value={seed === undefined ? '' : String(seed)}
        rule={seedRule}
        onCommit={setSeed}
        inputMode="numeric"
        disabled={seed === undefined}
        className="is-inline"
        title="The same seed and setup replay the same run. A new seed restarts the run from 0 s."
      />
      <button
        type="button"
        className="btn"
        data-testid="seed.new"
        aria-label="New random seed"
        title="New random seed (restarts the run)"
        disabled={seed === undefined}
        onClick={() => void setSeed(randomSeed())}
      >
        <span aria-hidden="true">⟳</span>
      </button>
    </div>
  );
}
