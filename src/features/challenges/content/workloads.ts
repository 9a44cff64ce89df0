/** Pieces the challenges' workloads share. */

/** Every request needs 200–600 ms of work, as in the original demo. */
export const DEMO_SERVICE = { distribution: 'uniform' as const, minMs: 200, maxMs: 600 };

/** Keys matter only with a cache; the demo's default. */
export const DEMO_KEYS = { count: 1000, zipf: 1 };

/** No cache: a hit takes 1 ms and would hide how much capacity a setup has. */
export const NO_CACHE = { placement: 'off' as const, capacity: 128, hitMs: 1 };

/** Servers named Server-A, Server-B, … with the same fields. */
export function namedServers(n: number, fields: { capacity: number; queueLimit: number | null }) {
  return Array.from({ length: n }, (_, i) => ({
    name: `Server-${String.fromCharCode(65 + i)}`,
    ...fields,
  }));
}
