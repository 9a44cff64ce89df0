import { useRef, useState } from 'react';
import type { ResilienceSpec } from '../../engine/scenario/types.ts';
import { useApp, useAppStore } from '../../store/hooks.tsx';
import { DefenceGroup } from './DefenceGroup.tsx';
import { DefenceToggleField } from './DefenceToggleField.tsx';
import { DefencesBalancers } from './DefencesBalancers.tsx';
import { DefencesBreaker } from './DefencesBreaker.tsx';
import { DefencesHealth } from './DefencesHealth.tsx';
import { DefencesHedging } from './DefencesHedging.tsx';
import { DefencesLimiter } from './DefencesLimiter.tsx';
import { DefencesOutlier } from './DefencesOutlier.tsx';
import { DefencesRetry } from './DefencesRetry.tsx';
import { DefencesThrottling } from './DefencesThrottling.tsx';
import { DefencesTimeouts } from './DefencesTimeouts.tsx';
import { FoldedWhileOff } from '../../ui/FoldedWhileOff.tsx';
import { RULES, type ChangeDefences } from './defences.ts';
import { tailDefencesOn } from './tailDefences.ts';
import './DefencesPanel.css';

/**
 * The defences against faults, each switchable and tunable live: health checks, outlier ejection,
 * panic threshold, timeouts, retries, circuit breaker, slow start, and several balancers; and,
 * folded while all are off, those against overload and the tail (a concurrency limit, adaptive
 * throttling, hedged requests). A change the simulation refuses is explained here, next to the
 * controls.
 */
export function DefencesPanel() {
  const spec = useApp((s) => s.snapshot?.setup.resilience ?? null);
  const panic = useApp((s) => s.snapshot?.panic ?? false);
  const command = useApp((s) => s.command);
  const [refusal, setRefusal] = useState<string | null>(null);
  // The settings last sent, while no snapshot has shown them yet: two quick changes in a row
  // must build on each other, not both on the older settings.
  const store = useAppStore();
  const sent = useRef<{ base: ResilienceSpec; spec: ResilienceSpec } | null>(null);
  if (!spec) return null;

  const change: ChangeDefences = async (edit) => {
    const from = sent.current?.base === spec ? sent.current.spec : spec;
    const resilience = { ...from, ...edit(from) };
    sent.current = { base: spec, spec: resilience };
    const ok = await command({ type: 'setResilience', resilience });
    if (ok) setRefusal(null);
    else {
      sent.current = null;
      setRefusal(store.getState().notice?.text ?? 'The simulation refused that change.');
    }
    return ok;
  };
  const props = { spec, change };

  return (
    <section
      className="panel defences-panel"
      aria-labelledby="defences-title"
      data-testid="defences.panel"
    >
      <h2 id="defences-title">Defences</h2>
      {panic && (
        <p className="defences-panic" role="status" data-testid="defences.panic">
          <span aria-hidden="true">⚠ </span>Panic mode: routing to all servers
        </p>
      )}
      {refusal && (
        <p className="defences-refusal" role="alert" data-testid="defences.refusal">
          <span aria-hidden="true">⚠ </span>
          {refusal}
        </p>
      )}
      <DefencesHealth {...props} />
      <DefencesOutlier {...props} />
      <DefenceGroup
        title="Panic threshold"
        what="When too few servers look healthy, the balancer routes to all of them rather than crush the few left."
        on={spec.panicThresholdPercent > 0}
      >
        <DefenceToggleField
          name="panicThresholdPercent"
          label="Panic when few look healthy"
          fieldLabel="Below"
          value={spec.panicThresholdPercent > 0 ? spec.panicThresholdPercent : null}
          suggested={50}
          rule={RULES.panicPercent}
          unit="%"
          source="of servers healthy; Envoy: 50%"
          onChange={(v) => change(() => ({ panicThresholdPercent: v ?? 0 }))}
        />
      </DefenceGroup>
      <DefencesTimeouts {...props} />
      <DefencesRetry {...props} />
      <DefencesBreaker {...props} />
      <DefenceGroup
        title="Slow start"
        what="A server coming back ramps its connection limit up instead of taking a full share at once."
        on={spec.slowStartMs > 0}
      >
        <DefenceToggleField
          name="slowStart"
          label="Ramp up revived servers"
          fieldLabel="Over"
          value={spec.slowStartMs > 0 ? spec.slowStartMs : null}
          suggested={10_000}
          rule={RULES.slowStartMs}
          unit="ms"
          source="HAProxy slowstart: no default"
          onChange={(v) => change(() => ({ slowStartMs: v ?? 0 }))}
        />
      </DefenceGroup>
      <DefencesBalancers {...props} />
      <FoldedWhileOff
        title="Against overload and the tail"
        on={tailDefencesOn(spec)}
        className="defences-tail"
        summaryClassName="defences-subhead"
        testId="defences.tail"
      >
        <DefencesLimiter {...props} />
        <DefencesThrottling {...props} />
        <DefencesHedging {...props} />
      </FoldedWhileOff>
    </section>
  );
}
