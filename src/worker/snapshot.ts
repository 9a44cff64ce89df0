import { LatencyHistogram } from '../engine/metrics/histogram.ts';
import { SERIES_NAMES, type SeriesName } from '../engine/metrics/runMetrics.ts';
import { summarize } from '../engine/summary.ts';
import { OVERLOAD_SERIES } from '../engine/metrics/overloadMetrics.ts';
import type {
  OverloadSnapshot,
  ScalingSnapshot,
  ServerSnapshot,
  SeriesSnapshot,
  Snapshot,
  SnapshotCursor,
} from './protocol.ts';
import { buildScalingSnapshot, scalingTransferables } from './scalingSnapshot.ts';
import type { SimSession } from './simSession.ts';

/** Per-server history sent to the page: the last 30 s at the default interval... */
const SERVER_HISTORY = 300;
/**
 * ...but at most this many values per array: past 1,000 servers fewer samples cross (30 at
 * 10,000 servers), which the page's run history gathers into the chart's 30 s. Copying 300
 * samples of 10,000 servers took the worker ~70 ms a snapshot, during which Pause waited.
 */
const SERVER_CELLS = 300_000;
/** Never fewer than this many samples, so a snapshot bridges the gap since the last. */
const MIN_SERVER_ROWS = 20;
/** At most this many log entries cross per frame; the rest are counted as dropped. */
export const LOG_PER_FRAME = 200;

const histogramCounts = new Float64Array(LatencyHistogram.bucketCount);

/** Copies what the page needs out of a session into plain data and typed arrays. */
export function buildSnapshot(
  session: SimSession,
  version: number,
  cursor: SnapshotCursor,
): Snapshot {
  const sim = session.simulation;
  const pool = sim.pool;
  const m = sim.metrics;

  const servers: ServerSnapshot[] = pool.members.map((slot) => {
    const state = sim.serverState(slot);
    const lookups = pool.cacheLookups[slot]!;
    return {
      slot,
      name: pool.names[slot]!,
      up: pool.up[slot] === 1,
      healthy: pool.healthy[slot] === 1,
      active: pool.active[slot]!,
      queued: pool.queued[slot]!,
      capacity: pool.capacity[slot]!,
      queueLimit: pool.queueLimit[slot] === Infinity ? null : pool.queueLimit[slot]!,
      weight: pool.weight[slot]!,
      speed: pool.speed[slot]!,
      cacheSize: sim.cache.sizeOf(slot),
      believedUp: state.believedUp,
      draining: state.draining,
      partitioned: state.partitioned,
      errorRate: state.errorRate,
      spike: state.spike,
      ejected: state.ejected,
      ejectedUntil: state.ejectedUntil,
      breaker: state.breaker,
      slowStart: state.slowStart,
      failed: state.failed,
      cacheHitRate: lookups > 0 ? pool.cacheHits[slot]! / lookups : null,
    };
  });

  const length = m.series.time.length;
  const series = { length } as { length: number } & Record<SeriesName, Float64Array>;
  for (const name of SERIES_NAMES) {
    const values = new Float64Array(length);
    m.series[name].copyTo(values);
    series[name] = values;
  }

  const cellsRows = Math.floor(SERVER_CELLS / Math.max(1, servers.length));
  const rows = Math.min(length, SERVER_HISTORY, Math.max(MIN_SERVER_ROWS, cellsRows));
  const skip = length - rows;
  const active = new Float32Array(servers.length * rows);
  const queued = new Float32Array(servers.length * rows);
  servers.forEach((s, i) => {
    const a = m.serverActive[s.slot]!;
    const q = m.serverQueued[s.slot]!;
    for (let k = 0; k < rows; k++) {
      active[i * rows + k] = a.get(skip + k);
      queued[i * rows + k] = q.get(skip + k);
    }
  });

  const logFrom = Math.max(cursor.logSeq, m.log.total - LOG_PER_FRAME, m.log.oldestSeq);
  const entries = m.log.since(logFrom);
  const routes = m.routes.since(cursor.routeSeq);
  const occupancy = sim.cache.occupancy(pool.members);

  return {
    version,
    now: sim.now,
    playing: session.playing,
    speed: session.speed,
    finished: sim.finished && sim.inFlight === 0,
    pausedAtEnd: session.pausedAtEnd,
    lagging: session.lagging,
    fault: session.fault,
    strategyFault: session.strategyFault,
    nextEventTime: Number.isFinite(sim.nextEventTime) ? sim.nextEventTime : null,
    strategy: sim.strategyName,
    strategyOptions: sim.strategyOptions,
    steadyRate: session.steadyRate,
    population: session.population ?? undefined,
    summary: summarize(sim),
    servers,
    cache: {
      spec: sim.cache.spec,
      size: occupancy.size,
      totalCapacity: occupancy.capacity,
      hottest: m.hotKeys.top(10).map((e) => ({ key: e.key, count: e.count })),
    },
    series: series as SeriesSnapshot,
    serverSeries: { length: rows, time: series.time.slice(skip), active, queued },
    histogram: histogramRange(m.latency),
    routes: { ...routes, nextSeq: m.routes.total },
    picks: m.picks.since(cursor.pickSeq),
    panic: sim.panic,
    log: { entries, nextSeq: m.log.total, dropped: Math.max(0, logFrom - cursor.logSeq) },
    setup: session.setup(),
    setupVersion: session.setupVersion,
    overload: sim.overloadSeen ? overloadOf(session, servers, length, rows) : undefined,
    ...scalingPart(buildScalingSnapshot(sim, cursor)),
  };
}

/** Overload control's figures: series as long as the run's, limits as the per-server history. */
function overloadOf(
  session: SimSession,
  servers: readonly ServerSnapshot[],
  length: number,
  rows: number,
): OverloadSnapshot {
  const sim = session.simulation;
  const o = sim.metrics.overload;
  const series = { length } as { length: number } & Record<
    (typeof OVERLOAD_SERIES)[number],
    Float64Array
  >;
  for (const name of OVERLOAD_SERIES) {
    const values = new Float64Array(length).fill(name === 'goodputPerSec' ? NaN : 0);
    // Started later than the run's series only if history was skipped: align on the newest.
    const own = o.series![name];
    const n = Math.min(own.length, length);
    for (let k = 0; k < n; k++) values[length - n + k] = own.get(own.length - n + k);
    series[name] = values;
  }
  let limits: Float32Array | null = null;
  if (o.limits.length > 0) {
    limits = new Float32Array(servers.length * rows).fill(NaN);
    servers.forEach((s, i) => {
      const ring = o.limits[s.slot];
      if (!ring) return;
      const n = Math.min(ring.length, rows);
      for (let k = 0; k < n; k++) limits![i * rows + rows - n + k] = ring.get(ring.length - n + k);
    });
  }
  const admission = sim.admission;
  return {
    series,
    limits,
    limitNow: servers.map((s) => sim.limitOf(s.slot)),
    limitInflight: servers.map((s) => admission.inflightAt(s.slot)),
    throttleProbability: admission.throttleOn ? admission.rejectProbability() : null,
    clientsWaiting: sim.clients.waiting,
  };
}

/** The snapshot's `scaling`, present only when the setup has autoscaling, cost or an SLO. */
function scalingPart(s: ScalingSnapshot | null): { scaling?: ScalingSnapshot } {
  return s === null ? {} : { scaling: s };
}

/** The histogram's non-empty range of buckets, with each bucket's bounds. */
function histogramRange(h: LatencyHistogram): Snapshot['histogram'] {
  h.copyCounts(histogramCounts);
  let first = -1;
  let last = -1;
  for (let i = 0; i < histogramCounts.length; i++) {
    if (histogramCounts[i]! > 0) {
      if (first < 0) first = i;
      last = i;
    }
  }
  const n = first < 0 ? 0 : last - first + 1;
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  const counts = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    lower[k] = h.bucketLowerBound(first + k);
    upper[k] = h.bucketLowerBound(first + k + 1);
    counts[k] = histogramCounts[first + k]!;
  }
  return { lower, upper, counts };
}

/** The buffers of a snapshot's typed arrays, to transfer rather than copy. */
export function transferables(s: Snapshot): ArrayBuffer[] {
  const o = s.overload;
  const overload = o
    ? [...OVERLOAD_SERIES.map((n) => o.series[n]), ...(o.limits ? [o.limits] : [])]
    : [];
  const arrays = [
    ...overload,
    ...SERIES_NAMES.map((n) => s.series[n]),
    s.serverSeries.time,
    s.serverSeries.active,
    s.serverSeries.queued,
    s.histogram.lower,
    s.histogram.upper,
    s.histogram.counts,
    s.routes.times,
    s.routes.ids,
    s.routes.dests,
  ];
  return [
    ...arrays.map((a) => a.buffer as ArrayBuffer),
    ...scalingTransferables(s.scaling ?? null),
  ];
}
