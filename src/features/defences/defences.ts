import type { ResilienceSpec } from '../../engine/scenario/types.ts';
import { decimal, wholeNumber, type Rule } from '../../ui/fieldRules.ts';

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

/** The longest duration the scenario format takes (its MAX_MS), in ms. */
const MAX_MS = 86_400_000;

/** Field rules mirroring the scenario schema's `resilience` limits. */
export const RULES = {
  intervalMs: decimal('check interval', 10, MAX_MS),
  checkTimeoutMs: decimal('check timeout', 0, MAX_MS, true),
  rise: wholeNumber('rise', 1, 100),
  fall: wholeNumber('fall', 1, 100),
  consecutiveFailures: wholeNumber('consecutive failures', 1, 1000),
  baseEjectionMs: decimal('base ejection time', 0, MAX_MS, true),
  maxEjectionMs: decimal('longest ejection', 0, MAX_MS, true),
  maxEjectionPercent: decimal('max ejected', 0, 100),
  panicPercent: decimal('panic threshold', 0, 100, true),
  timeoutMs: decimal('client timeout', 0, MAX_MS, true),
  connectTimeoutMs: decimal('connect timeout', 0, MAX_MS, true),
  maxRetries: wholeNumber('max retries', 0, 10),
  budgetPercent: decimal('retry budget', 0, 100),
  minRetryConcurrency: wholeNumber('min retry concurrency', 0, 1_000_000),
  backoffMs: decimal('backoff', 0, 60_000),
  failureThreshold: wholeNumber('failure threshold', 1, 1000),
  openMs: decimal('open time', 0, MAX_MS, true),
  halfOpenProbes: wholeNumber('half-open probes', 1, 1000),
  slowStartMs: decimal('slow start', 0, MAX_MS, true),
  balancers: wholeNumber('balancers', 1, 64),
  loadUpdateMs: decimal('load update interval', 0, MAX_MS),
} satisfies Record<string, Rule<number>>;

/** A value as a field shows it: no float noise. */
export const asText = (n: number) => String(+n.toFixed(6));
