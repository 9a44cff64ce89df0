import type { RetrySpec } from '../scenario/types.ts';

/**
 * Whether a failed attempt may be retried. Naive retries only stop at `maxRetries`; a budget (as
 * Envoy's `retry_budget`) also caps retries in flight at `budgetPercent` of the active requests,
 * but always allows `minRetryConcurrency`.
 */
export function retryAllowed(
  spec: RetrySpec,
  attempt: number,
  retriesInFlight: number,
  activeRequests: number,
): boolean {
  if (spec.mode === 'off' || attempt >= spec.maxRetries) return false;
  if (spec.mode === 'naive') return true;
  const budget = Math.max(spec.minRetryConcurrency, (activeRequests * spec.budgetPercent) / 100);
  return retriesInFlight < budget;
}

/**
 * Envoy's backoff: fully jittered exponential, base `backoffMs`, doubling per retry, capped at ten
 * times the base. `u` is a uniform draw in [0, 1).
 */
export function retryBackoff(spec: RetrySpec, retry: number, u: number): number {
  const ceiling = Math.min(spec.backoffMs * 2 ** (retry - 1), spec.backoffMs * 10);
  return u * ceiling;
}
