import { proposeReplicas, type ReplicaProposal } from './replicaCalculator.ts';
import {
  longestPeriod,
  scaleDownLimit,
  scaleUpLimit,
  type ScaleEvent,
  type ScalingPolicy,
  type ScalingRules,
} from './scalingRules.ts';

/**
 * One HorizontalPodAutoscaler, reconciled every sync period as Kubernetes' HorizontalController
 * does (kubernetes/kubernetes, pkg/controller/podautoscaler/horizontal.go: reconcileAutoscaler,
 * normalizeDesiredReplicasWithBehaviors, stabilizeRecommendationWithBehaviors,
 * convertDesiredReplicasWithBehaviorRate, storeScaleEvent):
 *
 * - a count outside [min, max] is brought back to the bound at once;
 * - otherwise the metric's proposal (replicaCalculator.ts) is stabilized: the lowest
 *   recommendation of the scale-up window and the highest of the scale-down window bound it, so
 *   with the default 300 s window a scale-down happens only once every recommendation of the last
 *   five minutes agreed;
 * - then rate-limited by the policies, counting the changes made within each policy's period;
 * - every change is remembered for the rate limits, every recommendation for the windows, and
 *   both lists replace entries that fell out of every window, so memory stays bounded.
 */

export interface HpaSettings {
  readonly minServers: number;
  readonly maxServers: number;
  readonly target: number;
  readonly tolerance: number;
  /** The metric's integer unit (metricQuantum). */
  readonly quantum: number;
  readonly scaleUp: ScalingRules;
  readonly scaleDown: ScalingRules;
}

/** The ready servers' measurement for one sync. */
export interface HpaMeasurement {
  readonly readyCount: number;
  readonly unreadyCount: number;
  readonly metricSum: number;
}

/** Why the count is what it is after a sync. */
export type HpaLimit =
  /** The metric's proposal went through unchanged. */
  | 'none'
  | 'belowMin'
  | 'aboveMax'
  | 'withinTolerance'
  | 'noReadyServers'
  | 'startingServersSuffice'
  /** A recent recommendation in the stabilization window held the count. */
  | 'stabilized'
  | 'scaleUpLimit'
  | 'scaleDownLimit'
  | 'tooMany'
  | 'tooFew';

export interface HpaDecision {
  readonly at: number;
  readonly from: number;
  readonly to: number;
  /** What the metric alone asked for (the bound itself when the count was out of bounds). */
  readonly recommended: number;
  /** The recommendation after the stabilization windows. */
  readonly stabilized: number;
  /** The metric's calculation; null when the count was brought back within bounds. */
  readonly proposal: ReplicaProposal | null;
  readonly limit: HpaLimit;
  /** The rate policy that set a scale-up or scale-down limit. */
  readonly policy: ScalingPolicy | null;
}

interface Recommendation {
  value: number;
  at: number;
}

export class HorizontalController {
  /** Recent recommendations, seeded with the count at the first sync (recordInitialRecommendation). */
  private recommendations: Recommendation[] | null = null;
  private readonly upEvents: ScaleEvent[] = [];
  private readonly downEvents: ScaleEvent[] = [];

  /** One sync at `now` with `current` servers (in the pool or starting). */
  reconcile(
    now: number,
    settings: HpaSettings,
    current: number,
    measurement: HpaMeasurement,
  ): HpaDecision {
    if (this.recommendations === null) this.recommendations = [{ value: current, at: now }];
    let decision: HpaDecision;
    if (current > settings.maxServers) {
      decision = bound(now, current, settings.maxServers, 'aboveMax');
    } else if (current < settings.minServers) {
      decision = bound(now, current, settings.minServers, 'belowMin');
    } else {
      const proposal = proposeReplicas({
        currentReplicas: current,
        readyCount: measurement.readyCount,
        unreadyCount: measurement.unreadyCount,
        metricSum: measurement.metricSum,
        target: settings.target,
        tolerance: settings.tolerance,
        quantum: settings.quantum,
      });
      const recommended = proposal.replicas;
      const stabilized = this.stabilize(now, settings, current, recommended);
      const rated = this.rateLimit(now, settings, current, stabilized);
      let limit: HpaLimit = rated.limit;
      if (limit === 'none' && stabilized !== recommended) limit = 'stabilized';
      if (limit === 'none' && proposal.outcome !== 'proposed') limit = proposal.outcome;
      decision = {
        at: now,
        from: current,
        to: rated.to,
        recommended,
        stabilized,
        proposal,
        limit,
        policy: rated.policy,
      };
    }
    if (decision.to !== current) this.storeScaleEvent(now, settings, current, decision.to);
    return decision;
  }

  /** Recommendations held for the stabilization windows (for tests and the panel). */
  get recommendationCount(): number {
    return this.recommendations?.length ?? 0;
  }

  private stabilize(now: number, settings: HpaSettings, current: number, desired: number): number {
    const recs = this.recommendations!;
    const upCutoff = now - settings.scaleUp.stabilizationMs;
    const downCutoff = now - settings.scaleDown.stabilizationMs;
    let upRecommendation = desired;
    let downRecommendation = desired;
    let oldIndex = -1;
    for (let i = 0; i < recs.length; i++) {
      const rec = recs[i]!;
      if (rec.at > upCutoff) upRecommendation = Math.min(rec.value, upRecommendation);
      if (rec.at > downCutoff) downRecommendation = Math.max(rec.value, downRecommendation);
      if (rec.at < upCutoff && rec.at < downCutoff) oldIndex = i;
    }
    let recommendation = current;
    if (recommendation < upRecommendation) recommendation = upRecommendation;
    if (recommendation > downRecommendation) recommendation = downRecommendation;
    // Record the unstabilized recommendation, in the place of one no window needs any more.
    if (oldIndex >= 0) recs[oldIndex] = { value: desired, at: now };
    else recs.push({ value: desired, at: now });
    return recommendation;
  }

  private rateLimit(
    now: number,
    settings: HpaSettings,
    current: number,
    desired: number,
  ): { to: number; limit: HpaLimit; policy: ScalingPolicy | null } {
    if (desired > current) {
      const up = scaleUpLimit(current, this.upEvents, this.downEvents, settings.scaleUp, now);
      // "We shouldn't scale up further until the scaleUpEvents will be cleaned up"
      const limit = Math.max(up.limit, current);
      const byRate = settings.maxServers > limit;
      const allowed = byRate ? limit : settings.maxServers;
      if (desired > allowed)
        return {
          to: allowed,
          limit: byRate ? 'scaleUpLimit' : 'tooMany',
          policy: byRate ? up.policy : null,
        };
    } else if (desired < current) {
      const down = scaleDownLimit(current, this.upEvents, this.downEvents, settings.scaleDown, now);
      const limit = Math.min(down.limit, current);
      const byRate = settings.minServers < limit;
      const allowed = byRate ? limit : settings.minServers;
      if (desired < allowed)
        return {
          to: allowed,
          limit: byRate ? 'scaleDownLimit' : 'tooFew',
          policy: byRate ? down.policy : null,
        };
    }
    return { to: desired, limit: 'none', policy: null };
  }

  /** storeScaleEvent: replaces an event older than every policy period, or appends. */
  private storeScaleEvent(now: number, settings: HpaSettings, from: number, to: number): void {
    const upward = to > from;
    const events = upward ? this.upEvents : this.downEvents;
    const cutoff = now - longestPeriod(upward ? settings.scaleUp : settings.scaleDown);
    const event = { change: Math.abs(to - from), at: now };
    let outdated = -1;
    for (let i = 0; i < events.length; i++) if (events[i]!.at < cutoff) outdated = i;
    if (outdated >= 0) events[outdated] = event;
    else events.push(event);
  }
}

function bound(now: number, from: number, to: number, limit: HpaLimit): HpaDecision {
  return {
    at: now,
    from,
    to,
    recommended: to,
    stabilized: to,
    proposal: null,
    limit,
    policy: null,
  };
}
