import { useEffect, useState } from 'react';
import { useApp, useAppStore } from '../../store/hooks.tsx';
import { SweepExports } from './SweepExports.tsx';
import { SweepForm } from './SweepForm.tsx';
import { SweepPointGrid } from './SweepPointGrid.tsx';
import { SweepResults } from './SweepResults.tsx';
import { sweepFileOf } from './sweepDraft.ts';
import { decodeSweepHash } from './sweepLink.ts';
import { INITIAL_DRAFT } from '../../store/sweepSlice.ts';
import { SWEEP_PRESETS } from '../../engine/sweep/presets.ts';
import type { FigureName } from '../../engine/sweep/figures.ts';
import { draftOfFile, draftOfPreset } from './sweepDraft.ts';
import { sweepProgressText } from './sweepProgressText.ts';
import './SweepPanel.css';

/**
 * Sweeps: many headless runs over a range of one number, several replications each with their
 * own seeds, on a pool of Web Workers, drawn as curves with confidence bands and theory beside
 * them. The same sweep file runs in the CLI (`npm run sweep`) with the same results.
 */
export function SweepPanel() {
  const draft = useApp((s) => s.sweep.draft);
  const store = useAppStore();
  const job = useApp((s) => s.sweep.job);
  const workers = useApp((s) => s.sweep.workers);
  const plan = useApp((s) => s.sweep.plan);
  const points = useApp((s) => s.sweep.points);
  const problems = useApp((s) => s.sweep.problems);
  const error = useApp((s) => s.sweep.error);
  const cancelled = useApp((s) => s.sweep.cancelled);
  const run = useApp((s) => s.sweep.run);
  const cancel = useApp((s) => s.sweep.cancel);
  const openPoint = useApp((s) => s.sweep.openPoint);
  const setup = useApp((s) => s.snapshot?.setup ?? null);
  const [formError, setFormError] = useState<string | null>(null);
  const [linkNote, setLinkNote] = useState<string | null>(null);

  // The form opens on the knee; a sweep share link (#sweep=…) fills it instead. Either way the
  // person presses Run (a form already edited in this page is left alone).
  useEffect(() => {
    let live = true;
    const { draft: current, setDraft: set, setView } = store.getState().sweep;
    if (current === INITIAL_DRAFT) {
      const opened = draftOfPreset(SWEEP_PRESETS[0]!, current);
      set(opened.draft);
      setView({ figure: opened.figure as FigureName });
    }
    void decodeSweepHash(window.location.hash).then((r) => {
      if (!live || r.kind === 'none') return;
      if (r.kind === 'error') setLinkNote(r.message);
      else {
        set(draftOfFile(r.raw, INITIAL_DRAFT, null));
        setLinkNote('The sweep from the link is in the form below: press Run sweep to run it.');
      }
    });
    return () => {
      live = false;
    };
  }, [store]);

  const start = () => {
    const made = sweepFileOf(draft, setup);
    setFormError(made.ok ? null : made.message);
    if (made.ok) void run(made.file);
  };

  return (
    <section
      className="panel sweep-panel"
      aria-labelledby="sweep-title"
      aria-busy={job !== null}
      data-testid="sweep.panel"
    >
      <h2 id="sweep-title">Sweep: latency against load</h2>
      <p className="sweep-intro">
        Runs the setup over a range of one number (the load, the pool size, the cache…), several
        times each with its own seed, on every core but one, and draws each strategy’s curve with
        its 95% confidence band and the theory that covers it.
      </p>
      {linkNote && (
        <p className="sweep-hint" role="status">
          {linkNote}
        </p>
      )}
      <SweepForm />
      <div className="sweep-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="sweep.run"
          disabled={job !== null}
          onClick={start}
        >
          Run sweep
        </button>
        {job && (
          <button
            type="button"
            className="btn"
            data-testid="sweep.cancel"
            onClick={cancel}
            disabled={job.stopping}
          >
            Stop
          </button>
        )}
      </div>
      <p className="sweep-status" role="status" aria-live="polite" data-testid="sweep.status">
        {job
          ? sweepProgressText(job, workers)
          : cancelled
            ? `Stopped: ${points.length === 1 ? '1 point has' : `${points.length} points have`} at least one run.`
            : plan && points.length > 0
              ? 'Done.'
              : ''}
      </p>
      {job && <progress max={job.total} value={job.done} aria-label="Sweep progress" />}
      {(formError || error) && (
        <p className="sweep-error" role="alert" data-testid="sweep.error">
          {formError ?? error}
        </p>
      )}
      {problems.length > 0 && (
        <ul className="sweep-error" role="alert" data-testid="sweep.problems">
          {problems.map((p) => (
            <li key={`${p.path}:${p.message}`}>
              <code>{p.path || '(file)'}</code>: {p.message}
            </li>
          ))}
        </ul>
      )}
      {plan && (
        <SweepPointGrid
          header={plan.header}
          points={points}
          onOpen={(point) => void openPoint(point)}
        />
      )}
      <SweepResults />
      <SweepExports />
    </section>
  );
}
