import type { HealthCheckSpec, HealthMode } from '../../engine/scenario/types.ts';
import { DefenceField } from './DefenceField.tsx';
import { DefenceGroup } from './DefenceGroup.tsx';
import { DefenceModes, type DefenceMode } from './DefenceModes.tsx';
import { RULES, type DefenceSectionProps } from './defences.ts';
import { usePending } from '../../ui/usePending.ts';

const MODES: ReadonlyArray<DefenceMode<HealthMode>> = [
  {
    mode: 'instant',
    label: 'Instant',
    what: 'The balancer knows at once, like the demo’s registry.',
  },
  {
    mode: 'active',
    label: 'Active checks',
    what: 'It checks each interval (HAProxy): “fall” failures take a server out, “rise” passes bring it back, so its view lags.',
  },
  {
    mode: 'none',
    label: 'None',
    what: 'It never checks: a dead server keeps getting requests (refused at once) unless ejection or a breaker notices.',
  },
];

/** How the balancer learns a server is down: instantly, by active checks (with their timing), or never. */
export function DefencesHealth({ spec, change }: DefenceSectionProps) {
  const h = spec.healthCheck;
  const mode = usePending(h.mode);
  const set = (patch: Partial<HealthCheckSpec>) =>
    change((r) => ({ healthCheck: { ...r.healthCheck, ...patch } }));

  return (
    <DefenceGroup
      title="Health checks"
      what="How the balancer learns that a server is down, or back up."
      on={mode.shown !== 'none'}
    >
      <DefenceModes
        name="health"
        modes={MODES}
        shown={mode.shown}
        onPick={(m) => mode.track(m, set({ mode: m }))}
      />
      {mode.shown === 'active' && (
        <div className="defence-fields">
          <DefenceField
            name="health.intervalMs"
            label="Check every"
            value={h.intervalMs}
            rule={RULES.intervalMs}
            unit="ms"
            source="HAProxy inter: 2 s"
            onCommit={(intervalMs) => set({ intervalMs })}
          />
          <DefenceField
            name="health.timeoutMs"
            label="Check timeout"
            value={h.timeoutMs}
            rule={RULES.checkTimeoutMs}
            unit="ms"
            source="default 1 s"
            onCommit={(timeoutMs) => set({ timeoutMs })}
          />
          <DefenceField
            name="health.rise"
            label="Rise"
            value={h.rise}
            rule={RULES.rise}
            whole
            source="passes; HAProxy: 2"
            onCommit={(rise) => set({ rise })}
          />
          <DefenceField
            name="health.fall"
            label="Fall"
            value={h.fall}
            rule={RULES.fall}
            whole
            source="failures; HAProxy: 3"
            onCommit={(fall) => set({ fall })}
          />
        </div>
      )}
    </DefenceGroup>
  );
}
