/**
 * The limits and defaults of the scenario fields `autoscaling`, `cost` and `slo` and of the
 * traffic segments that change over the day, without zod: the schema (scalingSchema.ts) builds
 * its checks from these and the page's forms their rules, as limits.ts does for the rest.
 */
import type { Range } from './limits.ts';
import { MAX_MS, MAX_RATE, MAX_TIME } from './limits.ts';

const whole = (min: number, max: number): Range => ({ min, max, integer: true });
const number = (min: number, max: number): Range => ({ min, max });
const above = (min: number, max: number): Range => ({ min, max, aboveMin: true });

export const SCALING_LIMITS = {
  autoscaling: {
    servers: whole(1, 10_000),
    /** Any metric's target; utilization's is at most 1 and in whole percent (the schema checks). */
    target: above(0, 1e9),
    syncPeriodMs: number(100, MAX_MS),
    tolerance: number(0, 0.99),
    stabilizationMs: number(0, MAX_MS),
    provisioningMs: number(0, MAX_MS),
    /** Kubernetes: an int32 > 0 (a percent may exceed 100 when scaling up). */
    policyValue: whole(1, 100_000),
    /** Kubernetes: periodSeconds in (0, 1800]. */
    policyPeriodMs: above(0, 1_800_000),
    policies: 10,
    steps: 20,
    stepBound: number(-1e12, 1e12),
    stepChange: whole(-100_000, 100_000),
    cooldownMs: number(0, MAX_MS),
    evaluationPeriods: whole(1, 100),
    schedule: 1000,
    scheduleAt: number(0, MAX_TIME),
    scheduleRepeatMs: above(0, MAX_TIME),
  },
  cost: { price: number(0, 1e6) },
  slo: { thresholdMs: above(0, MAX_MS), objective: above(0, 1) },
  traffic: {
    rate: number(0, MAX_RATE),
    periodMs: above(0, MAX_TIME),
    multiplier: number(0, 1000),
    tracePoints: 100_000,
  },
} as const;

export const SCALING_DEFAULTS = {
  autoscaling: {
    policy: 'hpa',
    metric: 'utilization',
    /** Only utilization has a default target; other metrics must say theirs. */
    utilizationTarget: 0.5,
    minServers: 1,
    maxServers: 10,
    syncPeriodMs: 15_000,
    tolerance: 0.1,
    scaleDownStabilizationMs: 300_000,
    scaleUpStabilizationMs: 0,
    selectPolicy: 'Max',
    provisioningMs: 30_000,
    adjustmentType: 'ChangeInCapacity',
    cooldownMs: 300_000,
    evaluationPeriods: 1,
  },
  cost: { pricePerServerHour: 0.1 },
  /** A day, with its peak at noon. */
  diurnal: { periodMs: 86_400_000 },
} as const;
