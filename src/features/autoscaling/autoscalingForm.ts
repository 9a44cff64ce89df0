/**
 * What the Autoscaling panel's controls need besides React: the rules of its fields (the scenario
 * format's limits, in the units shown: seconds for times, percent for utilization), the settings
 * that switching autoscaling on or changing policy starts from, and the words for each choice.
 */
import type { AutoscalingSpec, ScalingMetric } from '../../engine/scenario/types.ts';
import {
  DEFAULT_SCALE_DOWN_POLICIES,
  DEFAULT_SCALE_UP_POLICIES,
} from '../../engine/autoscaling/scalingRules.ts';
import { SCALING_DEFAULTS, SCALING_LIMITS } from '../../engine/scenario/scalingLimits.ts';
import { ruleFor, type Rule } from '../../ui/fieldRules.ts';

const L = SCALING_LIMITS.autoscaling;
const D = SCALING_DEFAULTS.autoscaling;
const SECONDS = { scale: 1 / 1000 };

/** Field rules, in the units the fields show. */
export const RULES = {
  minServers: ruleFor('min servers', L.servers),
  maxServers: ruleFor('max servers', L.servers),
  utilizationPercent: ruleFor('target utilization', {
    min: 0,
    max: 100,
    aboveMin: true,
    integer: true,
  }),
  target: ruleFor('target', L.target),
  syncSeconds: ruleFor('sync period', L.syncPeriodMs, SECONDS),
  provisioningSeconds: ruleFor('provisioning time', L.provisioningMs, SECONDS),
  tolerancePercent: ruleFor('tolerance', L.tolerance, { scale: 100 }),
  windowSeconds: ruleFor('stabilization window', L.stabilizationMs, SECONDS),
  policyValue: ruleFor('policy value', L.policyValue),
  policySeconds: ruleFor('policy period', L.policyPeriodMs, SECONDS),
  cooldownSeconds: ruleFor('cooldown', L.cooldownMs, SECONDS),
  evaluationPeriods: ruleFor('evaluation periods', L.evaluationPeriods),
  stepBound: ruleFor('bound', L.stepBound),
  stepChange: ruleFor('change', L.stepChange),
  scheduleServers: ruleFor('servers', L.servers),
} satisfies Record<string, Rule<number>>;

/** The metrics, in words, with what each measures and where the idea comes from. */
export const METRICS: ReadonlyArray<{
  readonly metric: ScalingMetric;
  readonly label: string;
  readonly unit: string;
  readonly what: string;
}> = [
  {
    metric: 'utilization',
    label: 'Utilization',
    unit: '%',
    what: 'Busy slot-time over capacity in the last period, averaged over ready servers (Kubernetes: CPU utilization).',
  },
  {
    metric: 'inFlightPerServer',
    label: 'In flight per server',
    unit: 'requests',
    what: 'Requests each ready server holds (in service and queued) at the sync, averaged (a Pods metric).',
  },
  {
    metric: 'requestsPerSecondPerServer',
    label: 'Requests/s per server',
    unit: '/s',
    what: 'Arrivals in the last period per ready server (AWS: ALBRequestCountPerTarget).',
  },
];

/** A sensible target for a metric the person switches to (utilization has the format's own). */
export function suggestedTarget(metric: ScalingMetric, spec: AutoscalingSpec): number {
  if (metric === 'utilization') return D.utilizationTarget;
  const capacity = spec.template?.capacity ?? 4;
  return metric === 'inFlightPerServer' ? Math.max(1, capacity / 2) : 10;
}

/** Steps around a target: remove one well below it, add one above it, add two far above. */
export function suggestedSteps(target: number): AutoscalingSpec['steps'] {
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return [
    { lower: null, upper: r(target * 0.6), change: -1 },
    { lower: r(target * 1.2), upper: r(target * 1.6), change: 1 },
    { lower: r(target * 1.6), upper: null, change: 2 },
  ];
}

/**
 * The settings switching autoscaling on starts from: Kubernetes' HPA defaults around the pool as
 * it is (never below one server, room to grow to four times it).
 */
export function initialSpec(servers: number): AutoscalingSpec {
  const minServers = Math.max(1, Math.min(servers, 2));
  return {
    policy: 'hpa',
    metric: 'utilization',
    target: D.utilizationTarget,
    minServers,
    maxServers: Math.min(L.servers.max, Math.max(10, servers * 4)),
    template: null,
    syncPeriodMs: D.syncPeriodMs,
    tolerance: D.tolerance,
    scaleDownStabilizationMs: D.scaleDownStabilizationMs,
    scaleUpStabilizationMs: D.scaleUpStabilizationMs,
    scaleUpPolicies: DEFAULT_SCALE_UP_POLICIES,
    scaleUpSelectPolicy: 'Max',
    scaleDownPolicies: DEFAULT_SCALE_DOWN_POLICIES,
    scaleDownSelectPolicy: 'Max',
    provisioningMs: D.provisioningMs,
    steps: suggestedSteps(D.utilizationTarget),
    adjustmentType: 'ChangeInCapacity',
    cooldownMs: D.cooldownMs,
    evaluationPeriods: D.evaluationPeriods,
    schedule: [{ at: 0, servers: minServers }],
    scheduleRepeatMs: 86_400_000,
  };
}

/** The policies, in words, with the system each copies. */
export const POLICIES = [
  {
    policy: 'hpa',
    label: 'Target (HPA)',
    what: 'Kubernetes’ HorizontalPodAutoscaler: every sync, ceil(servers × metric / target), within a 10% tolerance, rate-limited, scale-down held by a 5-minute window.',
  },
  {
    policy: 'step',
    label: 'Steps',
    what: 'AWS step scaling: when the metric falls in a step’s range, add or remove that many servers; a cooldown stops scaling on the same breach twice.',
  },
  {
    policy: 'scheduled',
    label: 'Schedule',
    what: 'Scheduled actions (AWS scheduled scaling, a Kubernetes CronJob): the pool is set to a count at given times, whatever the load.',
  },
] as const;

/** A number as a field shows it: no float noise. */
export const asText = (n: number) => String(+n.toFixed(6));

/** How a metric's values are shown: utilization in percent, the others as they are. */
export function metricScale(metric: ScalingMetric): number {
  return metric === 'utilization' ? 100 : 1;
}

/** A metric value in words: "82%", "8.3 in flight", "12.5/s". */
export function metricText(metric: ScalingMetric, v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '–';
  if (metric === 'utilization') return `${Math.round(v * 100)}%`;
  const n = +v.toFixed(2);
  return metric === 'inFlightPerServer' ? `${n} in flight` : `${n}/s`;
}

/**
 * A new scale-out step that overlaps none: just under the open-ended top step (which moves up),
 * or from the highest bound on with no upper end.
 */
export function addStep(steps: AutoscalingSpec['steps'], target: number): AutoscalingSpec['steps'] {
  const r = (v: number) => Math.round(v * 1000) / 1000;
  const open = steps.findIndex((st) => st.upper === null && st.lower !== null);
  if (open >= 0) {
    const lower = steps[open]!.lower!;
    const split = r(lower + Math.max(Math.abs(lower), target, 1e-3) * 0.25);
    return [
      ...steps.map((st, i) => (i === open ? { ...st, lower: split } : st)),
      { lower, upper: split, change: 1 },
    ];
  }
  const bounds = steps.flatMap((st) => [st.lower, st.upper]).filter((b) => b !== null);
  const top = bounds.length > 0 ? Math.max(...bounds) : target;
  return [...steps, { lower: r(top), upper: null, change: 1 }];
}
