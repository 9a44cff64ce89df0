import { EventLog } from './eventLog.ts';
import { bucketIndex, LatencyHistogram } from './histogram.ts';
import { RingBuffer } from './ringBuffer.ts';
import { RouteTrail } from './routeTrail.ts';
import { PickLog } from './pickLog.ts';
import { keyCounterFor, type KeyCounter } from './keyCounts.ts';

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

/**
 * Everything a run measures, in memory that does not grow with the number of requests: counters,
 * a latency histogram for the whole run and one for the current interval, ring buffers of the
 * last `historyLength` samples, the capped log, the hottest keys and the recent routing trail.
 */
export class RunMetrics {
  arrived = 0;
  served = 0;
  rejectedNoHealthy = 0;
  rejectedOverloaded = 0;
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
  readonly series: Record<SeriesName, RingBuffer>;
  /** Per server slot: requests in service and waiting at each sample. */
  readonly serverActive: RingBuffer[] = [];
  readonly serverQueued: RingBuffer[] = [];
  readonly log: EventLog;
  /** Cache look-ups per key; replaced when the key space changes. */
  hotKeys: KeyCounter;
  readonly routes = new RouteTrail(512);
  /** The last routing decisions explained, one sampled request per interval. */
  readonly picks = new PickLog(32);

  private readonly intervalLatency = new LatencyHistogram();
  private intervalArrived = 0;
  private intervalServed = 0;
  private intervalRejected = 0;
  private intervalFailed = 0;
  private intervalTimedOut = 0;
  private intervalRetries = 0;
  private intervalHits = 0;
  private intervalLookups = 0;

  constructor(
    readonly historyLength: number,
    logCapacity: number,
    keyCount: number,
  ) {
    this.hotKeys = keyCounterFor(keyCount);
    const series = {} as Record<SeriesName, RingBuffer>;
    for (const name of SERIES_NAMES) series[name] = new RingBuffer(historyLength);
    this.series = series;
    this.log = new EventLog(logCapacity);
  }

  get rejected(): number {
    return this.rejectedNoHealthy + this.rejectedOverloaded;
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
    const bucket = bucketIndex(latencyMs);
    this.latency.recordInBucket(latencyMs, bucket);
    this.intervalLatency.recordInBucket(latencyMs, bucket);
  }

  onCacheLookup(key: number, hit: boolean): void {
    if (hit) {
      this.cacheHits++;
      this.intervalHits++;
    } else this.cacheMisses++;
    this.intervalLookups++;
    this.hotKeys.add(key);
  }

  /** Starts the per-slot series of a new server, aligned with the run-wide ones. */
  addServerSeries(slot: number): void {
    const active = new RingBuffer(this.historyLength);
    const queued = new RingBuffer(this.historyLength);
    const n = this.series.time.length;
    for (let i = 0; i < n; i++) {
      active.push(0);
      queued.push(0);
    }
    this.serverActive[slot] = active;
    this.serverQueued[slot] = queued;
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
    const s = this.series;
    s.time.push(time);
    s.arrivalsPerSec.push(this.intervalArrived * perSec);
    s.throughputPerSec.push(this.intervalServed * perSec);
    s.rejectionsPerSec.push(this.intervalRejected * perSec);
    s.failuresPerSec.push(this.intervalFailed * perSec);
    s.timeoutsPerSec.push(this.intervalTimedOut * perSec);
    s.retriesPerSec.push(this.intervalRetries * perSec);
    const h = this.intervalLatency;
    const any = h.count > 0;
    s.p50.push(any ? h.quantile(0.5) : NaN);
    s.p90.push(any ? h.quantile(0.9) : NaN);
    s.p99.push(any ? h.quantile(0.99) : NaN);
    s.cacheHitRate.push(this.intervalLookups > 0 ? this.intervalHits / this.intervalLookups : NaN);
    s.inFlight.push(inFlight);
    for (let slot = 0; slot < this.serverActive.length; slot++) {
      this.serverActive[slot]!.push(active[slot]!);
      this.serverQueued[slot]!.push(queued[slot]!);
    }
    h.reset();
    this.intervalArrived = this.intervalServed = this.intervalRejected = 0;
    this.intervalFailed = this.intervalTimedOut = this.intervalRetries = 0;
    this.intervalHits = this.intervalLookups = 0;
  }
}
