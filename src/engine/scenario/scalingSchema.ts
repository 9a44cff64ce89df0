import * as z from 'zod';
import { AUTOSCALING_POLICIES, SCALING_METRICS } from '../autoscaling/spec.ts';
import {
  DEFAULT_SCALE_DOWN_POLICIES,
  DEFAULT_SCALE_UP_POLICIES,
} from '../autoscaling/scalingRules.ts';
import { fmt, int, list, num, oneOf, strict } from './fields.ts';
import type { Range } from './limits.ts';
import { SCALING_DEFAULTS, SCALING_LIMITS } from './scalingLimits.ts';

/**
 * The scenario fields of issue 13, in the format's own words: `autoscaling`, `cost` and `slo`,
 * each off (null) when absent so every existing scenario runs as before. Defaults are those of
 * the system each mechanism copies: Kubernetes' HPA controller (15 s sync, 0.1 tolerance, 300 s
 * scale-down window, +4 Pods or +100% per 15 s up, 100% per 15 s down) and AWS (300 s cooldown).
 */

const L = SCALING_LIMITS.autoscaling;
const D = SCALING_DEFAULTS.autoscaling;
/** A field of the range's kind (whole or any number) with its limits. */
const inRange = (r: Range, orNull = false) =>
  r.integer ? int(r.min, r.max, orNull) : num(r.min, r.max, { aboveMin: r.aboveMin, orNull });
const selectPolicy = () => oneOf(['Max', 'Min', 'Disabled']).default(D.selectPolicy);

const policySchema = strict({
  type: oneOf(['Pods', 'Percent']),
  value: inRange(L.policyValue),
  periodMs: inRange(L.policyPeriodMs),
});

const stepSchema = strict({
  lower: inRange(L.stepBound).nullable().default(null),
  upper: inRange(L.stepBound).nullable().default(null),
  change: inRange(L.stepChange).refine((v) => v !== 0, { error: 'must not be 0' }),
}).superRefine((s, ctx) => {
  if (s.lower === null && s.upper === null)
    ctx.addIssue({
      code: 'custom',
      path: ['lower'],
      message: 'a step needs a lower or an upper bound',
    });
  else if (s.lower !== null && s.upper !== null && s.lower >= s.upper)
    ctx.addIssue({ code: 'custom', path: ['upper'], message: `must be > lower (${fmt(s.lower)})` });
});

const scheduleSchema = strict({ at: inRange(L.scheduleAt), servers: inRange(L.servers) });

/** `autoscaling`, given the server schema its `template` follows. */
export function autoscalingSchema<S extends z.ZodType>(server: S) {
  return strict({
    policy: oneOf(AUTOSCALING_POLICIES).default(D.policy),
    metric: oneOf(SCALING_METRICS).default(D.metric),
    target: inRange(L.target).optional(),
    minServers: inRange(L.servers).default(D.minServers),
    maxServers: inRange(L.servers).default(D.maxServers),
    template: server.nullable().default(null),
    syncPeriodMs: inRange(L.syncPeriodMs).default(D.syncPeriodMs),
    tolerance: inRange(L.tolerance).default(D.tolerance),
    scaleDownStabilizationMs: inRange(L.stabilizationMs).default(D.scaleDownStabilizationMs),
    scaleUpStabilizationMs: inRange(L.stabilizationMs).default(D.scaleUpStabilizationMs),
    scaleUpPolicies: list(policySchema, L.policies).prefault(() =>
      DEFAULT_SCALE_UP_POLICIES.map((p) => ({ ...p })),
    ),
    scaleUpSelectPolicy: selectPolicy(),
    scaleDownPolicies: list(policySchema, L.policies).prefault(() =>
      DEFAULT_SCALE_DOWN_POLICIES.map((p) => ({ ...p })),
    ),
    scaleDownSelectPolicy: selectPolicy(),
    provisioningMs: inRange(L.provisioningMs).default(D.provisioningMs),
    steps: list(stepSchema, L.steps).prefault(() => []),
    adjustmentType: oneOf(['ChangeInCapacity', 'PercentChangeInCapacity']).default(
      D.adjustmentType,
    ),
    cooldownMs: inRange(L.cooldownMs).default(D.cooldownMs),
    evaluationPeriods: inRange(L.evaluationPeriods).default(D.evaluationPeriods),
    schedule: list(scheduleSchema, L.schedule).prefault(() => []),
    scheduleRepeatMs: inRange(L.scheduleRepeatMs, true).nullable().default(null),
  })
    .superRefine((a, ctx) => {
      const issue = (path: PropertyKey[], message: string) =>
        ctx.addIssue({ code: 'custom', path, message });
      if (a.minServers > a.maxServers)
        issue(['maxServers'], `must be >= minServers (${fmt(a.minServers)})`);
      if (a.target === undefined && a.metric !== 'utilization')
        issue(['target'], `is required with metric "${a.metric}"`);
      if (a.target !== undefined && a.metric === 'utilization') {
        if (a.target > 1)
          issue(['target'], 'must be <= 1: a server cannot be busier than its capacity');
        else if (Math.abs(a.target * 100 - Math.round(a.target * 100)) > 1e-9)
          issue(
            ['target'],
            'must be a whole percent (0.01 steps), as Kubernetes keeps utilization',
          );
      }
      if (a.policy === 'step') checkSteps(a.steps, issue);
      if (a.policy === 'scheduled') {
        if (a.schedule.length === 0)
          issue(['schedule'], 'must list at least one {at, servers} with policy "scheduled"');
        a.schedule.forEach((s, i) => {
          if (s.servers < a.minServers || s.servers > a.maxServers)
            issue(
              ['schedule', i, 'servers'],
              `must be within minServers and maxServers (${a.minServers}–${a.maxServers})`,
            );
          if (a.scheduleRepeatMs !== null && s.at >= a.scheduleRepeatMs)
            issue(['schedule', i, 'at'], `must be < scheduleRepeatMs (${fmt(a.scheduleRepeatMs)})`);
        });
      }
    })
    .transform((a) => ({ ...a, target: a.target ?? D.utilizationTarget }));
}

type Step = { lower: number | null; upper: number | null; change: number };

/** Steps need one at least, and no two may claim the same metric value (AWS: no overlaps). */
function checkSteps(steps: readonly Step[], issue: (path: PropertyKey[], message: string) => void) {
  if (steps.length === 0) {
    issue(['steps'], 'must list at least one step with policy "step"');
    return;
  }
  const spans = steps
    .map((s, i) => ({ i, lo: s.lower ?? -Infinity, hi: s.upper ?? Infinity }))
    .sort((x, y) => x.lo - y.lo);
  for (let k = 1; k < spans.length; k++) {
    const prev = spans[k - 1]!;
    const next = spans[k]!;
    if (next.lo < prev.hi)
      issue(
        ['steps', next.i],
        `overlaps steps[${prev.i}]: each metric value may fall in one step only`,
      );
  }
}

const C = SCALING_LIMITS.cost;
export const costSchema = strict({
  pricePerServerHour: inRange(C.price).default(SCALING_DEFAULTS.cost.pricePerServerHour),
  pricePerMillionRequests: inRange(C.price, true).nullable().default(null),
});

const O = SCALING_LIMITS.slo;
export const sloSchema = strict({
  thresholdMs: inRange(O.thresholdMs),
  objective: inRange(O.objective).refine((v) => v < 1, {
    error: 'must be < 1: an objective of 100% leaves no error budget',
  }),
});

const T = SCALING_LIMITS.traffic;
const time = () => inRange(L.scheduleAt);
const rate = () => inRange(T.rate);

function checkSpan(v: { from: number; to: number }, ctx: z.RefinementCtx): void {
  if (v.from >= v.to)
    ctx.addIssue({ code: 'custom', path: ['to'], message: `must be > from (${fmt(v.from)})` });
}

/** A daily rhythm: a sinusoid between trough and peak, peaking at `phaseMs` (default mid-period). */
export const diurnalTrafficSchema = strict({
  from: time(),
  to: time(),
  troughRatePerSec: rate(),
  peakRatePerSec: rate(),
  periodMs: inRange(T.periodMs).default(SCALING_DEFAULTS.diurnal.periodMs),
  phaseMs: time().optional(),
})
  .superRefine((v, ctx) => {
    checkSpan(v, ctx);
    if (v.peakRatePerSec < v.troughRatePerSec)
      ctx.addIssue({
        code: 'custom',
        path: ['peakRatePerSec'],
        message: `must be >= troughRatePerSec (${fmt(v.troughRatePerSec)})`,
      });
    else if (v.peakRatePerSec === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['peakRatePerSec'],
        message: 'must be > 0 (the pattern would send nothing)',
      });
  })
  .transform((v) => ({ kind: 'diurnal' as const, ...v, phaseMs: v.phaseMs ?? v.periodMs / 2 }));

/** A rate multiplier over [from, to) for every rate-based segment (not bursts). */
export const spikeTrafficSchema = strict({
  from: time(),
  to: time(),
  multiplier: inRange(T.multiplier),
})
  .superRefine(checkSpan)
  .transform((v) => ({ kind: 'spike' as const, ...v }));

const tracePoint = z.tuple([time(), rate()], { error: 'must be a [timeMs, ratePerSec] pair' });

/** A recorded rate: [timeMs, ratePerSec] points, linear in between. */
export const traceTrafficSchema = strict({
  trace: list(tracePoint, T.tracePoints, [2, 'must have at least two [timeMs, ratePerSec] points']),
})
  .superRefine((v, ctx) => {
    for (let i = 1; i < v.trace.length; i++) {
      if (v.trace[i]![0] <= v.trace[i - 1]![0]) {
        ctx.addIssue({
          code: 'custom',
          path: ['trace', i, 0],
          message: `must be > the previous point's time (${fmt(v.trace[i - 1]![0])})`,
        });
        return;
      }
    }
    if (v.trace.every((p) => p[1] === 0))
      ctx.addIssue({
        code: 'custom',
        path: ['trace'],
        message: 'every rate is 0: the trace would send nothing',
      });
  })
  .transform((v) => ({
    kind: 'trace' as const,
    trace: v.trace as readonly (readonly [number, number])[],
  }));
