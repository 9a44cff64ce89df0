import { downloadText } from '../../lib/download.ts';
import {
  metricsCsv,
  metricsFileName,
  metricsJson,
  serverTotalsCsv,
  type MetricsHistory,
} from './metricsExport.ts';
import { useApp, useAppStore } from '../../store/hooks.tsx';
import type { Snapshot } from '../../worker/protocol.ts';
import './MetricsExport.css';

const SCOPE =
  'Rows cover the whole run: throughput, rejections, p50, p99 and each server’s requests in ' +
  'service for all of it (long runs in merged rows), the other columns for the most recent ' +
  'samples only (empty before). Totals and the latency histogram: the whole run.';

/** A file to offer: what it is called and how it is made from a snapshot. */
interface MetricsFile {
  readonly id: string;
  readonly label: string;
  readonly title: string;
  readonly kind: 'metrics' | 'servers';
  readonly ext: 'csv' | 'json';
  readonly type: string;
  readonly text: (s: Snapshot, history: MetricsHistory) => string;
}

const FILES: readonly MetricsFile[] = [
  {
    id: 'metrics.csv',
    label: 'Metrics CSV',
    title:
      'One row per sample: time, arrivals, throughput and rejections per second, p50/p90/p99 ' +
      'latency, cache hit rate, requests in flight, then each server’s requests in service and ' +
      'waiting. An empty cell: nothing to measure, or a value the page did not keep that far back.',
    kind: 'metrics',
    ext: 'csv',
    type: 'text/csv',
    text: metricsCsv,
  },
  {
    id: 'metrics.serversCsv',
    label: 'Server totals CSV',
    title:
      'One row per server: requests served and rejected, utilization and peak load over the run.',
    kind: 'servers',
    ext: 'csv',
    type: 'text/csv',
    text: (s) => serverTotalsCsv(s.summary),
  },
  {
    id: 'metrics.json',
    label: 'Metrics JSON',
    title:
      'Everything in one file: scenario, seed, strategy, simulated time, the run summary, the ' +
      'time series, per-server series and the latency histogram.',
    kind: 'metrics',
    ext: 'json',
    type: 'application/json',
    text: metricsJson,
  },
];

/** Buttons that download the run's metrics as CSV or JSON, and what the files cover. */
export function MetricsExport() {
  const ready = useApp((s) => s.snapshot !== null);
  const store = useAppStore();

  function download(f: MetricsFile) {
    // Read at the moment of the click: the snapshot changes every frame, the buttons need not.
    const { snapshot: snap, runHistory } = store.getState();
    if (!snap) return;
    // The page's history of the whole run, up to the snapshot's time (span: all of it).
    const history = {
      series: runHistory.window(snap.now, snap.now + 1),
      servers: runHistory.serverWindow(snap.now, snap.now + 1),
    };
    const text = f.text(snap, history);
    downloadText(metricsFileName(snap.setup.name, snap.now, f.kind, f.ext), text, f.type);
  }

  return (
    <div className="metrics-export" role="group" aria-labelledby="metrics-export-title">
      <h3 id="metrics-export-title" className="summary-sub">
        Download the run’s metrics
      </h3>
      <div className="metrics-export-buttons">
        {FILES.map((f) => (
          <button
            key={f.id}
            type="button"
            className="btn btn-small"
            data-testid={f.id}
            disabled={!ready}
            title={f.title}
            onClick={() => download(f)}
          >
            {f.label}
          </button>
        ))}
      </div>
      <p className="metrics-export-scope">{SCOPE}</p>
    </div>
  );
}
