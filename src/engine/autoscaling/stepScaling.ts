/**
 * Step scaling as AWS does it (Application Auto Scaling StepScalingPolicyConfiguration; Amazon
 * EC2 Auto Scaling "Step and simple scaling policies"): an alarm watches the metric; while it is
 * breached for `evaluationPeriods` periods in a row, the step whose interval holds the metric
 * says how many servers to add or remove.
 *
 * - Intervals, as in a StepAdjustment: a scale-out step takes `lower <= metric < upper`, a
 *   scale-in step `lower < metric <= upper` (a missing bound is unbounded).
 * - Cooldown (StepScalingPolicyConfiguration.Cooldown, 300 s by default): after a scale-out, "the
 *   capacity that has been added by the previous scale-out event that initiated the cooldown is
 *   calculated as part of the desired capacity for the next scale out", so only a larger step adds
 *   more; after a scale-in, further scale-ins are blocked until the cooldown expires, and a
 *   scale-out in the meantime happens at once and ends that cooldown.
 * - PercentChangeInCapacity rounds as EC2 Auto Scaling does: above 1 down, between 0 and 1 to 1,
 *   between -1 and 0 to -1, below -1 up. The count always stays within [min, max].
 */

export interface ScalingStep {
  /** Lower bound of the metric; null = no lower bound. */
  readonly lower: number | null;
  /** Upper bound of the metric; null = no upper bound. */
  readonly upper: number | null;
  /** Servers (or percent) to add; negative removes. */
  readonly change: number;
}

export type AdjustmentType = 'ChangeInCapacity' | 'PercentChangeInCapacity';

export interface StepSettings {
  readonly minServers: number;
  readonly maxServers: number;
  readonly steps: readonly ScalingStep[];
  readonly adjustmentType: AdjustmentType;
  readonly cooldownMs: number;
  /** Periods in a row the alarm must be breached before the policy acts (CloudWatch, 1). */
  readonly evaluationPeriods: number;
}

export type StepLimit =
  | 'none'
  | 'belowMin'
  | 'aboveMax'
  | 'noReadyServers'
  /** The metric is in no step: the alarms are OK. */
  | 'noStep'
  /** The alarm is breached but not yet for `evaluationPeriods` periods. */
  | 'alarmPending'
  /** A scale-out cooldown counted the servers already added; a scale-in cooldown blocked. */
  | 'cooldown'
  | 'tooMany'
  | 'tooFew';

export interface StepDecision {
  readonly at: number;
  readonly from: number;
  readonly to: number;
  readonly step: ScalingStep | null;
  /** Servers the step asked to add (negative: remove). */
  readonly adjustment: number;
  readonly limit: StepLimit;
}

/** Whether the metric is in the step's interval (scale-out: [lower, upper); scale-in: (lower, upper]). */
export function stepHolds(step: ScalingStep, metric: number): boolean {
  const lower = step.lower ?? -Infinity;
  const upper = step.upper ?? Infinity;
  return step.change > 0 ? lower <= metric && metric < upper : lower < metric && metric <= upper;
}

/** The servers a PercentChangeInCapacity step changes, rounded as EC2 Auto Scaling does. */
export function percentAdjustment(current: number, percent: number): number {
  const x = (current * percent) / 100;
  if (x > 1) return Math.floor(x);
  if (x > 0) return 1;
  if (x === 0) return 0;
  if (x >= -1) return -1;
  return Math.ceil(x);
}

export class StepScaler {
  private outStreak = 0;
  private inStreak = 0;
  private outCooldownUntil = -Infinity;
  /** The count before the scale-out that started the cooldown. */
  private outBase = 0;
  private inCooldownUntil = -Infinity;

  /** One evaluation at `now`; `metric` is null when no server is ready to measure. */
  evaluate(now: number, s: StepSettings, current: number, metric: number | null): StepDecision {
    const keep = (limit: StepLimit, step: ScalingStep | null = null, adjustment = 0) =>
      ({ at: now, from: current, to: current, step, adjustment, limit }) as const;
    if (current > s.maxServers) return { ...keep('aboveMax'), to: s.maxServers };
    if (current < s.minServers) return { ...keep('belowMin'), to: s.minServers };
    if (metric === null) return keep('noReadyServers');
    const step = s.steps.find((st) => st.change !== 0 && stepHolds(st, metric)) ?? null;
    if (step === null) {
      this.outStreak = 0;
      this.inStreak = 0;
      return keep('noStep');
    }
    const out = step.change > 0;
    if (out) {
      this.outStreak++;
      this.inStreak = 0;
    } else {
      this.inStreak++;
      this.outStreak = 0;
    }
    if ((out ? this.outStreak : this.inStreak) < s.evaluationPeriods)
      return keep('alarmPending', step);
    const adjust = (base: number) =>
      s.adjustmentType === 'ChangeInCapacity' ? step.change : percentAdjustment(base, step.change);
    if (out) {
      const cooling = now < this.outCooldownUntil;
      const base = cooling ? this.outBase : current;
      const adjustment = adjust(base);
      const wanted = base + adjustment;
      const to = Math.min(wanted, s.maxServers);
      if (to <= current) return keep(cooling ? 'cooldown' : 'tooMany', step, adjustment);
      this.outBase = base;
      this.outCooldownUntil = now + s.cooldownMs;
      this.inCooldownUntil = -Infinity;
      return {
        at: now,
        from: current,
        to,
        step,
        adjustment,
        limit: wanted > to ? 'tooMany' : 'none',
      };
    }
    const adjustment = adjust(current);
    if (now < this.inCooldownUntil) return keep('cooldown', step, adjustment);
    const wanted = current + adjustment;
    const to = Math.max(wanted, s.minServers);
    if (to >= current) return keep('tooFew', step, adjustment);
    this.inCooldownUntil = now + s.cooldownMs;
    return { at: now, from: current, to, step, adjustment, limit: wanted < to ? 'tooFew' : 'none' };
  }
}
