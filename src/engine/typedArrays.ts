/**
 * `next` (a new, larger typed array) holding `old`'s values at the start: how the engine's
 * struct-of-arrays tables (pool, request rows, queues, caches) grow, one line per column.
 */
export function grownFrom<T extends { set(values: ArrayLike<number>): void }>(
  old: ArrayLike<number>,
  next: T,
): T {
  next.set(old);
  return next;
}
