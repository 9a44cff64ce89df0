/**
 * A run's metrics as files: JSON with everything (summary, series, per-server load, latency
 * histogram) and CSV for spreadsheets. Pure functions of a snapshot and, when the page has one,
 * the whole run's history (src/store/runHistory.ts), so they run in Node tests.
 *
 * The snapshot carries every series but only the most recent samples; the run history covers the
 * whole run but keeps only throughput, rejections, p50, p99 and per-server requests in service,
 * and merges old samples into coarser rows once the run is long. With a history, the rows are the
 * history's and the other columns are filled where a row is a sample the snapshot still holds.
 *
 * NaN (nothing to measure, or not kept) becomes an empty CSV cell and a JSON null; numbers are
 * written the same in every locale (a dot for decimals, no separators).
 */
import type { RunSummary } from '../../engine/summary.ts';
import type { Snapshot } from '../../worker/protocol.ts';
import { scenarioFileName } from '../../lib/scenarioFile.ts';

type Numbers = ArrayLike<number>;

/** What the exports read: a snapshot, or anything shaped like the parts of one they use. */
export type MetricsSnapshot = Pick<
  Snapshot,
  'now' | 'strategy' | 'summary' | 'series' | 'serverSeries' | 'servers' | 'histogram'
> & {
  readonly setup: {
    readonly name: string;
    readonly seed: number;
    readonly sampleIntervalMs: number;
  };
};

/** The whole run's history as the page keeps it (RunHistory's window and serverWindow). */
export interface MetricsHistory {
  readonly series: {
    readonly length: number;
    readonly time: Numbers;
    readonly throughputPerSec: Numbers;
    readonly rejectionsPerSec: Numbers;
    readonly p50: Numbers;
    readonly p99: Numbers;
    /** Simulated ms one row covers (the sample interval until the run gets long). */
    readonly rowMs: number;
  };
  readonly servers: {
    readonly length: number;
    readonly time: Numbers;
    /** Row r of `length` values belongs to slots[r]. */
    readonly active: Numbers;
    readonly slots: readonly number[];
    readonly names: readonly string[];
  };
}

/** Run-wide columns: series field, JSON key, CSV header with its unit. */
const COLUMNS: ReadonlyArray<readonly [field: string, json: string, csv: string]> = [
  ['arrivalsPerSec', 'arrivalsPerSec', 'arrivals (/s)'],
  ['throughputPerSec', 'throughputPerSec', 'throughput (/s)'],
  ['rejectionsPerSec', 'rejectionsPerSec', 'rejections (/s)'],
  // Newer runs also count failures, timeouts and retries; older snapshots lack them.
  ['failuresPerSec', 'failuresPerSec', 'failures (/s)'],
  ['timeoutsPerSec', 'timeoutsPerSec', 'timeouts (/s)'],
  ['retriesPerSec', 'retriesPerSec', 'retries (/s)'],
  ['p50', 'p50Ms', 'p50 latency (ms)'],
  ['p90', 'p90Ms', 'p90 latency (ms)'],
  ['p99', 'p99Ms', 'p99 latency (ms)'],
  ['cacheHitRate', 'cacheHitRate', 'cache hit rate (0-1)'],
  ['inFlight', 'inFlight', 'in flight (requests)'],
];

/** Fields the run history keeps for the whole run. */
const IN_HISTORY = new Set(['throughputPerSec', 'rejectionsPerSec', 'p50', 'p99']);

interface Column {
  readonly json: string;
  readonly csv: string;
  readonly values: Numbers;
}

/** The rows every export writes: one time axis, run-wide columns, two columns per server. */
interface Table {
  readonly time: Numbers;
  readonly columns: readonly Column[];
  readonly servers: ReadonlyArray<{ name: string; active: Numbers; queued: Numbers }>;
  readonly fromHistory: boolean;
  readonly rowMs: number;
}

/** `values` (row `row` of a `stride`-wide matrix, over `times`) at each of `rows`; NaN if absent. */
function aligned(
  rows: Numbers,
  times: Numbers,
  values: Numbers,
  row = 0,
  stride = 0,
): Float64Array {
  const at = new Map<number, number>();
  for (let k = 0; k < times.length; k++) at.set(times[k]!, k);
  const out = new Float64Array(rows.length).fill(NaN);
  for (let i = 0; i < rows.length; i++) {
    const k = at.get(rows[i]!);
    if (k !== undefined) out[i] = values[row * stride + k]!;
  }
  return out;
}

function table(s: MetricsSnapshot, h: MetricsHistory | null): Table {
  const series = s.series as unknown as Record<string, Numbers | undefined>;
  const ss = s.serverSeries;
  const hist = h && h.series.length > 0 ? h : null;
  const time = hist ? hist.series.time : s.series.time;
  const coarse = hist !== null && hist.series.rowMs > s.setup.sampleIntervalMs;
  const columns = COLUMNS.flatMap(([field, json, csv]): Column[] => {
    const own = series[field];
    if (hist && IN_HISTORY.has(field)) {
      const values = (hist.series as unknown as Record<string, Numbers>)[field]!;
      // Merged rows keep the highest percentile of their samples (an upper bound), so say so.
      const label =
        coarse && csv.includes('latency') ? csv.replace('(ms)', '(ms, highest in row)') : csv;
      return [{ json, csv: label, values }];
    }
    if (!own) return [];
    return [{ json, csv, values: hist ? aligned(time, s.series.time, own) : own }];
  });
  // One look-up per server, not a search of the pool per server (10,000 servers: 10^8 steps).
  const indexOf = new Map(s.servers.map((v, j) => [v.slot, j]));
  const queuedOf = (slot: number) => {
    const j = indexOf.get(slot) ?? -1;
    return j < 0
      ? new Float64Array(time.length).fill(NaN)
      : aligned(time, ss.time, ss.queued, j, ss.length);
  };
  const servers = hist
    ? hist.servers.slots.map((slot, r) => ({
        name: hist.servers.names[r] ?? `slot ${slot}`,
        active: aligned(time, hist.servers.time, hist.servers.active, r, hist.servers.length),
        queued: queuedOf(slot),
      }))
    : s.servers.map((v, j) => ({
        name: v.name,
        active: aligned(time, ss.time, ss.active, j, ss.length),
        queued: aligned(time, ss.time, ss.queued, j, ss.length),
      }));
  const rowMs = hist ? hist.series.rowMs : s.setup.sampleIntervalMs;
  return { time, columns, servers, fromHistory: hist !== null, rowMs };
}

/** A number as written in both formats: finite values rounded to 6 decimals, else null. */
function num(v: number | undefined): number | null {
  if (v === undefined || !Number.isFinite(v)) return null;
  return Number.isInteger(v) ? v : Math.round(v * 1e6) / 1e6;
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (starting with = + - @) gets a leading apostrophe.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(num(value) ?? '');
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvRow = (cells: ReadonlyArray<string | number | null>) => cells.map(csvCell).join(',');
const csvText = (rows: string[]) => `${rows.join('\r\n')}\r\n`;

/**
 * The time series as CSV: a header with units, then one row per sample (or history row), oldest
 * first: the run-wide columns, then per server its requests in service and waiting.
 */
export function metricsCsv(s: MetricsSnapshot, history: MetricsHistory | null = null): string {
  const t = table(s, history);
  const header = [
    'time (ms)',
    ...t.columns.map((c) => c.csv),
    ...t.servers.flatMap((v) => [`${v.name} active (requests)`, `${v.name} queued (requests)`]),
  ];
  const rows = [csvRow(header)];
  for (let i = 0; i < t.time.length; i++) {
    rows.push(
      csvRow([
        t.time[i]!,
        ...t.columns.map((c) => num(c.values[i])),
        ...t.servers.flatMap((v) => [num(v.active[i]), num(v.queued[i])]),
      ]),
    );
  }
  return csvText(rows);
}

/** Each server's totals over the whole run as CSV (removed servers included, as in the summary). */
export function serverTotalsCsv(summary: RunSummary): string {
  return csvText([
    csvRow([
      'server',
      'served (requests)',
      'rejected (requests)',
      'utilization (0-1)',
      'peak active (requests)',
    ]),
    ...summary.servers.map((v) =>
      csvRow([v.name, v.served, v.rejected, v.utilization, v.peakActive]),
    ),
  ]);
}

/** What the series cover: the whole run (from the history) or the snapshot's recent window. */
function coverage(s: MetricsSnapshot, t: Table) {
  const n = t.time.length;
  return {
    source: t.fromHistory ? 'run history' : 'recent window',
    rows: n,
    rowMs: t.rowMs,
    sampleIntervalMs: s.setup.sampleIntervalMs,
    fromMs: n > 0 ? num(t.time[0]) : null,
    toMs: n > 0 ? num(t.time[n - 1]) : null,
    note: t.fromHistory
      ? 'Rows cover the whole run. Throughput, rejections, p50, p99 and per-server requests in ' +
        'service are kept for all of it (rows merged when the run is long: rates averaged, ' +
        'percentiles the highest of the merged samples); the other values only for the most ' +
        'recent samples, null before. summary and latencyHistogram cover the whole run.'
      : 'Rows are the most recent samples the page keeps, oldest first (per-server values for a ' +
        'shorter recent stretch, null before). summary and latencyHistogram cover the whole run.',
  };
}

/** Everything as one JSON document; its `coverage` says which samples the series hold. */
export function metricsJson(s: MetricsSnapshot, history: MetricsHistory | null = null): string {
  const t = table(s, history);
  const rows = Array.from(t.time, (_, i) => i);
  const h = s.histogram;
  const doc = {
    format: 'balancer-playground-metrics',
    version: 1,
    scenario: s.setup.name,
    seed: s.setup.seed,
    strategy: s.strategy,
    simulatedMs: num(s.now),
    coverage: coverage(s, t),
    summary: s.summary,
    series: rows.map((i) => ({
      timeMs: num(t.time[i]),
      ...Object.fromEntries(t.columns.map((c) => [c.json, num(c.values[i])])),
    })),
    serverSeries: t.servers.map((v) => ({
      name: v.name,
      active: rows.map((i) => num(v.active[i])),
      queued: rows.map((i) => num(v.queued[i])),
    })),
    latencyHistogram: Array.from(h.counts, (count, i) => ({
      lowerMs: num(h.lower[i]),
      upperMs: num(h.upper[i]),
      count,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** "classic-demo-metrics-12.402s.csv": the scenario's name and the simulated time. */
export function metricsFileName(
  name: string,
  nowMs: number,
  kind: string,
  ext: 'csv' | 'json',
): string {
  const slug = scenarioFileName(name).replace(/\.json$/, '');
  const seconds = String(Math.round(Math.max(0, nowMs)) / 1000);
  return `${slug}-${kind}-${seconds}s.${ext}`;
}
