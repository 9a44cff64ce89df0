import { EventLog } from './eventLog.ts';
import { BucketIndexer, LatencyHistogram } from './histogram.ts';
import { IntervalLatency } from './intervalLatency.ts';
import { keyCounterFor, type KeyCounter } from './keyCounts.ts';
import { OverloadMetrics } from './overloadMetrics.ts';
import { PickLog } from './pickLog.ts';
import { RouteTrail } from './routeTrail.ts';
import { SampleTable, type SeriesReader } from './sampleTable.ts';

/** Names of the run-wide time series, one value per sample interval. */
export const SERIES_NAMES = [
  'time',
  'arrivalsPerSec',
  'throughputPerSec',
  'rejectionsPerSec',
  'failuresPerSec',
  'timeoutsPerSec',
  'retriesPerSec',
  'p50',
  'p90',
  'p99',
  'cacheHitRate',
  'inFlight',
] as const;
export type SeriesName = (typeof SERIES_NAMES)[number];

/** Columns of the run-wide sample table, in SERIES_NAMES order (p50, p90, p99 side by side). */
const COLUMNS = SERIES_NAMES.length;
const column = (name: SeriesName): number => SERIES_NAMES.indexOf(name);
const TIME = column('time');
const ARRIVALS = column('arrivalsPerSec');
const THROUGHPUT = column('throughputPerSec');
const REJECTIONS = column('rejectionsPerSec');
const FAILURES = column('failuresPerSec');
const TIMEOUTS = column('timeoutsPerSec');
const RETRIES = column('retriesPerSec');
const P50 = column('p50');
const HIT_RATE = column('cacheHitRate');
const IN_FLIGHT = column('inFlight');

/**
 * Everything a run measures, in memory that does not grow with the number of requests: counters,
 * a latency histogram for the whole run, the last `historyLength` samples of every series, the
 * capped log, the hottest keys and the recent routing trail.
 *
 * Closing a sample interval is a few stores: the run-wide series are one row of a table, every
 * server's load one typed-array copy, and an interval's latency quantiles are worked out only for
 * the samples someone reads (see IntervalLatency); most samples of a long headless run are
 * overwritten unread.
 */
export class RunMetrics {
  arrived = 0;
  served = 0;
  rejectedNoHealthy = 0;
  rejectedOverloaded = 0;
  /** Rejected for the reasons overload control adds (shed, limited, throttled; see `overload`). */
  rejectedOther = 0;
  /** Requests whose last attempt failed (error, crash, refused or hung connection). */
  failed = 0;
  /** Requests whose last attempt outlived the client's timeout. */
  timedOut = 0;
  /** Attempts sent again after a failure, timeout or rejection. */
  retries = 0;
  /** Retries the budget or the per-request limit refused. */
  retriesDenied = 0;
  /** Answers that arrived after the client had given up, and the service time they took. */
  lateResponses = 0;
  wastedMs = 0;
  cacheHits = 0;
  cacheMisses = 0;
  readonly latency = new LatencyHistogram();
  readonly series: Record<SeriesName, SeriesReader>;
  /** Per server slot: requests in service and waiting at each sample. */
  readonly serverActive: SeriesReader[] = [];
  readonly serverQueued: SeriesReader[] = [];
  readonly log: EventLog;
  /** Cache look-ups per key; replaced when the key space changes. */
  hotKeys: KeyCounter;
  /** The bucket of each served latency (one lookup serves both histograms). */
  private readonly buckets = new BucketIndexer();
  readonly routes = new RouteTrail(512);
  /** The last routing decisions explained, one sampled request per interval. */
  readonly picks = new PickLog(32);
  /** Overload control's figures (started only once a mechanism is on). */
  readonly overload: OverloadMetrics;

  private readonly table: SampleTable;
  private readonly activeTable: SampleTable<Int32Array>;
  private readonly queuedTable: SampleTable<Int32Array>;
  /** Server slots with series (columns of the per-server tables in use). */
  private slots = 0;
  private readonly intervalLatency: IntervalLatency;
  private intervalArrived = 0;
  private intervalServed = 0;
  private intervalRejected = 0;
  private intervalFailed = 0;
  private intervalTimedOut = 0;
  private intervalRetries = 0;
  private intervalHits = 0;
  private intervalLookups = 0;

  /** `clock` is where the log reads the time of request lines (the simulation). */
  constructor(
    readonly historyLength: number,
    logCapacity: number,
    keyCount: number,
    clock: { readonly now: number } = { now: 0 },
  ) {
    this.hotKeys = keyCounterFor(keyCount);
    this.overload = new OverloadMetrics(historyLength);
    const quantiles = new IntervalLatency(historyLength);
    this.intervalLatency = quantiles;
    const table: SampleTable = new SampleTable(
      historyLength,
      COLUMNS,
      (n) => new Float64Array(n),
      (row) => quantiles.resolve(row, table.data, row * COLUMNS + P50),
    );
    this.table = table;
    const series = {} as Record<SeriesName, SeriesReader>;
    SERIES_NAMES.forEach((name, c) => (series[name] = table.column(c)));
    this.series = series;
    this.activeTable = new SampleTable(historyLength, 8, (n) => new Int32Array(n));
    this.queuedTable = new SampleTable(historyLength, 8, (n) => new Int32Array(n));
    this.log = new EventLog(logCapacity, clock);
  }

  get rejected(): number {
    return this.rejectedNoHealthy + this.rejectedOverloaded + this.rejectedOther;
  }

  onArrival(): void {
    this.arrived++;
    this.intervalArrived++;
  }

  onReject(noHealthy: boolean): void {
    if (noHealthy) this.rejectedNoHealthy++;
    else this.rejectedOverloaded++;
    this.intervalRejected++;
  }

  /** A rejection for one of overload control's reasons: 0 shed, 1 limited, 2 throttled. */
  onRejectOther(reason: number): void {
    this.rejectedOther++;
    this.intervalRejected++;
    this.overload.onReject(reason);
  }

  onFailed(): void {
    this.failed++;
    this.intervalFailed++;
  }

  onTimedOut(): void {
    this.timedOut++;
    this.intervalTimedOut++;
  }

  onRetry(): void {
    this.retries++;
    this.intervalRetries++;
  }

  onServed(latencyMs: number): void {
    this.served++;
    this.intervalServed++;
    // Latencies are never negative or NaN (times only move forward); one bucket lookup serves both.
    const bucket = this.buckets.of(latencyMs);
    this.latency.recordInBucket(latencyMs, bucket);
    this.intervalLatency.record(latencyMs, bucket);
  }

  onCacheLookup(key: number, hit: boolean): void {
    if (hit) {
      this.cacheHits++;
      this.intervalHits++;
    } else this.cacheMisses++;
    this.intervalLookups++;
    this.hotKeys.add(key);
  }

  /**
   * Makes room for `count` servers' series at once (widening copies the tables); the pool
   * reserves the same (ServerPool.reserve), so a sample copies its load arrays whole.
   */
  reserveServers(count: number): void {
    if (count <= this.activeTable.width) return;
    this.activeTable.widen(count);
    this.queuedTable.widen(count);
  }

  /** Starts the per-slot series of a new server; it reads 0 for the samples before it joined. */
  addServerSeries(slot: number): void {
    if (slot >= this.activeTable.width) {
      const width = Math.max(slot + 1, this.activeTable.width * 2);
      this.activeTable.widen(width);
      this.queuedTable.widen(width);
    }
    this.slots = Math.max(this.slots, slot + 1);
    this.serverActive[slot] = this.activeTable.column(slot);
    this.serverQueued[slot] = this.queuedTable.column(slot);
  }

  /** Closes the interval ending at `time` (of length `intervalMs`) into one sample. */
  sample(
    time: number,
    intervalMs: number,
    active: Int32Array,
    queued: Int32Array,
    inFlight: number,
  ): void {
    const perSec = 1000 / intervalMs;
    const table = this.table;
    const at = table.nextRow();
    const d = table.data;
    d[at + TIME] = time;
    d[at + ARRIVALS] = this.intervalArrived * perSec;
    d[at + THROUGHPUT] = this.intervalServed * perSec;
    d[at + REJECTIONS] = this.intervalRejected * perSec;
    d[at + FAILURES] = this.intervalFailed * perSec;
    d[at + TIMEOUTS] = this.intervalTimedOut * perSec;
    d[at + RETRIES] = this.intervalRetries * perSec;
    const row = at / COLUMNS;
    if (this.intervalLatency.close(row, d, at + P50)) table.pending[row] = 1;
    d[at + HIT_RATE] = this.intervalLookups > 0 ? this.intervalHits / this.intervalLookups : NaN;
    d[at + IN_FLIGHT] = inFlight;
    // Every server's load in one copy: the tables grow as the pool's arrays do (doubling from 8),
    // so their rows are as wide as the arrays and need no view of them.
    const width = this.activeTable.width;
    const aAt = this.activeTable.nextRow();
    const qAt = this.queuedTable.nextRow();
    if (active.length === width && queued.length === width) {
      this.activeTable.data.set(active, aAt);
      this.queuedTable.data.set(queued, qAt);
    } else {
      // Only if a caller grew the pool and the tables apart (views cost two objects a sample).
      const n = Math.min(width, this.slots);
      this.activeTable.data.set(active.subarray(0, n), aAt);
      this.queuedTable.data.set(queued.subarray(0, n), qAt);
    }
    this.intervalArrived = this.intervalServed = this.intervalRejected = 0;
    this.intervalFailed = this.intervalTimedOut = this.intervalRetries = 0;
    this.intervalHits = this.intervalLookups = 0;
  }
}
