import { hpaReason, stepReason } from '../autoscaling/decisionText.ts';
import { HorizontalController, type HpaSettings } from '../autoscaling/horizontalController.ts';
import { metricQuantum } from '../autoscaling/replicaCalculator.ts';
import type { AutoscalingSpec } from '../autoscaling/spec.ts';
import { StepScaler, type StepSettings } from '../autoscaling/stepScaling.ts';
import type { Measurement } from './fleetMeasure.ts';

/** A change of the pool's size the autoscaler made. */
export interface ScalingAction {
  readonly at: number;
  readonly from: number;
  readonly to: number;
  /** The metric's average over the ready servers when it decided (null: scheduled, or none). */
  readonly metric: number | null;
  readonly reason: string;
}

/** A sync's decision, changed or not, as the Autoscaling panel shows it. */
export interface ScalingDecision extends ScalingAction {
  /** What the policy asked for before limits, windows and bounds. */
  readonly recommended: number;
}

/** The HPA's settings from the scenario's fields (the issue's names, Kubernetes' behavior). */
export function hpaSettings(spec: AutoscalingSpec): HpaSettings {
  return {
    minServers: spec.minServers,
    maxServers: spec.maxServers,
    target: spec.target,
    tolerance: spec.tolerance,
    quantum: metricQuantum(spec.metric),
    scaleUp: {
      stabilizationMs: spec.scaleUpStabilizationMs,
      selectPolicy: spec.scaleUpSelectPolicy,
      policies: spec.scaleUpPolicies,
    },
    scaleDown: {
      stabilizationMs: spec.scaleDownStabilizationMs,
      selectPolicy: spec.scaleDownSelectPolicy,
      policies: spec.scaleDownPolicies,
    },
  };
}

/**
 * The policy that decides at each sync, with its memory: the HPA's recommendations and scale
 * events, or a step policy's alarm streaks and cooldowns. A scheduled policy decides at its own
 * times (the autoscaler's scheduled actions); at a sync it only keeps the count within bounds.
 */
export class ScalingPolicy {
  private hpa = new HorizontalController();
  private stepper = new StepScaler();

  /** Forgets what the policy remembered (a change of policy). */
  reset(): void {
    this.hpa = new HorizontalController();
    this.stepper = new StepScaler();
  }

  decide(spec: AutoscalingSpec, now: number, current: number, m: Measurement): ScalingDecision {
    const base = { at: now, from: current, metric: m.average };
    if (spec.policy === 'step') {
      const settings: StepSettings = spec;
      const d = this.stepper.evaluate(now, settings, current, m.average);
      const reason = stepReason(d, spec.metric, m.average, {
        evaluationPeriods: spec.evaluationPeriods,
        cooldownMs: spec.cooldownMs,
        percent: spec.adjustmentType === 'PercentChangeInCapacity',
      });
      return { ...base, to: d.to, reason, recommended: current + d.adjustment };
    }
    if (spec.policy === 'scheduled') {
      const to = Math.min(spec.maxServers, Math.max(spec.minServers, current));
      const reason =
        to === current
          ? `the schedule holds ${current}`
          : `${current} is outside minServers and maxServers: ${current} -> ${to}`;
      return { ...base, to, reason, recommended: to };
    }
    const d = this.hpa.reconcile(now, hpaSettings(spec), current, m);
    const windows = { upMs: spec.scaleUpStabilizationMs, downMs: spec.scaleDownStabilizationMs };
    const reason = hpaReason(d, spec.metric, spec.target, windows, spec.tolerance);
    return { ...base, to: d.to, reason, recommended: d.recommended };
  }
}
