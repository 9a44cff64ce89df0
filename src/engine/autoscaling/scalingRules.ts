/**
 * The HorizontalPodAutoscaler's `behavior` (autoscaling/v2 HPAScalingRules): how fast it may
 * scale up and down and how long it remembers its recommendations. Times here are in ms where
 * Kubernetes has seconds. Defaults are Kubernetes' own (pkg/apis/autoscaling/v2/defaults.go):
 * scale up by the larger of +4 pods and +100% per 15 s with no stabilization; scale down by at
 * most 100% per 15 s, stabilized over 300 s (the controller's
 * --horizontal-pod-autoscaler-downscale-stabilization).
 */

export type ScalingPolicyType = 'Pods' | 'Percent';
/** Which policy wins when several apply: the largest change, the smallest, or none at all. */
export type SelectPolicy = 'Max' | 'Min' | 'Disabled';

export interface ScalingPolicy {
  readonly type: ScalingPolicyType;
  /** Servers (Pods) or percent of the count at the start of the period. */
  readonly value: number;
  readonly periodMs: number;
}

export interface ScalingRules {
  readonly stabilizationMs: number;
  readonly selectPolicy: SelectPolicy;
  readonly policies: readonly ScalingPolicy[];
}

export const DEFAULT_SCALE_UP_POLICIES: readonly ScalingPolicy[] = [
  { type: 'Pods', value: 4, periodMs: 15_000 },
  { type: 'Percent', value: 100, periodMs: 15_000 },
];

export const DEFAULT_SCALE_DOWN_POLICIES: readonly ScalingPolicy[] = [
  { type: 'Percent', value: 100, periodMs: 15_000 },
];

/** A change of the replica count at a time (Kubernetes' timestampedScaleEvent). */
export interface ScaleEvent {
  /** Servers added (scale-up list) or removed (scale-down list): always positive. */
  change: number;
  at: number;
}

/**
 * Sum of the changes within the last `periodMs` (getReplicasChangePerPeriod: events strictly
 * after the cutoff).
 */
export function changeInPeriod(
  events: readonly ScaleEvent[],
  periodMs: number,
  now: number,
): number {
  const cutoff = now - periodMs;
  let sum = 0;
  for (const e of events) if (e.at > cutoff) sum += e.change;
  return sum;
}

/** The count at the start of a policy's period: now, minus what was added, plus what was removed. */
function periodStart(
  current: number,
  up: readonly ScaleEvent[],
  down: readonly ScaleEvent[],
  periodMs: number,
  now: number,
): number {
  return current - changeInPeriod(up, periodMs, now) + changeInPeriod(down, periodMs, now);
}

/** A rate limit and the policy that set it (null when scaling is disabled or there is none). */
export interface RateLimit {
  readonly limit: number;
  readonly policy: ScalingPolicy | null;
}

/** calculateScaleUpLimitWithScalingRules: the most servers the policies allow now. */
export function scaleUpLimit(
  current: number,
  up: readonly ScaleEvent[],
  down: readonly ScaleEvent[],
  rules: ScalingRules,
  now: number,
): RateLimit {
  if (rules.selectPolicy === 'Disabled' || rules.policies.length === 0)
    return { limit: current, policy: null };
  const pickMin = rules.selectPolicy === 'Min';
  let limit = pickMin ? Infinity : -Infinity;
  let chosen: ScalingPolicy | null = null;
  for (const p of rules.policies) {
    const start = periodStart(current, up, down, p.periodMs, now);
    // "the proposal has to be rounded up because the proposed change might not increase the
    // replica count causing the target to never scale up"
    const proposed = p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
    if (pickMin ? proposed < limit : proposed > limit) {
      limit = proposed;
      chosen = p;
    }
  }
  return { limit, policy: chosen };
}

/** calculateScaleDownLimitWithBehaviors: the fewest servers the policies allow now. */
export function scaleDownLimit(
  current: number,
  up: readonly ScaleEvent[],
  down: readonly ScaleEvent[],
  rules: ScalingRules,
  now: number,
): RateLimit {
  if (rules.selectPolicy === 'Disabled' || rules.policies.length === 0)
    return { limit: current, policy: null };
  // For scaling down the largest change is the lowest count.
  const pickMin = rules.selectPolicy !== 'Min';
  let limit = pickMin ? Infinity : -Infinity;
  let chosen: ScalingPolicy | null = null;
  for (const p of rules.policies) {
    const start = periodStart(current, up, down, p.periodMs, now);
    // int32(float64(start) * (1 - value/100)): Go truncates toward zero.
    const proposed = p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
    if (pickMin ? proposed < limit : proposed > limit) {
      limit = proposed;
      chosen = p;
    }
  }
  return { limit, policy: chosen };
}

/** The longest period of the rules' policies (getLongestPolicyPeriod). */
export function longestPeriod(rules: ScalingRules): number {
  let longest = 0;
  for (const p of rules.policies) if (p.periodMs > longest) longest = p.periodMs;
  return longest;
}
