import type { BalancersSpec } from '../../engine/scenario/types.ts';
import { DefenceField } from './DefenceField.tsx';
import { DefenceGroup } from './DefenceGroup.tsx';
import { RULES, type DefenceSectionProps } from './defences.ts';

/** Several independent balancers and how stale their view of each other's load is. */
export function DefencesBalancers({ spec, change }: DefenceSectionProps) {
  const b = spec.balancers;
  const set = (patch: Partial<BalancersSpec>) =>
    change((r) => ({ balancers: { ...r.balancers, ...patch } }));

  return (
    <DefenceGroup
      title="Balancers"
      what="Several balancers share the servers; when each sees the others’ load late, they herd onto the same idle server."
    >
      <div className="defence-fields">
        <DefenceField
          name="balancers.count"
          label="Balancers"
          value={b.count}
          rule={RULES.balancers}
          whole
          source="1–64; default 1"
          onCommit={(count) => set({ count })}
        />
        <DefenceField
          name="balancers.loadUpdateMs"
          label="Load update every"
          value={b.loadUpdateMs}
          rule={RULES.loadUpdateMs}
          unit="ms"
          source="0 = live; default 0"
          onCommit={(loadUpdateMs) => set({ loadUpdateMs })}
        />
      </div>
    </DefenceGroup>
  );
}
