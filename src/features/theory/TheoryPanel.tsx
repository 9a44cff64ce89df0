import { useMemo, useState } from 'react';
import { CheMemo, measuredFor, theoryPredictions } from './theoryOverlay.ts';
import { useApp, useShallow, type PlaygroundState } from '../../store/hooks.tsx';
import { TheoryRow } from './TheoryRow.tsx';
import { useMidRunChange } from './useMidRunChange.ts';
import '../../ui/Controls.css';
import './TheoryPanel.css';

/** The few figures of the summary the formulas are checked against (scalars: cheap to compare). */
function selectFigures(s: PlaygroundState) {
  const m = s.snapshot?.summary;
  return {
    total: m?.requests.total ?? 0,
    served: m?.requests.served ?? 0,
    rejected: m?.requests.rejected ?? 0,
    mean: m?.latencyMs.mean ?? null,
    hits: m?.cache.hits ?? 0,
    misses: m?.cache.misses ?? 0,
    hitRate: m?.cache.hitRate ?? null,
  };
}

/**
 * Queueing theory next to the simulation: for each formula, its prediction for the current setup
 * beside what the run measured, or the precise reasons the setup is outside what it covers.
 */
export function TheoryPanel() {
  const setup = useApp((s) => s.snapshot?.setup ?? null);
  const liveRate = useApp((s) => s.snapshot?.steadyRate ?? 0);
  const f = useApp(useShallow(selectFigures));
  const mixed = useMidRunChange();
  const [che] = useState(() => new CheMemo());
  const predictions = useMemo(
    () => (setup ? theoryPredictions({ setup, liveRatePerSec: liveRate }, che) : []),
    [setup, liveRate, che],
  );
  const summary = {
    requests: { total: f.total, served: f.served, rejected: f.rejected },
    latencyMs: { mean: f.mean },
    cache: { hits: f.hits, misses: f.misses, hitRate: f.hitRate },
  };

  return (
    <section
      className="panel theory-panel"
      aria-labelledby="theory-title"
      data-testid="theory.panel"
    >
      <h2 id="theory-title">Theory check</h2>
      <p className="theory-intro">
        Where queueing theory has an answer for this setup, it stands next to what the simulation
        measured over the whole run so far (bursts fired by hand included). Early on, and in short
        runs, the two differ by chance; they close in as the run goes on.
      </p>
      {mixed && (
        <p className="theory-warning" data-testid="theory.mixed">
          The setup or the rate changed during this run, so the measurements mix two setups. Reset
          to measure this one alone.
        </p>
      )}
      <ul className="theory-rows">
        {predictions.map((p) => (
          <TheoryRow key={p.id} prediction={p} measured={measuredFor(p.id, summary)} />
        ))}
      </ul>
    </section>
  );
}
