import { useMemo } from 'react';
import { useApp } from '../../store/hooks.tsx';
import { keyed, useKeyedSnapshot, timeKey } from '../../store/keyedSelector.ts';
import { LimitsChart } from './LimitsChart.tsx';
import { LoadBars } from './LoadBars.tsx';
import { LoadOverTimeChart, type LoadHistory } from './LoadOverTimeChart.tsx';
import { redrawInterval } from '../../lib/redrawInterval.ts';
import { useThrottled } from '../../lib/useThrottled.ts';
import '../../charts/charts.css';
import './LoadBars.css';
import { clockTime } from '../../lib/clockTime.ts';

/** A paused view of load over time spans as long as the live chart: 300 samples. */
const WINDOW_SAMPLES = 300;

/** History rows follow the servers' order, so the key includes which slots are registered. */
const selectHistory = keyed<LoadHistory | null>(
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
  const latest = useApp((s) => s.snapshot?.servers);
  const count = latest?.length ?? 0;
  const servers = useThrottled(latest, redrawInterval(count));
  const starting = useApp((s) => s.snapshot?.scaling?.starting);
  const now = useApp((s) => s.snapshot?.now ?? 0);
  // The stacked history costs most to paint (one area per server): a few redraws a second suffice.
  const liveHistory = useThrottled(useKeyedSnapshot(selectHistory), count > 10 ? 250 : 0);
  // The timeline's paused view (TimelineScrubber) shows this chart's window up to that time too.
  const viewAt = useApp((s) => s.viewAt);
  const runHistory = useApp((s) => s.runHistory);
  const span = useApp((s) => s.snapshot?.setup.sampleIntervalMs ?? 100) * WINDOW_SAMPLES;
  const past = useMemo(() => {
    if (viewAt === null) return null;
    const w = runHistory.serverWindow(viewAt, span);
    const domain: readonly [number, number] = [Math.max(0, viewAt - span), viewAt];
    return { history: w.length >= 2 && w.slots.length > 0 ? w : null, domain };
  }, [viewAt, span, runHistory]);
  // A pool past 1,000 servers gets only the last few samples with each snapshot (the worker caps
  // what it copies), so its live chart is the run history's last 30 s, redrawn a few times a second.
  const historyNow = useThrottled(now, 250);
  const gathered = useMemo(() => {
    if (viewAt !== null || count <= 1000 || historyNow <= 0) return null;
    const w = runHistory.serverWindow(historyNow, span);
    return w.length >= 2 && w.slots.length > 0 ? w : null;
  }, [viewAt, count, historyNow, span, runHistory]);
  const history = past ? past.history : (gathered ?? liveHistory);
  return (
    <section className="panel" aria-labelledby="load-title">
      <h2 id="load-title">Load per server</h2>
      {!servers || servers.length === 0 ? (
        <p className="chart-empty">No servers registered: add one to see its load.</p>
      ) : (
        <>
          <LoadBars servers={servers} starting={starting} now={now} />
          <p className="load-key">
            Solid: requests in service · light: waiting in the queue · outline: capacity
            {servers.some((v) => v.queueLimit !== null && v.queueLimit > 0)
              ? ' · dotted mark: capacity + queue limit'
              : ''}
            .
          </p>
        </>
      )}
      {viewAt !== null && (
        <p className="viewing-note" data-testid="load.viewing">
          Over time: viewing {clockTime(viewAt)} (paused view)
        </p>
      )}
      {history ? (
        <LoadOverTimeChart history={history} xDomain={past?.domain} />
      ) : (
        <p className="chart-empty">
          {past
            ? `No load samples reached the page in the window up to ${clockTime(past.domain[1])}.`
            : 'Load over time starts once simulated time runs.'}
        </p>
      )}
      {viewAt === null && <LimitsChart />}
    </section>
  );
}
