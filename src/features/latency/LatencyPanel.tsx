import { useMemo } from 'react';
import { useApp } from '../../store/hooks.tsx';
import { latencyReference } from '../theory/index.ts';
import { formatCount, formatMs } from '../../lib/format.ts';
import { keyed, useKeyedSnapshot } from '../../store/keyedSelector.ts';
import { rebinLatency } from './histogramBins.ts';
import { LatencyHistogramChart } from './LatencyHistogramChart.tsx';
import '../../charts/charts.css';

/** The histogram changes only when requests finish; its key is its range and total count. */
const selectLatency = keyed(
  (snap) => {
    const h = snap.histogram;
    let total = 0;
    for (let i = 0; i < h.counts.length; i++) total += h.counts[i]!;
    return `${h.counts.length}|${h.lower[0] ?? ''}|${total}`;
  },
  (snap) => {
    const h = snap.histogram;
    const bins = rebinLatency(h.lower, h.upper, h.counts);
    const total = bins.reduce((s, b) => s + b.count, 0);
    const { p50, p99, mean } = snap.summary.latencyMs;
    return { bins, total, p50, p99, mean };
  },
);

/**
 * The whole run's latency distribution (arrival to completion, queueing included), with the mean
 * time queueing theory predicts drawn beside it when the setup is one a formula covers.
 */
export function LatencyPanel() {
  const latency = useKeyedSnapshot(selectLatency);
  const setup = useApp((s) => s.snapshot?.setup ?? null);
  const liveRate = useApp((s) => s.snapshot?.steadyRate ?? 0);
  const reference = useMemo(
    () => (setup ? latencyReference({ setup, liveRatePerSec: liveRate }) : null),
    [setup, liveRate],
  );
  const empty = !latency || latency.bins.length === 0;
  return (
    <section className="panel" aria-labelledby="latency-title">
      <h2 id="latency-title">Latency</h2>
      {empty ? (
        <p className="chart-empty">No request has finished yet</p>
      ) : (
        <>
          <ul className="chart-legend">
            <li>
              p50 <strong>{formatMs(latency.p50)}</strong>
            </li>
            <li>
              p99 <strong>{formatMs(latency.p99)}</strong>
            </li>
            <li>
              finished <strong>{formatCount(latency.total)}</strong>
            </li>
            {reference && (
              <>
                <li>
                  mean <strong>{formatMs(latency.mean)}</strong>
                </li>
                <li data-testid="latency.theory">
                  {reference.label} (theory) <strong>{formatMs(reference.value)}</strong>
                </li>
              </>
            )}
          </ul>
          <LatencyHistogramChart
            bins={latency.bins}
            p50={latency.p50}
            p99={latency.p99}
            reference={reference}
          />
        </>
      )}
    </section>
  );
}
