import { useApp, useShallow } from '../../store/hooks.tsx';
import { formatCount } from '../../lib/format.ts';
import { SummaryStat } from './SummaryStat.tsx';

const NO_HEALTHY =
  'no server the balancer could use (all full, down, ejected or with an open circuit) when it arrived.';
const OVERLOADED = 'the strategy picked a server that had no room.';

const NOTHING = {
  served: 0,
  rejected: 0,
  noHealthy: 0,
  overloaded: 0,
  failed: 0,
  timedOut: 0,
  sent: 0,
  denied: 0,
  amplification: 1,
  late: 0,
  wastedMs: 0,
};

/** Wasted work in seconds of server time: 0.42 s, 12.3 s. */
function seconds(ms: number): string {
  const s = ms / 1000;
  return `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;
}

/**
 * The run's requests by how they ended (served, rejected by reason, failed, timed out), with a
 * bar of their shares, and what retries cost: attempts sent and refused, the amplification, and
 * the work done for answers that came too late.
 */
export function SummaryOutcomes() {
  const r = useApp(
    useShallow((s) => {
      const sum = s.snapshot?.summary;
      if (!sum) return NOTHING;
      const q = sum.requests;
      const t = sum.retries;
      return {
        served: q.served,
        rejected: q.rejected,
        noHealthy: q.rejectedByReason.noHealthyServers,
        overloaded: q.rejectedByReason.overloaded,
        failed: q.failed,
        timedOut: q.timedOut,
        sent: t.sent,
        denied: t.denied,
        amplification: t.amplification,
        late: t.lateResponses,
        wastedMs: t.wastedMs,
      };
    }),
  );
  const ended = r.served + r.rejected + r.failed + r.timedOut;
  const parts = [
    { key: 'served', n: r.served },
    { key: 'rejected', n: r.rejected },
    { key: 'failed', n: r.failed },
    { key: 'timedOut', n: r.timedOut },
  ];

  return (
    <>
      <div className="summary-share" aria-hidden="true">
        {ended > 0 &&
          parts.map((p) =>
            p.n > 0 ? (
              <span
                key={p.key}
                className={`summary-share-part is-${p.key}`}
                style={{ flexGrow: p.n }}
              />
            ) : null,
          )}
      </div>
      <dl className="summary-grid">
        <SummaryStat label="served" value={formatCount(r.served)} testId="summary.served" />
        <SummaryStat
          label="rejected"
          value={formatCount(r.rejected)}
          testId="summary.rejected"
          hint="turned away by the balancer"
          warn={r.rejected > 0}
        />
        <SummaryStat
          label="failed"
          value={formatCount(r.failed)}
          testId="summary.failed"
          hint="ended in an error: the server failed it, crashed, refused or never answered"
          warn={r.failed > 0}
        />
        <SummaryStat
          label="timed out"
          value={formatCount(r.timedOut)}
          testId="summary.timedOut"
          hint="the client's timeout ran out first"
          warn={r.timedOut > 0}
        />
      </dl>
      <h3 className="summary-sub">Rejected, by reason</h3>
      <dl className="summary-reasons">
        <SummaryStat
          label="no healthy servers"
          hint={NO_HEALTHY}
          value={formatCount(r.noHealthy)}
          testId="summary.noHealthy"
          warn={r.noHealthy > 0}
        />
        <SummaryStat
          label="overloaded"
          hint={OVERLOADED}
          value={formatCount(r.overloaded)}
          testId="summary.overloaded"
          warn={r.overloaded > 0}
        />
      </dl>
      <ul className="summary-notes" aria-label="What the rejection reasons mean">
        <li>
          <strong>no healthy servers</strong>: {NO_HEALTHY}
        </li>
        <li>
          <strong>overloaded</strong>: {OVERLOADED}
        </li>
      </ul>
      <h3 className="summary-sub">Retries and wasted work</h3>
      <dl className="summary-retries">
        <SummaryStat
          label="retries sent"
          value={formatCount(r.sent)}
          testId="summary.retries"
          hint="extra attempts after a failure or timeout"
        />
        <SummaryStat
          label="retries denied"
          value={formatCount(r.denied)}
          testId="summary.retriesDenied"
          hint="retries the retry budget refused"
        />
        <SummaryStat
          label="attempts per request"
          value={`×${r.amplification.toFixed(2)}`}
          testId="summary.amplification"
          hint="(requests + retries) / requests: the load the servers saw per request"
        />
        <SummaryStat
          label="late answers"
          value={formatCount(r.late)}
          testId="summary.late"
          hint="answers that came after the client had given up"
        />
        <SummaryStat
          label="wasted work"
          value={seconds(r.wastedMs)}
          testId="summary.wasted"
          hint="server time spent on late answers"
          warn={r.wastedMs > 0}
        />
      </dl>
    </>
  );
}
