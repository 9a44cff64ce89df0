/**
 * Slow start: a server coming back is let in gently, its connection limit growing linearly from 1
 * to its capacity over the window (HAProxy's `slowstart` ramps a server's share the same way), so
 * a cold server is not flooded the moment it returns.
 */
export function slowStartLimit(capacity: number, elapsedMs: number, windowMs: number): number {
  if (windowMs <= 0 || elapsedMs >= windowMs) return capacity;
  return Math.max(1, Math.ceil((capacity * Math.max(0, elapsedMs)) / windowMs));
}

/** Steps the ramp is applied in. */
export const SLOW_START_STEPS = 10;
