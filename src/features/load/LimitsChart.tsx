import { useMemo } from 'react';
import { TimeSeriesChart, type SeriesLine } from '../../charts/TimeSeriesChart.tsx';
import { formatCount } from '../../lib/format.ts';
import { serverColour } from '../../lib/palette.ts';
import { keyed, timeKey, useKeyedSnapshot } from '../../store/keyedSelector.ts';

interface LimitHistory {
  readonly time: Float64Array;
  readonly lines: readonly SeriesLine[];
  /** Each server's limit now and the attempts holding a place under it. */
  readonly now: ReadonlyArray<{ name: string; limit: number; inflight: number }>;
}

const whole = (v: number) => (Number.isFinite(v) ? formatCount(v) : '–');

const selectLimits = keyed<LimitHistory | null>(
  (snap) => `${timeKey(snap.serverSeries.time)}|${snap.servers.map((s) => s.slot).join(',')}`,
  (snap) => {
    const o = snap.overload;
    const ss = snap.serverSeries;
    if (!o?.limits || ss.length < 2) return null;
    const lines = snap.servers.map((s, i) => ({
      key: String(s.slot),
      label: s.name,
      values: Float64Array.from(o.limits!.subarray(i * ss.length, (i + 1) * ss.length)),
      colour: serverColour(s.slot),
      format: whole,
    }));
    const now = snap.servers.map((s, i) => ({
      name: s.name,
      limit: o.limitNow[i] ?? NaN,
      inflight: o.limitInflight[i] ?? 0,
    }));
    return { time: ss.time, lines, now };
  },
);

/**
 * The balancer's learned concurrency limit per server over simulated time (Netflix
 * concurrency-limits' AIMD, Gradient or Gradient2): where it falls, the server was slow or failing
 * and the balancer sends it less.
 */
export function LimitsChart() {
  const history = useKeyedSnapshot(selectLimits);
  const domain = useMemo((): readonly [number, number] | null => {
    if (!history) return null;
    const t = history.time;
    return [t[0]! / 1000, t[t.length - 1]! / 1000];
  }, [history]);
  if (!history || !domain) return null;
  return (
    <div className="load-limits" data-testid="load.limits">
      <h3 className="load-subhead">Learned concurrency limit</h3>
      <TimeSeriesChart
        time={history.time}
        lines={history.lines}
        name="Learned concurrency limit"
        yLabel="limit (requests)"
        xDomain={domain}
        height={130}
        showXLabels
        testId="load.limitsChart"
        title="Each server's learned concurrency limit over simulated time"
      />
      <p className="load-key" data-testid="load.limitsNow">
        Now:{' '}
        {history.now
          .map((s) => `${s.name}: ${whole(s.inflight)} in flight, limit ${whole(s.limit)}`)
          .join(' · ')}
      </p>
    </div>
  );
}
