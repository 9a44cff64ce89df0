/*
 * The autoscaling, cost and SLO part of the snapshot (see protocol.ts): types only, so both sides
 * import it freely.
 */
import type { CostReport } from '../engine/metrics/costMeter.ts';
import type { BrokenWindow, SloReport } from '../engine/metrics/sloTracker.ts';
import type { FleetCounts } from '../engine/simulation/fleetMeasure.ts';
import type { ScalingAction, ScalingDecision } from '../engine/simulation/scalingPolicy.ts';

/** The autoscaler, the bill and the latency objective as the page shows them. */
export interface ScalingSnapshot {
  /** The autoscaler's view of the pool now (zeros while autoscaling is off). */
  readonly counts: FleetCounts;
  /** The last sync's decision, changed or not. */
  readonly decision: ScalingDecision | null;
  /** The most recent changes, oldest first, and how many the run has made. */
  readonly actions: readonly ScalingAction[];
  readonly actionsTotal: number;
  /** Servers ordered and still booting. */
  readonly starting: ReadonlyArray<{ readonly name: string; readonly readyAt: number }>;
  /** Rows of the fleet series newer than `SnapshotCursor.fleetSince`, row-major (FLEET_COLUMNS). */
  readonly fleet: Float64Array;
  /** The bill so far, when the run is priced. */
  readonly cost: CostReport | null;
  readonly slo: SloSnapshot | null;
}

/** The objective's attainment so far, and its one-minute windows since the page's cursor. */
export interface SloSnapshot extends SloReport {
  /** When the objective in force was set (0, or a live change). */
  readonly since: number;
  readonly windowMs: number;
  /** Index (from the run's start) of the first window below; the last is still filling. */
  readonly fromWindow: number;
  readonly good: Float64Array;
  readonly ended: Float64Array;
  /** The most recent windows below the objective. */
  readonly broken: readonly BrokenWindow[];
}
