import type { ScalingMetric } from '../autoscaling/replicaCalculator.ts';
import type { ServerPool } from '../serverPool.ts';

/** The pool as an autoscaler counts it. */
export interface FleetCounts {
  /** Ready: up, in the registry, not draining. */
  readonly inPool: number;
  /** In the registry, not draining, but down (crashed, or drained by hand): not ready. */
  readonly down: number;
  readonly draining: number;
  readonly starting: number;
  /** The count the autoscaler manages (Kubernetes' replicas): ready, down and starting. */
  readonly desired: number;
  /** Servers billed: up (ready, or draining and still up) or starting; a crashed one is not. */
  readonly running: number;
}

export function countFleet(pool: ServerPool, starting: number): FleetCounts {
  let inPool = 0;
  let down = 0;
  let draining = 0;
  let up = 0;
  for (const slot of pool.members) {
    if (pool.up[slot] === 1) up++;
    if (pool.draining[slot] === 1) draining++;
    else if (pool.up[slot] === 1) inPool++;
    else down++;
  }
  return {
    inPool,
    down,
    draining,
    starting,
    desired: inPool + down + starting,
    running: up + starting,
  };
}

/** What one sync measured over the ready servers. */
export interface Measurement {
  readonly readyCount: number;
  /** Servers counted in the desired count without a measurement: down, or joined this instant. */
  readonly unreadyCount: number;
  readonly metricSum: number;
  /** metricSum / readyCount, or null with no ready server. */
  readonly average: number | null;
}

/**
 * Measures the metric over the ready servers since the last sync:
 * - utilization: each server's busy slot-time / (capacity x the time it was in the pool during
 *   the period), from the pool's running integral of active / capacity;
 * - in flight per server: requests each holds (in service or queued) right now, a gauge;
 * - requests per second per server: arrivals over the period / its length, for the pool
 *   (AWS's ALBRequestCountPerTarget divides the same count by the targets).
 * A server that joined at this very instant has nothing to show yet: it counts as not ready.
 */
export function measureFleet(
  pool: ServerPool,
  metric: ScalingMetric,
  now: number,
  since: number,
  busyAtSync: Float64Array,
  joinedAt: Float64Array,
  arrivalsInPeriod: number,
  starting: number,
): Measurement {
  let ready = 0;
  let unready = starting;
  let sum = 0;
  for (const slot of pool.members) {
    if (pool.draining[slot] === 1) continue;
    const from = Math.max(since, joinedAt[slot]!);
    if (pool.up[slot] === 0 || now <= from) {
      unready++;
      continue;
    }
    ready++;
    if (metric === 'utilization') {
      sum += (pool.busyTime(slot) - busyAtSync[slot]!) / (now - from);
    } else if (metric === 'inFlightPerServer') sum += pool.active[slot]! + pool.queued[slot]!;
  }
  if (metric === 'requestsPerSecondPerServer' && ready > 0 && now > since)
    sum = arrivalsInPeriod / ((now - since) / 1000);
  return {
    readyCount: ready,
    unreadyCount: unready,
    metricSum: sum,
    average: ready > 0 ? sum / ready : null,
  };
}
