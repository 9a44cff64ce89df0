import type { Snapshot } from '../worker/protocol.ts';
import { goodputSeries } from './goodput.ts';
import { SampleTable } from './sampleTable.ts';

/**
 * The whole run's history on the page, so the timeline can be scrubbed back past the last minute
 * the snapshot carries. Each snapshot's new samples are appended (by sample time, never twice);
 * a new run (load, reset, new seed, replay) starts it over. Memory stays bounded for any run
 * length: full resolution for 36,000 samples (an hour at 100 ms), then coarser (see SampleTable).
 * Samples the page never received (the run outpaced the snapshots) are a gap, not a made-up line.
 */

const MAX_ROWS = 36_000;
/** Per-server history shares this many cells (servers × rows, 16 MB of float32)... */
const SERVER_CELLS = 4_000_000;
/** ...but keeps at least the rows the live chart shows. */
const MIN_SERVER_ROWS = 300;

const SERIES = ['throughputPerSec', 'rejectionsPerSec', 'p50', 'p99'] as const;
/** How each run-wide column merges when the resolution gets coarser; goodput last. */
const MERGE = ['mean', 'mean', 'max', 'max', 'mean'] as const;

/** Run-wide series over a window of time, oldest first. */
export interface HistoryWindow {
  readonly length: number;
  readonly time: Float64Array;
  readonly throughputPerSec: Float64Array;
  readonly rejectionsPerSec: Float64Array;
  /** The larger of the merged samples' values once the resolution is coarser (an upper bound). */
  readonly p50: Float64Array;
  readonly p99: Float64Array;
  /** Served within the deadline per second (the throughput where it was not measured). */
  readonly goodputPerSec: Float64Array;
  /** Simulated ms one point covers. */
  readonly rowMs: number;
}

/** Requests in service per server over a window: row i (of `length` values) is slots[i]. */
export interface ServerWindow {
  readonly length: number;
  readonly time: Float64Array;
  readonly active: Float32Array;
  readonly slots: readonly number[];
  readonly names: readonly string[];
  readonly rowMs: number;
}

/**
 * Rows per server: MAX_ROWS halved until every server's column fits the shared cells. Halving
 * (not dividing) means the table only shrinks when the pool doubles, so adding servers one at a
 * time costs each add its own column, not a copy of every other.
 */
export function serverRows(servers: number): number {
  let rows = MAX_ROWS;
  while (rows > MIN_SERVER_ROWS && rows * servers > SERVER_CELLS) rows = Math.ceil(rows / 2);
  return Math.max(MIN_SERVER_ROWS, 2 * Math.ceil(rows / 2));
}

export class RunHistory {
  private run: number | null = null;
  private interval = 100;
  private series = new SampleTable(MAX_ROWS, [...MERGE]);
  private load = new SampleTable(MAX_ROWS, [], true);
  /** Column of the load table → server slot, and back; the last name seen per slot. */
  private slots: number[] = [];
  private readonly column = new Map<number, number>();
  private readonly names = new Map<number, string>();
  private readonly row: number[] = [];

  /** Takes in a snapshot's new samples; true when it began a new run (the history restarted). */
  append(snap: Snapshot): boolean {
    const run = snap.recording?.run ?? this.run ?? 0;
    const fresh = run !== this.run;
    if (fresh) this.clear();
    this.run = run;
    this.interval = snap.setup.sampleIntervalMs;
    const s = snap.series;
    const goodput = goodputSeries(s, snap.overload);
    this.take(this.series, s.time, (i, out) => {
      for (let c = 0; c < SERIES.length; c++) out[c] = s[SERIES[c]!][i]!;
      out[SERIES.length] = goodput[i]!;
    });

    const ss = snap.serverSeries;
    const members = snap.servers;
    const before = this.slots.length;
    for (const v of members) {
      this.names.set(v.slot, v.name);
      if (this.column.has(v.slot)) continue;
      this.column.set(v.slot, this.slots.length);
      this.slots.push(v.slot);
    }
    const added = this.slots.length - before;
    if (added > 0) this.load.addColumns(added, 'mean', 0, serverRows(this.slots.length));
    const columns = members.map((v) => this.column.get(v.slot)!);
    this.take(this.load, ss.time, (k, out) => {
      out.fill(0); // a server out of the registry holds nothing the page can see
      for (let r = 0; r < columns.length; r++) out[columns[r]!] = ss.active[r * ss.length + k]!;
    });
    return fresh;
  }

  clear(): void {
    this.run = null;
    this.series = new SampleTable(MAX_ROWS, [...MERGE]);
    this.load = new SampleTable(MAX_ROWS, [], true);
    this.slots = [];
    this.column.clear();
    this.names.clear();
  }

  /** Simulated ms between points at the run-wide history's current resolution. */
  rowMs(): number {
    return this.series.rowMs(this.interval);
  }

  /** Run-wide series over (end − span, end]. */
  window(end: number, span: number): HistoryWindow {
    const { time, columns, length } = slice(this.series, end, span);
    const [throughputPerSec, rejectionsPerSec, p50, p99, goodputPerSec] = columns as Float64Array[];
    return {
      length,
      time,
      throughputPerSec: throughputPerSec!,
      rejectionsPerSec: rejectionsPerSec!,
      p50: p50!,
      p99: p99!,
      goodputPerSec: goodputPerSec!,
      rowMs: this.series.rowMs(this.interval),
    };
  }

  /** Load per server over (end − span, end], every server the run has had, in slot order. */
  serverWindow(end: number, span: number): ServerWindow {
    const { time, columns, length } = slice(this.load, end, span);
    const order = this.slots.map((slot, c) => ({ slot, c })).sort((a, b) => a.slot - b.slot);
    const active = new Float32Array(order.length * length);
    order.forEach(({ c }, r) => active.set(columns[c]!, r * length));
    return {
      length,
      time,
      active,
      slots: order.map((o) => o.slot),
      names: order.map((o) => this.names.get(o.slot) ?? `slot ${o.slot}`),
      rowMs: this.load.rowMs(this.interval),
    };
  }

  /** Appends the samples newer than the table's last, with a gap row where samples are missing. */
  private take(
    table: SampleTable,
    time: Float64Array,
    values: (i: number, out: number[]) => void,
  ): void {
    let i = time.length;
    while (i > 0 && time[i - 1]! > table.lastTime) i--;
    const out = this.row;
    out.length = table.columns.length;
    for (; i < time.length; i++) {
      const t = time[i]!;
      const last = table.lastTime;
      if (last > -Infinity && t - last > this.interval * 1.5) {
        table.flush();
        table.push(last + this.interval, out.fill(NaN));
        table.flush();
      }
      values(i, out);
      table.push(t, out);
    }
  }
}

/** The rows of `table` with time in (end − span, end], plus the row still being gathered. */
function slice(table: SampleTable, end: number, span: number) {
  const from = firstAfter(table.time, table.rows, end - span);
  const to = firstAfter(table.time, table.rows, end);
  const pending = table.pending();
  const extra = pending && pending.time > end - span && pending.time <= end ? pending : null;
  const length = Math.max(0, to - from) + (extra ? 1 : 0);
  const time = new Float64Array(length);
  time.set(table.time.subarray(from, to));
  if (extra) time[length - 1] = extra.time;
  const columns = table.columns.map((col, c) => {
    const out = new Float64Array(length);
    out.set(col.subarray(from, to));
    if (extra) out[length - 1] = extra.values[c]!;
    return out;
  });
  return { time, columns, length };
}

/** The first row whose time is after t (times ascending). */
function firstAfter(times: Float64Array, rows: number, t: number): number {
  let lo = 0;
  let hi = rows;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
