import { usePlayground } from '../store/hooks.ts';
import { keyedSelector, timeKey } from '../charts/keyedSelector.ts';
import { LoadBars } from '../charts/LoadBars.tsx';
import { LoadOverTimeChart, type LoadHistory } from '../charts/LoadOverTimeChart.tsx';
import { redrawInterval } from '../lib/redrawInterval.ts';
import { useThrottled } from '../lib/useThrottled.ts';
import '../charts/charts.css';
import '../charts/LoadBars.css';

/** History rows follow the servers' order, so the key includes which slots are registered. */
const selectHistory = keyedSelector<LoadHistory | null>(
  (snap) => `${timeKey(snap.serverSeries.time)}|${snap.servers.map((s) => s.slot).join(',')}`,
  (snap) => {
    const ss = snap.serverSeries;
    if (ss.length < 2 || snap.servers.length === 0) return null;
    return {
      length: ss.length,
      time: ss.time,
      active: ss.active,
      slots: snap.servers.map((s) => s.slot),
      names: snap.servers.map((s) => s.name),
    };
  },
);

/** Each server's load now (bars) and over time (stacked areas), in the servers' own colours. */
export function LoadPanel() {
  const latest = usePlayground((s) => s.snapshot?.servers);
  const count = latest?.length ?? 0;
  const servers = useThrottled(latest, redrawInterval(count));
  // The stacked history costs most to paint (one area per server): a few redraws a second suffice.
  const history = useThrottled(usePlayground(selectHistory), count > 10 ? 250 : 0);
  return (
    <section className="panel" aria-labelledby="load-title">
      <h2 id="load-title">Load per server</h2>
      {!servers || servers.length === 0 ? (
        <p className="chart-empty">No servers registered: add one to see its load.</p>
      ) : (
        <>
          <LoadBars servers={servers} />
          <p className="load-key">
            Solid: requests in service · light: waiting in the queue · outline: capacity
            {servers.some((v) => v.queueLimit !== null && v.queueLimit > 0)
              ? ' · dotted mark: capacity + queue limit'
              : ''}
            .
          </p>
        </>
      )}
      {history ? (
        <LoadOverTimeChart history={history} />
      ) : (
        <p className="chart-empty">Load over time starts once simulated time runs.</p>
      )}
    </section>
  );
}
