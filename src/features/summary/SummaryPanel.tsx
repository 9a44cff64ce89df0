import { useApp, useShallow } from '../../store/hooks.tsx';
import { formatCount, formatMs } from '../../lib/format.ts';
import { MetricsExport } from '../exports/index.ts';
import { SummaryOutcomes } from './SummaryOutcomes.tsx';
import { SummaryOverload } from './SummaryOverload.tsx';
import { SummaryServers } from './SummaryServers.tsx';
import { SummaryStat } from './SummaryStat.tsx';
import './SummaryPanel.css';

const LATENCY: ReadonlyArray<{
  key: 'mean' | 'p50' | 'p90' | 'p99' | 'p999' | 'max';
  label: string;
}> = [
  { key: 'mean', label: 'mean' },
  { key: 'p50', label: 'p50' },
  { key: 'p90', label: 'p90' },
  { key: 'p99', label: 'p99' },
  { key: 'p999', label: 'p99.9' },
  { key: 'max', label: 'max' },
];

/**
 * The run's totals: requests by outcome (served, rejected by reason, failed, timed out), what
 * retries cost, latency percentiles, and per-server totals.
 */
export function SummaryPanel() {
  const r = useApp(
    useShallow((s) => {
      const q = s.snapshot?.summary.requests;
      return { ready: q !== undefined, total: q?.total ?? 0, inFlight: q?.inFlight ?? 0 };
    }),
  );
  const latency = useApp(useShallow((s) => s.snapshot?.summary.latencyMs ?? null));

  return (
    <section className="panel summary-panel" aria-labelledby="summary-title">
      <h2 id="summary-title">Run summary</h2>
      {!r.ready && <p className="summary-waiting">Waiting for the simulation…</p>}
      {r.ready && (
        <>
          <dl className="summary-head">
            <SummaryStat label="requests" value={formatCount(r.total)} testId="summary.total" />
            <SummaryStat
              label="in flight"
              value={formatCount(r.inFlight)}
              testId="summary.inFlight"
              hint="arrived and not ended yet (in service, queued, or waiting to retry)"
            />
          </dl>
          <h3 className="summary-sub">How requests ended</h3>
          <SummaryOutcomes />
          <SummaryOverload />
          <h3 className="summary-sub">Latency (arrival to completion)</h3>
          <dl className="summary-latency">
            {LATENCY.map(({ key, label }) => (
              <SummaryStat
                key={key}
                label={label}
                value={formatMs(latency?.[key])}
                testId={`summary.${key}`}
              />
            ))}
          </dl>
          <SummaryServers />
        </>
      )}
      <MetricsExport />
    </section>
  );
}
