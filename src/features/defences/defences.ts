import type { ResilienceSpec } from '../../engine/scenario/types.ts';
import { LIMITS } from '../../engine/scenario/limits.ts';
import { ruleFor, type Rule } from '../../ui/fieldRules.ts';

/**
 * Applies a change to the defences: `edit` gets the newest settings (including a change sent a
 * moment ago that no snapshot has shown yet) and returns the fields to replace. Resolves to
 * whether the simulation accepted it.
 */
export type ChangeDefences = (
  edit: (current: ResilienceSpec) => Partial<ResilienceSpec>,
) => Promise<boolean>;

/** Props every defence section gets. */
export interface DefenceSectionProps {
  /** The settings in force (from the snapshot's setup). */
  readonly spec: ResilienceSpec;
  readonly change: ChangeDefences;
}

const R = LIMITS.resilience;
/** Fields shown only while their defence is on, where 0 in the format means off. */
const ON = { aboveMin: true };

/** Field rules with the scenario format's `resilience` limits. */
export const RULES = {
  intervalMs: ruleFor('check interval', R.healthCheck.intervalMs),
  checkTimeoutMs: ruleFor('check timeout', R.healthCheck.timeoutMs),
  rise: ruleFor('rise', R.healthCheck.rise),
  fall: ruleFor('fall', R.healthCheck.fall),
  consecutiveFailures: ruleFor('consecutive failures', R.outlier.consecutiveFailures),
  baseEjectionMs: ruleFor('base ejection time', R.outlier.baseEjectionMs),
  maxEjectionMs: ruleFor('longest ejection', R.outlier.maxEjectionMs),
  maxEjectionPercent: ruleFor('max ejected', R.outlier.maxEjectionPercent),
  panicPercent: ruleFor('panic threshold', R.panicThresholdPercent, ON),
  timeoutMs: ruleFor('client timeout', R.timeoutMs),
  connectTimeoutMs: ruleFor('connect timeout', R.connectTimeoutMs),
  maxRetries: ruleFor('max retries', R.retry.maxRetries),
  budgetPercent: ruleFor('retry budget', R.retry.budgetPercent),
  minRetryConcurrency: ruleFor('min retry concurrency', R.retry.minRetryConcurrency),
  backoffMs: ruleFor('backoff', R.retry.backoffMs),
  failureThreshold: ruleFor('failure threshold', R.breaker.failureThreshold),
  openMs: ruleFor('open time', R.breaker.openMs),
  halfOpenProbes: ruleFor('half-open probes', R.breaker.halfOpenProbes),
  slowStartMs: ruleFor('slow start', R.slowStartMs, ON),
  balancers: ruleFor('balancers', R.balancers.count),
  loadUpdateMs: ruleFor('load update interval', R.balancers.loadUpdateMs),
} satisfies Record<string, Rule<number>>;

/** A value as a field shows it: no float noise. */
export const asText = (n: number) => String(+n.toFixed(6));
