import { formatCount, formatPercent, formatRate } from '../../lib/format.ts';
import { recentGoodput } from '../../store/goodput.ts';
import { useApp, useShallow } from '../../store/hooks.tsx';
import { SummaryStat } from './SummaryStat.tsx';

const SHED = 'a server refused it from its own queue (queue length or time limit, CoDel).';
const LIMITED = 'the server picked held its learned concurrency limit at the balancer.';
const THROTTLED = 'the client rejected it itself (adaptive throttling): it was never sent.';

/**
 * Overload control's totals, once one of its mechanisms was on: rejections by the new reasons,
 * goodput next to throughput (both per simulated second over the run), and what hedging cost.
 */
export function SummaryOverload() {
  const o = useApp(
    useShallow((s) => {
      const sum = s.snapshot?.summary;
      if (!sum || sum.goodput === undefined) return null;
      const why = sum.requests.rejectedByReason;
      return {
        shed: why.shed ?? 0,
        limited: why.limited ?? 0,
        throttled: why.throttled ?? 0,
        goodput: sum.goodput,
        throughput: sum.throughput ?? 0,
        late: sum.requests.servedLate ?? 0,
        hedges: sum.hedging?.sent ?? 0,
        won: sum.hedging?.won ?? 0,
        extraLoad: sum.hedging?.extraLoad ?? 0,
      };
    }),
  );
  const now = useApp((s) =>
    s.snapshot?.summary.goodput === undefined ? null : recentGoodput(s.snapshot),
  );
  if (!o) return null;
  const share = o.throughput > 0 ? o.goodput / o.throughput : null;

  return (
    <>
      <h3 className="summary-sub">Goodput</h3>
      <dl className="summary-reasons" data-testid="summary.overload">
        <SummaryStat
          label="goodput"
          value={formatRate(o.goodput)}
          testId="summary.goodput"
          hint="served within the deadline, per simulated second over the run"
        />
        <SummaryStat
          label="goodput, last 5 s"
          value={now === null ? '–' : formatRate(now)}
          testId="summary.goodputNow"
          hint="served within the deadline per second over the last 5 simulated seconds"
        />
        <SummaryStat
          label="throughput"
          value={formatRate(o.throughput)}
          testId="summary.throughput"
          hint="served, in time or not, per simulated second over the run"
        />
        <SummaryStat
          label="in time"
          value={formatPercent(share)}
          testId="summary.goodputShare"
          hint="goodput as a share of throughput"
          warn={share !== null && share < 0.9}
        />
        <SummaryStat
          label="served late"
          value={formatCount(o.late)}
          testId="summary.servedLate"
          hint="served after the deadline: wasted work"
          warn={o.late > 0}
        />
      </dl>
      <h3 className="summary-sub">Rejected by overload control</h3>
      <dl className="summary-reasons">
        <SummaryStat label="shed" hint={SHED} value={formatCount(o.shed)} testId="summary.shed" />
        <SummaryStat
          label="limited"
          hint={LIMITED}
          value={formatCount(o.limited)}
          testId="summary.limited"
        />
        <SummaryStat
          label="throttled"
          hint={THROTTLED}
          value={formatCount(o.throttled)}
          testId="summary.throttled"
        />
      </dl>
      <ul className="summary-notes" aria-label="What the overload rejection reasons mean">
        <li>
          <strong>shed</strong>: {SHED}
        </li>
        <li>
          <strong>limited</strong>: {LIMITED}
        </li>
        <li>
          <strong>throttled</strong>: {THROTTLED}
        </li>
      </ul>
      {o.hedges > 0 && (
        <>
          <h3 className="summary-sub">Hedging</h3>
          <dl className="summary-reasons">
            <SummaryStat
              label="hedges sent"
              value={formatCount(o.hedges)}
              testId="summary.hedges"
              hint="second copies of requests unanswered after the hedge delay"
            />
            <SummaryStat
              label="hedges won"
              value={formatCount(o.won)}
              testId="summary.hedgesWon"
              hint="requests whose copy answered first"
            />
            <SummaryStat
              label="extra load"
              value={`+${formatPercent(o.extraLoad)}`}
              testId="summary.extraLoad"
              hint="hedges per request: the load hedging added"
            />
          </dl>
        </>
      )}
    </>
  );
}
