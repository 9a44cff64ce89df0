import { useShallow, useApp } from '../../store/hooks.tsx';
import { DraftField } from '../../ui/DraftField.tsx';
import { ruleFor } from '../../ui/fieldRules.ts';
import { LIMITS } from '../../engine/scenario/limits.ts';

const countRule = ruleFor('key count', LIMITS.keys.count);
const zipfRule = ruleFor('Zipf exponent', LIMITS.keys.zipf);

/** Which cache keys requests ask for: how many keys, and how unevenly popular (Zipf). */
export function KeyFields() {
  const keys = useApp(useShallow((s) => s.snapshot?.setup.keys ?? null));
  const command = useApp((s) => s.command);
  if (!keys) return null;

  return (
    <fieldset className="workload-group">
      <legend>Key popularity</legend>
      <DraftField
        id="keys-count"
        label="Keys"
        testId="traffic.keyCount"
        value={String(keys.count)}
        rule={countRule}
        inputMode="numeric"
        onCommit={(count) => command({ type: 'setKeys', keys: { ...keys, count } })}
      />
      <DraftField
        id="keys-zipf"
        label="Zipf exponent"
        testId="traffic.zipf"
        value={String(keys.zipf)}
        rule={zipfRule}
        hint="0: every key equally popular; 1 and above: a few hot keys get most requests"
        onCommit={(zipf) => command({ type: 'setKeys', keys: { ...keys, zipf } })}
      />
    </fieldset>
  );
}
