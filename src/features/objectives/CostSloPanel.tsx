import { useState } from 'react';
import type { CostSpec, SloSpec } from '../../engine/scenario/types.ts';
import { useApp, useAppStore } from '../../store/hooks.tsx';
import { CostSection } from './CostSection.tsx';
import { SloSection } from './SloSection.tsx';
import '../../ui/Controls.css';
import './objectives.css';

/**
 * What the setup costs and whether it meets a latency objective: server-hours and dollars as the
 * run goes, the share of requests within the threshold, the error budget left and how it was
 * spent minute by minute. Both can be switched on and tuned while the run goes on.
 */
export function CostSloPanel() {
  const ready = useApp((s) => s.snapshot !== null);
  const command = useApp((s) => s.command);
  const store = useAppStore();
  const [refusal, setRefusal] = useState<string | null>(null);
  if (!ready) return null;

  async function send(
    cmd: { type: 'setCost'; cost: CostSpec | null } | { type: 'setSlo'; slo: SloSpec | null },
  ) {
    const ok = await command(cmd);
    setRefusal(
      ok ? null : (store.getState().notice?.text ?? 'The simulation refused that change.'),
    );
    return ok;
  }

  return (
    <section
      className="panel objectives-panel"
      aria-labelledby="objectives-title"
      data-testid="objectives.panel"
    >
      <h2 id="objectives-title">Cost &amp; SLO</h2>
      {refusal && (
        <p className="objectives-refusal" role="alert">
          <span aria-hidden="true">⚠ </span>
          {refusal}
        </p>
      )}
      <CostSection setCost={(cost) => send({ type: 'setCost', cost })} />
      <SloSection setSlo={(slo) => send({ type: 'setSlo', slo })} />
    </section>
  );
}
