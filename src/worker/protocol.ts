/**
 * The contract between the page and the simulation worker: commands the page sends and the
 * snapshot it gets back. Only types live here, so both sides import it freely.
 */
import type { SetupDelta } from './setupDelta.ts';
import type { GradeReport } from '../sandbox/exercises/gradeReport.ts';
import type { SandboxErrorInfo } from '../sandbox/sandboxError.ts';
import type { LogEntry } from '../engine/metrics/eventLog.ts';
import type { RawScenario } from '../engine/scenario/schema.ts';
import type { PickRecord } from '../engine/metrics/pickLog.ts';
import type { ScenarioProblem } from '../engine/scenario/schema.ts';
import type { OverloadCommand, OverloadSnapshot } from './overloadProtocol.ts';

export type { OverloadSnapshot } from './overloadProtocol.ts';
import type {
  AutoscalingSpec,
  CacheSpec,
  CostSpec,
  KeySpec,
  ResilienceSpec,
  Scenario,
  ServerChanges,
  ServerSpec,
  ServiceSpec,
  SloSpec,
} from '../engine/scenario/types.ts';
import type { StrategyChoice, StrategyOptions } from '../engine/strategies/strategy.ts';
import type { RunSummary } from '../engine/summary.ts';
import type { ScalingSnapshot } from './scalingProtocol.ts';

export type { ScalingSnapshot, SloSnapshot } from './scalingProtocol.ts';
import type {
  RoutesSnapshot,
  SeriesSnapshot,
  ServerSeriesSnapshot,
  ServerSnapshot,
} from './snapshotParts.ts';

export type {
  RoutesSnapshot,
  SeriesSnapshot,
  ServerSeriesSnapshot,
  ServerSnapshot,
} from './snapshotParts.ts';

/** Simulated ms per real ms, or as fast as the worker can go. */
export type Speed = number | 'max';

/** Setup edits; each takes effect at the current simulated time without restarting the run. */
export type SimCommand =
  | { readonly type: 'addServer'; readonly spec: ServerSpec }
  | { readonly type: 'updateServer'; readonly slot: number; readonly changes: ServerChanges }
  | { readonly type: 'removeServer'; readonly slot: number }
  /** Drain: no new requests, those held finish, then down. */
  | { readonly type: 'killServer'; readonly slot: number }
  /** Down at once; the requests it holds fail. */
  | { readonly type: 'crashServer'; readonly slot: number }
  | {
      readonly type: 'spikeServer';
      readonly slot: number;
      readonly factor: number;
      readonly durationMs: number;
    }
  | { readonly type: 'setResilience'; readonly resilience: ResilienceSpec }
  | { readonly type: 'reviveServer'; readonly slot: number }
  | {
      readonly type: 'setStrategy';
      readonly strategy: StrategyChoice;
      readonly options?: StrategyOptions;
      /** The user's strategy code, run in the sandbox (with strategy "custom"). */
      readonly code?: string;
    }
  | { readonly type: 'setCache'; readonly cache: CacheSpec }
  | { readonly type: 'setService'; readonly service: ServiceSpec }
  | { readonly type: 'setKeys'; readonly keys: KeySpec }
  | { readonly type: 'fireBurst'; readonly count: number }
  | { readonly type: 'setRate'; readonly ratePerSec: number }
  | OverloadCommand
  | { readonly type: 'setSeed'; readonly seed: number }
  /** Autoscaling on, off (null) or to other settings, from now on. */
  | { readonly type: 'setAutoscaling'; readonly autoscaling: AutoscalingSpec | null }
  /** Prices for the whole run's bill, or none. */
  | { readonly type: 'setCost'; readonly cost: CostSpec | null }
  /** A latency objective counted from now, or none. */
  | { readonly type: 'setSlo'; readonly slo: SloSpec | null }
  /**
   * The scenario's traffic entries as a file writes them (a daily pattern, spikes, a trace…):
   * the traffic is the run's schedule, so the run starts over with it, as with a new seed.
   */
  | { readonly type: 'setTraffic'; readonly traffic: NonNullable<RawScenario['traffic']> };

/** Either it was done, or why not (the message names the field and the problem). */
export type CommandResult =
  { readonly ok: true } | { readonly ok: false; readonly message: string };

export type LoadResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly problems: readonly ScenarioProblem[] };

/** Everything the page draws, produced at most once per animation frame. */
export interface Snapshot {
  /** Grows whenever anything changed. */
  readonly version: number;
  readonly now: number;
  readonly playing: boolean;
  readonly speed: Speed;
  /** The run's traffic and events are over and no request is in flight. */
  readonly finished: boolean;
  /** The run paused itself on reaching that point; new traffic plays it on. */
  readonly pausedAtEnd: boolean;
  /** Simulated time fell behind the chosen speed (the worker could not keep up). */
  readonly lagging: boolean;
  /** Set when the simulation threw while running; the run is paused and can be restarted. */
  readonly fault: string | null;
  /** When the fault was the user's strategy failing: the error, for the editor to mark its line. */
  readonly strategyFault: SandboxErrorInfo | null;
  readonly nextEventTime: number | null;
  readonly strategy: StrategyChoice;
  readonly strategyOptions: Required<StrategyOptions>;
  readonly steadyRate: number;
  /** The closed-loop population set from the page, or absent when none was. */
  readonly population?: { readonly clients: number; readonly thinkMs: number };
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
  /** Routing decisions explained ("why this server?") since the page last asked, oldest first. */
  readonly picks: readonly PickRecord[];
  /** Too few servers look healthy: the balancer routes to all of them (Envoy's panic mode). */
  readonly panic: boolean;
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
  /** The run's recording and any replay in progress (set by the session; see worker/recording.ts). */
  readonly recording?: RecordingStatus;
  /** Overload control's figures, once one of its mechanisms was on (absent before). */
  readonly overload?: OverloadSnapshot;
  /** Autoscaling, cost and SLO, when the setup has any of them (absent otherwise). */
  readonly scaling?: ScalingSnapshot;
}

/** What the page already has, so the worker sends only what is new. */
export interface SnapshotCursor {
  readonly sinceVersion: number;
  readonly logSeq: number;
  readonly routeSeq: number;
  readonly pickSeq: number;
  /** The setup version the page holds: while it is current, the snapshot leaves the setup out. */
  readonly setupVersion?: number;
  /** Time of the newest fleet row the page holds (it gets that row again: it may have changed). */
  readonly fleetSince?: number;
  /** The first SLO window the page needs again (the one that was still filling). */
  readonly sloWindow?: number;
}

/**
 * A snapshot as it crosses from the worker: `setup` is null while the page's copy (named by
 * `SnapshotCursor.setupVersion`) is still current, so an unchanged setup is not copied every frame.
 */
export type SnapshotMessage = Omit<Snapshot, 'setup'> & {
  readonly setup: Scenario | null;
  /** In place of `setup`, what changed since the page's copy (see setupDelta.ts); absent: none. */
  readonly setupDelta?: SetupDelta | null;
};

// ---- Compare mode: several strategies on one workload (see compareRun.ts). ----

/** One column of a comparison: a strategy and its tunables (defaults from the setup). */
export interface CompareVariant {
  readonly strategy: StrategyChoice;
  /** With strategy "custom": the code to run (the setup's when left out). */
  readonly code?: string;
  readonly options?: StrategyOptions;
}

/** A comparison run's series over the whole run, one value per (possibly merged) interval. */
export interface CompareSeries {
  readonly length: number;
  /** End of each interval, simulated ms. */
  readonly time: Float64Array;
  /** NaN where no request finished in the interval. */
  readonly p50: Float64Array;
  readonly p99: Float64Array;
  readonly throughputPerSec: Float64Array;
  readonly rejectionsPerSec: Float64Array;
  readonly failuresPerSec: Float64Array;
  readonly timeoutsPerSec: Float64Array;
  readonly retriesPerSec: Float64Array;
  /** NaN where the cache was not consulted in the interval. */
  readonly cacheHitRate: Float64Array;
}

/** One strategy's result on the shared workload. */
export interface CompareVariantResult {
  readonly strategy: StrategyChoice;
  readonly options: Required<StrategyOptions>;
  readonly summary: RunSummary;
  readonly series: CompareSeries;
  /** Share of capacity in use over the run, per server in `summary.servers` order. */
  readonly utilization: Float64Array;
  /**
   * How unevenly the servers were used: max − min of `utilization` (share points) and the
   * coefficient of variation (population standard deviation / mean; null when the mean is 0).
   */
  readonly spread: { readonly maxMinusMin: number; readonly cv: number | null };
  /** Simulated time the run stopped at. */
  readonly endMs: number;
}

/** Every strategy's result, plus what the shared workload was and where it was cut short. */
export interface CompareResult {
  readonly ok: true;
  readonly variants: readonly CompareVariantResult[];
  readonly workload: {
    readonly scenarioName: string;
    readonly seed: number;
    /** The live steady rate added as Poisson traffic over [0, windowMs), or null when none. */
    readonly liveRate: { readonly ratePerSec: number; readonly windowMs: number } | null;
    /** Strategy switches scheduled in the setup, left out so each column keeps its strategy. */
    readonly droppedStrategyEvents: number;
    /** Simulated ms per series point (a sample interval times `mergedIntervals`). */
    readonly pointMs: number;
    /** Sample intervals merged into one series point (1: none). */
    readonly mergedIntervals: number;
  };
  /** Why the runs stopped before the workload's end, or null when they ran it all. */
  readonly capped: { readonly atMs: number; readonly reason: string } | null;
}

export type CompareOutcome = CompareResult | JobRefusal;

// ---- Recording and exact replay of a run (see recording.ts). ----

/**
 * A live command as recorded: the simulated time it was applied at, and how many events the
 * simulation had processed before it. `runUntil(t)` processes every event up to t, and a run cut
 * short by its frame budget stops between events of the same instant, so the time alone does not
 * say where in the event sequence the command fell; the two together do.
 */
export interface RecordedAction {
  readonly at: number;
  readonly afterEvents: number;
  readonly command: SimCommand;
}

/** A point of a run: a simulated time and the events processed by then. */
export interface RunPoint {
  readonly at: number;
  readonly afterEvents: number;
}

/** A run that replays exactly: the setup and seed it started from and every live command since. */
export interface Recording {
  readonly version: 1;
  /** The setup at the run's start, as a v1 scenario (its seed equals `seed`). */
  readonly scenario: unknown;
  readonly seed: number;
  readonly actions: readonly RecordedAction[];
  /** Where the run stood when the recording was taken; a replay pauses there. */
  readonly end: RunPoint | null;
  /** More actions happened than a recording keeps: a replay matches only up to the last one kept. */
  readonly truncated: boolean;
}

/** What the page shows about the recording and the replay. */
export interface RecordingStatus {
  /** Grows with every new run (load, reset, new seed, replay): the page's history starts over. */
  readonly run: number;
  /** Actions recorded in this run so far. */
  readonly actions: number;
  /** The cap was reached at this simulated time (later actions are not recorded), or null. */
  readonly truncatedAt: number | null;
  readonly replay: ReplayStatus | null;
}

export interface ReplayStatus {
  /** playing: actions still to apply; finished: all applied; stopped: cut short (see `reason`). */
  readonly state: 'playing' | 'finished' | 'stopped';
  readonly applied: number;
  readonly total: number;
  /** Where the recording ends (the replay pauses there), or null when it does not say. */
  readonly endAt: number | null;
  /** The recording was cut off at its cap, so the replay is exact only up to its last action. */
  readonly truncated: boolean;
  /** Why the replay stopped early: an edit during the replay, or a recorded action refused. */
  readonly reason: string | null;
}

/** A recording checked before it is replayed. */
export type RecordingCheck =
  | {
      readonly ok: true;
      readonly name: string;
      readonly actions: number;
      readonly endAt: number | null;
      readonly truncated: boolean;
    }
  | { readonly ok: false; readonly message: string };

// ---- Headless jobs: runs to the end off the live run, with progress, cancellable (jobs.ts). ----

/** What a headless job computes: a comparison, one scenario run to its end, or a grading. */
export type JobKind = 'compare' | 'run' | 'grade';

/** How far a headless job has got, in simulated time. */
export interface JobProgress {
  /** The id the page gave the job when it started it. */
  readonly job: number;
  readonly kind: JobKind;
  /**
   * Share of the job's simulated time done, 0 to 1 (all of a comparison's strategies together);
   * for a grading, of its hidden cases (simulatedMs and endMs then count cases).
   */
  readonly fraction: number;
  /** Simulated time the job's current run has reached, and where its traffic and events end. */
  readonly simulatedMs: number;
  readonly endMs: number;
  /** Wall-clock ms since the job started (for an estimate of the time left). */
  readonly elapsedMs: number;
}

/** A job that did not produce its result: refused, failed, or cancelled by the page. */
export interface JobRefusal {
  readonly ok: false;
  readonly message: string;
  readonly cancelled?: true;
}

/** One scenario run headless to its end: what it measured and the setup it ran. */
export type RunToEndOutcome =
  | {
      readonly ok: true;
      readonly summary: RunSummary;
      readonly setup: Scenario;
      /** Simulated time the run ended at. */
      readonly endMs: number;
    }
  | JobRefusal;

// ---- User strategies in the sandbox (src/sandbox). ----

/** Whether a strategy's code loads: it parses, runs its top level and defines selectServer. */
export type StrategyCheck =
  { readonly ok: true } | { readonly ok: false; readonly error: SandboxErrorInfo };

/** An exercise graded, or the grading refused or stopped. */
export type GradeOutcome = GradeReport | JobRefusal;
