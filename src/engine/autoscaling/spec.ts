import type { ServerSpec } from '../scenario/types.ts';
import type { ScalingMetric } from './replicaCalculator.ts';
import type { ScheduledAction } from './scheduledScaling.ts';
import type { ScalingPolicy, SelectPolicy } from './scalingRules.ts';
import type { AdjustmentType, ScalingStep } from './stepScaling.ts';

export type { ScalingMetric } from './replicaCalculator.ts';
export type { ScheduledAction } from './scheduledScaling.ts';
export type { ScalingPolicy, ScalingPolicyType, SelectPolicy } from './scalingRules.ts';
export type { AdjustmentType, ScalingStep } from './stepScaling.ts';

/** Which rule decides the pool's size: Kubernetes' HPA, AWS step scaling, or a timetable. */
export type AutoscalingPolicy = 'hpa' | 'step' | 'scheduled';

export const AUTOSCALING_POLICIES = ['hpa', 'step', 'scheduled'] as const;
export const SCALING_METRICS = [
  'utilization',
  'inFlightPerServer',
  'requestsPerSecondPerServer',
] as const;

/**
 * A scenario's `autoscaling` (off when absent). Fields of every policy are kept side by side so a
 * person switching policy in the page keeps what they set for the other; only the chosen policy's
 * fields act.
 */
export interface AutoscalingSpec {
  readonly policy: AutoscalingPolicy;
  /**
   * What is measured every sync: `utilization` (busy slot-time / (capacity x period), averaged
   * over the ready servers), `inFlightPerServer` (requests held, in service or queued, a gauge
   * read at the sync) or `requestsPerSecondPerServer` (arrivals over the period per ready server,
   * as AWS's ALBRequestCountPerTarget).
   */
  readonly metric: ScalingMetric;
  /** The metric's target (HPA) or the unit the steps are written in. */
  readonly target: number;
  readonly minServers: number;
  readonly maxServers: number;
  /** The spec of servers added (`<name>-1`, `-2`, ...); null = like the first listed server. */
  readonly template: ServerSpec | null;
  /** How often the autoscaler measures and decides (Kubernetes' --horizontal-pod-autoscaler-sync-period, 15 s). */
  readonly syncPeriodMs: number;
  /** HPA: no change while |metric / target - 1| <= tolerance (Kubernetes, 0.1). */
  readonly tolerance: number;
  /** HPA: the highest recommendation over this window is used when scaling down (300 s). */
  readonly scaleDownStabilizationMs: number;
  /** HPA: the lowest recommendation over this window is used when scaling up (0). */
  readonly scaleUpStabilizationMs: number;
  readonly scaleUpPolicies: readonly ScalingPolicy[];
  readonly scaleUpSelectPolicy: SelectPolicy;
  readonly scaleDownPolicies: readonly ScalingPolicy[];
  readonly scaleDownSelectPolicy: SelectPolicy;
  /** A new server joins the pool this long after it is ordered ("cold start", 30 s). */
  readonly provisioningMs: number;
  /** Step: the metric intervals and the servers each adds (negative: removes). */
  readonly steps: readonly ScalingStep[];
  readonly adjustmentType: AdjustmentType;
  /** Step: AWS's cooldown (300 s). */
  readonly cooldownMs: number;
  /** Step: syncs in a row an alarm must be breached before it acts (1). */
  readonly evaluationPeriods: number;
  /** Scheduled: server counts at given times. */
  readonly schedule: readonly ScheduledAction[];
  /** Scheduled: the schedule repeats with this period (e.g. a day); null = once. */
  readonly scheduleRepeatMs: number | null;
}
