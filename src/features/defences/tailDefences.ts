import { LIMIT_ALGORITHM_NAMES } from '../../engine/overload/specs.ts';
import type { ResilienceSpec } from '../../engine/scenario/types.ts';

/**
 * The defences against overload and the tail that are on, by name, as the folded section's
 * summary lists them, in the order the section shows them.
 */
export function tailDefencesOn(spec: ResilienceSpec): string[] {
  const on: string[] = [];
  if (spec.limiter.algorithm !== 'off')
    on.push(`${LIMIT_ALGORITHM_NAMES[spec.limiter.algorithm]} concurrency limit`);
  if (spec.throttling.enabled) on.push('adaptive throttling');
  if (spec.hedge.afterMs !== null) on.push('hedged requests');
  return on;
}
