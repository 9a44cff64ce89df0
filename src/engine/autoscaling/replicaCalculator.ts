/**
 * The HorizontalPodAutoscaler's replica calculation, as Kubernetes' ReplicaCalculator does it
 * (kubernetes/kubernetes, pkg/controller/podautoscaler/replica_calculator.go: GetResourceReplicas
 * for utilization, calcPlainMetricReplicas for per-pod metrics; both follow the same rule):
 *
 * 1. The metric is averaged over the ready servers only; servers still starting (not ready) are
 *    left out, and `usageRatio = average / target`.
 * 2. With no server starting (or when scaling down): no change while the ratio is within the
 *    tolerance (`1 - tolerance <= ratio <= 1 + tolerance`, Tolerances.isWithin); otherwise
 *    `ceil(usageRatio * ready)`.
 * 3. When scaling up with servers starting, they are counted with a metric of 0 ("on a scale-up,
 *    treat unready pods as using 0% of the resource request"), the ratio is worked out again over
 *    every server, and the result is `ceil(newRatio * (ready + starting))`, unless the new ratio
 *    falls within the tolerance or points the other way: then no change. So a scale-up in flight
 *    is not ordered a second time while its servers boot.
 *
 * Kubernetes keeps these numbers as integers: utilization in whole percent (truncated), other
 * metrics in milli-units (truncated). The same quanta are used here, so a hand computation with
 * whole percents gives exactly the controller's answer.
 */

/** Metrics a server pool can scale on. */
export type ScalingMetric = 'utilization' | 'inFlightPerServer' | 'requestsPerSecondPerServer';

/** The integer unit Kubernetes keeps a metric in: whole percent, or milli-units. */
export function metricQuantum(metric: ScalingMetric): number {
  return metric === 'utilization' ? 0.01 : 0.001;
}

export interface ReplicaInput {
  /** Replicas the autoscaler manages now: servers in the pool and those still starting. */
  readonly currentReplicas: number;
  /** Servers ready to serve, whose metric is measured. */
  readonly readyCount: number;
  /** The sum of the ready servers' metric values. */
  readonly metricSum: number;
  /** Servers counted in `currentReplicas` that are not ready (starting, or down). */
  readonly unreadyCount: number;
  readonly target: number;
  readonly tolerance: number;
  /** The metric's integer unit (metricQuantum). */
  readonly quantum: number;
}

export type ReplicaOutcome =
  /** Nothing to measure ("did not receive metrics for targeted pods"): no change. */
  | 'noReadyServers'
  /** The ratio is within the tolerance: no change. */
  | 'withinTolerance'
  /** Counting starting servers at 0 turned the direction round, or into the tolerance. */
  | 'startingServersSuffice'
  | 'proposed';

export interface ReplicaProposal {
  readonly replicas: number;
  /** Average metric over the ready servers, in whole quanta as Kubernetes reports it. */
  readonly average: number;
  /** average / target. */
  readonly usageRatio: number;
  /** The ratio with starting servers counted at 0, when that rule applied; else null. */
  readonly ratioWithStarting: number | null;
  readonly outcome: ReplicaOutcome;
}

/** Truncates to whole quanta, as the controller's integer division does (a hair of slack for binary fractions). */
function units(value: number, quantum: number): number {
  return Math.floor(value / quantum + 1e-9);
}

function within(ratio: number, tolerance: number): boolean {
  return 1 - tolerance <= ratio && ratio <= 1 + tolerance;
}

/** The replica count the metric asks for (before stabilization, rate limits and bounds). */
export function proposeReplicas(input: ReplicaInput): ReplicaProposal {
  const { currentReplicas, readyCount, unreadyCount, tolerance, quantum } = input;
  const targetUnits = Math.max(1, Math.round(input.target / quantum));
  if (readyCount === 0) {
    return {
      replicas: currentReplicas,
      average: 0,
      usageRatio: 0,
      ratioWithStarting: null,
      outcome: 'noReadyServers',
    };
  }
  const averageUnits = units(input.metricSum / readyCount, quantum);
  const average = averageUnits * quantum;
  const usageRatio = averageUnits / targetUnits;
  const base = { average, usageRatio };
  if (!(unreadyCount > 0 && usageRatio > 1)) {
    if (within(usageRatio, tolerance))
      return {
        ...base,
        replicas: currentReplicas,
        ratioWithStarting: null,
        outcome: 'withinTolerance',
      };
    return {
      ...base,
      replicas: Math.ceil(usageRatio * readyCount),
      ratioWithStarting: null,
      outcome: 'proposed',
    };
  }
  const counted = readyCount + unreadyCount;
  const newRatio = units(input.metricSum / counted, quantum) / targetUnits;
  if (within(newRatio, tolerance) || newRatio < 1) {
    return {
      ...base,
      replicas: currentReplicas,
      ratioWithStarting: newRatio,
      outcome: 'startingServersSuffice',
    };
  }
  const replicas = Math.ceil(newRatio * counted);
  // "the change of metrics length would cause a change in scale direction"
  if (replicas < currentReplicas) {
    return {
      ...base,
      replicas: currentReplicas,
      ratioWithStarting: newRatio,
      outcome: 'startingServersSuffice',
    };
  }
  return { ...base, replicas, ratioWithStarting: newRatio, outcome: 'proposed' };
}
