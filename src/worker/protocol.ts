/**
 * The contract between the page and the simulation worker: commands the page sends and the
 * snapshot it gets back. Only types live here, so both sides import it freely.
 */
import type { LogEntry } from '../engine/metrics/eventLog.ts';
import type { ScenarioProblem } from '../engine/scenario/schema.ts';
import type {
  CacheSpec,
  KeySpec,
  Scenario,
  ServerChanges,
  ServerSpec,
  ServiceSpec,
} from '../engine/scenario/types.ts';
import type { StrategyName, StrategyOptions } from '../engine/strategies/strategy.ts';
import type { RunSummary } from '../engine/summary.ts';

/** Simulated ms per real ms, or as fast as the worker can go. */
export type Speed = number | 'max';

/** Setup edits; each takes effect at the current simulated time without restarting the run. */
export type SimCommand =
  | { readonly type: 'addServer'; readonly spec: ServerSpec }
  | { readonly type: 'updateServer'; readonly slot: number; readonly changes: ServerChanges }
  | { readonly type: 'removeServer'; readonly slot: number }
  | { readonly type: 'killServer'; readonly slot: number }
  | { readonly type: 'reviveServer'; readonly slot: number }
  | {
      readonly type: 'setStrategy';
      readonly strategy: StrategyName;
      readonly options?: StrategyOptions;
    }
  | { readonly type: 'setCache'; readonly cache: CacheSpec }
  | { readonly type: 'setService'; readonly service: ServiceSpec }
  | { readonly type: 'setKeys'; readonly keys: KeySpec }
  | { readonly type: 'fireBurst'; readonly count: number }
  | { readonly type: 'setRate'; readonly ratePerSec: number }
  | { readonly type: 'setSeed'; readonly seed: number };

/** Either it was done, or why not (the message names the field and the problem). */
export type CommandResult =
  { readonly ok: true } | { readonly ok: false; readonly message: string };

export type LoadResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly problems: readonly ScenarioProblem[] };

/** One registered server as the page shows it now (its totals are in the summary). */
export interface ServerSnapshot {
  readonly slot: number;
  readonly name: string;
  readonly up: boolean;
  readonly healthy: boolean;
  readonly active: number;
  readonly queued: number;
  readonly capacity: number;
  readonly queueLimit: number | null;
  readonly weight: number;
  readonly speed: number;
  /** Entries in this server's own cache (per-server placement). */
  readonly cacheSize: number;
}

/** Run-wide series, oldest sample first, all of `length`. */
export interface SeriesSnapshot {
  readonly length: number;
  readonly time: Float64Array;
  readonly arrivalsPerSec: Float64Array;
  readonly throughputPerSec: Float64Array;
  readonly rejectionsPerSec: Float64Array;
  /** NaN where no request finished in the interval. */
  readonly p50: Float64Array;
  readonly p90: Float64Array;
  readonly p99: Float64Array;
  /** NaN where the cache was not consulted in the interval. */
  readonly cacheHitRate: Float64Array;
  readonly inFlight: Float64Array;
}

/** Per-server load over the last `length` samples: row i belongs to servers[i]. */
export interface ServerSeriesSnapshot {
  readonly length: number;
  readonly time: Float64Array;
  /** servers.length rows of `length` values each. */
  readonly active: Float32Array;
  readonly queued: Float32Array;
}

/** Routing decisions since the page last asked: a server slot, -1 no healthy servers, -2 overloaded. */
export interface RoutesSnapshot {
  readonly fromSeq: number;
  readonly nextSeq: number;
  readonly times: Float64Array;
  readonly ids: Float64Array;
  readonly dests: Int32Array;
}

/** Everything the page draws, produced at most once per animation frame. */
export interface Snapshot {
  /** Grows whenever anything changed. */
  readonly version: number;
  readonly now: number;
  readonly playing: boolean;
  readonly speed: Speed;
  /** The run's traffic and events are over and no request is in flight. */
  readonly finished: boolean;
  /** Simulated time fell behind the chosen speed (the worker could not keep up). */
  readonly lagging: boolean;
  /** Set when the simulation threw while running; the run is paused and can be restarted. */
  readonly fault: string | null;
  readonly nextEventTime: number | null;
  readonly strategy: StrategyName;
  readonly strategyOptions: Required<StrategyOptions>;
  readonly steadyRate: number;
  readonly summary: RunSummary;
  readonly servers: readonly ServerSnapshot[];
  readonly cache: {
    readonly spec: CacheSpec;
    readonly size: number;
    readonly totalCapacity: number;
    readonly hottest: ReadonlyArray<{ readonly key: number; readonly count: number }>;
  };
  readonly series: SeriesSnapshot;
  readonly serverSeries: ServerSeriesSnapshot;
  /** The whole run's latency histogram over its non-empty bucket range. */
  readonly histogram: {
    readonly lower: Float64Array;
    readonly upper: Float64Array;
    readonly counts: Float64Array;
  };
  readonly routes: RoutesSnapshot;
  /** Log entries since the page last asked; `dropped` entries were lost to the cap in between. */
  readonly log: {
    readonly entries: readonly LogEntry[];
    readonly nextSeq: number;
    readonly dropped: number;
  };
  /** The current setup as a scenario (servers, strategy, cache… as edited), for export and restart. */
  readonly setup: Scenario;
  /** Grows whenever the setup changed: the page keeps its copy of `setup` while this stays put. */
  readonly setupVersion: number;
}

/** What the page already has, so the worker sends only what is new. */
export interface SnapshotCursor {
  readonly sinceVersion: number;
  readonly logSeq: number;
  readonly routeSeq: number;
}
