import { usePlayground, useShallow } from '../store/hooks.ts';
import { formatCount, formatMs } from '../lib/format.ts';
import { SummaryServers } from './SummaryServers.tsx';
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

const NO_HEALTHY = 'every server was full or down when it arrived.';
const OVERLOADED = 'the strategy picked a server that had no room.';

/** The run's totals: requests by outcome, rejections by reason, latency percentiles, per server. */
export function SummaryPanel() {
  const r = usePlayground(
    useShallow((s) => {
      const q = s.snapshot?.summary.requests;
      return {
        ready: q !== undefined,
        total: q?.total ?? 0,
        served: q?.served ?? 0,
        rejected: q?.rejected ?? 0,
        noHealthy: q?.rejectedByReason.noHealthyServers ?? 0,
        overloaded: q?.rejectedByReason.overloaded ?? 0,
        inFlight: q?.inFlight ?? 0,
      };
    }),
  );
  const latency = usePlayground(useShallow((s) => s.snapshot?.summary.latencyMs ?? null));

  return (
    <section className="panel summary-panel" aria-labelledby="summary-title">
      <h2 id="summary-title">Run summary</h2>
      {!r.ready && <p className="summary-waiting">Waiting for the simulation…</p>}
      {r.ready && (
        <>
          <dl className="summary-grid">
            <Stat label="requests" value={formatCount(r.total)} testId="summary.total" />
            <Stat label="served" value={formatCount(r.served)} testId="summary.served" />
            <Stat
              label="rejected"
              value={formatCount(r.rejected)}
              testId="summary.rejected"
              warn={r.rejected > 0}
            />
            <Stat label="in flight" value={formatCount(r.inFlight)} testId="summary.inFlight" />
          </dl>
          <h3 className="summary-sub">Rejected, by reason</h3>
          <dl className="summary-reasons">
            <Stat
              label="no healthy servers"
              hint={NO_HEALTHY}
              value={formatCount(r.noHealthy)}
              testId="summary.noHealthy"
              warn={r.noHealthy > 0}
            />
            <Stat
              label="overloaded"
              hint={OVERLOADED}
              value={formatCount(r.overloaded)}
              testId="summary.overloaded"
              warn={r.overloaded > 0}
            />
          </dl>
          <h3 className="summary-sub">Latency (arrival to completion)</h3>
          <dl className="summary-latency">
            {LATENCY.map(({ key, label }) => (
              <Stat
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
      <ul className="summary-notes" aria-label="What the rejection reasons mean">
        <li>
          <strong>no healthy servers</strong>: {NO_HEALTHY}
        </li>
        <li>
          <strong>overloaded</strong>: {OVERLOADED}
        </li>
      </ul>
    </section>
  );
}

/** One labelled number; the value is plain text so tests and screen readers read it as is. */
function Stat(props: {
  label: string;
  value: string;
  testId: string;
  warn?: boolean;
  hint?: string;
}) {
  const { label, value, testId, warn = false, hint } = props;
  return (
    <div
      className={warn ? 'summary-stat summary-warn' : 'summary-stat'}
      title={hint && `${label}: ${hint}`}
    >
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}
