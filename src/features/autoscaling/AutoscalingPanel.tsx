import { useRef, useState } from 'react';
import type { AutoscalingSpec } from '../../engine/scenario/types.ts';
import { useApp, useAppStore } from '../../store/hooks.tsx';
import { AutoscalingSettings } from './AutoscalingSettings.tsx';
import { AutoscalingStatus } from './AutoscalingStatus.tsx';
import { initialSpec } from './autoscalingForm.ts';
import { ScalingActions } from './ScalingActions.tsx';
import type { ChangeScaling } from './scalingTypes.ts';
import '../../ui/Controls.css';
import './autoscaling.css';

/**
 * The autoscaler: switch it on, choose its policy and metric, bounds and timings, all live; it
 * shows the count it recommends against the pool as it is, and why it last decided what it did.
 */
export function AutoscalingPanel() {
  const spec = useApp((s) => s.snapshot?.setup.autoscaling ?? null);
  const servers = useApp((s) => s.snapshot?.setup.servers.length ?? 0);
  const ready = useApp((s) => s.snapshot !== null);
  const command = useApp((s) => s.command);
  const store = useAppStore();
  const [refusal, setRefusal] = useState<string | null>(null);
  // The settings last sent, so two quick changes build on each other; and the last settings in
  // force before switching off, so off and on again loses nothing.
  const sent = useRef<{ base: AutoscalingSpec | null; spec: AutoscalingSpec | null } | null>(null);
  const [remembered, setRemembered] = useState<AutoscalingSpec | null>(null);
  if (spec !== null && spec !== remembered) setRemembered(spec);

  async function send(next: AutoscalingSpec | null): Promise<boolean> {
    sent.current = { base: spec, spec: next };
    const ok = await command({ type: 'setAutoscaling', autoscaling: next });
    if (ok) setRefusal(null);
    else {
      sent.current = null;
      setRefusal(store.getState().notice?.text ?? 'The simulation refused that change.');
    }
    return ok;
  }

  const change: ChangeScaling = (edit) => {
    const from = (sent.current?.base === spec ? sent.current.spec : spec) ?? spec;
    if (from === null) return Promise.resolve(false);
    return send({ ...from, ...edit(from) });
  };

  return (
    <section
      className="panel autoscaling-panel"
      aria-labelledby="autoscaling-title"
      data-testid="autoscaling.panel"
    >
      <h2 id="autoscaling-title">Autoscaling</h2>
      <label className="scaling-switch">
        <input
          type="checkbox"
          data-testid="autoscaling.enabled"
          checked={spec !== null}
          disabled={!ready}
          onChange={(e) =>
            void send(e.target.checked ? (remembered ?? initialSpec(servers)) : null)
          }
        />
        Grow and shrink the pool with the load
      </label>
      {refusal && (
        <p className="scaling-refusal" role="alert" data-testid="autoscaling.refusal">
          <span aria-hidden="true">⚠ </span>
          {refusal}
        </p>
      )}
      {spec === null ? (
        <p className="scaling-note">
          Off: the pool keeps the servers you give it. On, an autoscaler measures the servers every
          sync period and orders or drains servers to keep its metric near a target, as Kubernetes’
          HorizontalPodAutoscaler or an AWS scaling policy would.
        </p>
      ) : (
        <>
          <AutoscalingStatus spec={spec} />
          <AutoscalingSettings spec={spec} change={change} />
          <ScalingActions />
        </>
      )}
    </section>
  );
}
