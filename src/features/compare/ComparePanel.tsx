import { useApp } from '../../store/hooks.tsx';
import { RunProgress } from '../../ui/RunProgress.tsx';
import { CompareCharts } from './CompareCharts.tsx';
import { CompareChooser } from './CompareChooser.tsx';
import { CompareTable } from './CompareTable.tsx';
import { CompareWorkload } from './CompareWorkload.tsx';
import { NOISE_NOTE } from './compareNoise.ts';
import { countOf } from '../../lib/words.ts';
import './ComparePanel.css';

/**
 * Compare mode: the current setup run once per chosen strategy on the identical workload (the
 * same arrivals, keys and service times from the seed), shown as a table with the best value of
 * each row marked and as small multiples on shared axes.
 */
export function ComparePanel() {
  const seed = useApp((s) => s.snapshot?.setup.seed ?? null);
  const job = useApp((s) => s.compare.job);
  const running = job !== null;
  const cancel = useApp((s) => s.compare.cancel);
  const result = useApp((s) => s.compare.result);
  const error = useApp((s) => s.compare.error);
  const count = useApp((s) => s.compare.selected.length);

  return (
    <section
      className="panel compare-panel"
      aria-labelledby="compare-title"
      aria-busy={running}
      data-testid="compare.panel"
    >
      <h2 id="compare-title">Compare strategies</h2>
      <p className="compare-intro">
        Runs the current setup once per strategy on the identical workload: the same arrivals, keys
        and service times{seed === null ? '' : `, drawn from seed ${seed}`}. So every difference
        below comes from the strategy alone. The setup’s own traffic is used (plus a live rate, if
        set); bursts fired by hand are not part of it.
      </p>
      <CompareChooser />
      <p className="compare-status" role="status" aria-live="polite">
        {running ? `Running ${countOf(count, 'strategy', 'strategies')} on the same workload…` : ''}
      </p>
      {job && (
        <RunProgress
          job={job}
          label="Comparison progress"
          onCancel={cancel}
          testId="compare.progress"
        />
      )}
      {error && (
        <p className="compare-error" role="alert" data-testid="compare.error">
          {error}
        </p>
      )}
      {result && (
        <div className={`compare-results ${running ? 'is-stale' : ''}`}>
          <CompareWorkload result={result} />
          <CompareTable result={result} />
          <p className="compare-footnote">
            Utilization spread: the busiest server’s share of capacity in use minus the idlest
            one’s, in percentage points (pts); CV is their standard deviation over their mean.
          </p>
          <p className="compare-footnote" data-testid="compare.noiseNote">
            {NOISE_NOTE}
          </p>
          <CompareCharts result={result} />
        </div>
      )}
    </section>
  );
}
