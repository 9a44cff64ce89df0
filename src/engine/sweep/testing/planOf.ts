import { loadSweep } from '../loadSweep.ts';
import type { SweepPlan } from '../plan.ts';

/** Four single-slot servers with unbounded queues, exponential 10 ms service, load 0.5. */
export const SMALL_BASE = {
  name: 'Four queues',
  seed: 7,
  strategy: 'random',
  servers: Array.from({ length: 4 }, (_, i) => ({ name: `S${i}`, capacity: 1, queueLimit: null })),
  service: { distribution: 'exponential', meanMs: 10 },
  cache: { placement: 'off' },
  traffic: [{ from: 0, to: 3_600_000, ratePerSec: 200 }],
} as const;

/** A small, quick sweep (3 strategies × 3 loads × 3 replications of 2 simulated seconds). */
export function smallSweep(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    base: SMALL_BASE,
    vary: { field: 'load', values: [0.3, 0.6, 0.9] },
    strategies: ['random', 'power-of-two-choices', 'least-connections'],
    replications: 3,
    warmupMs: 500,
    durationMs: 2000,
    ...overrides,
  };
}

/** A plan from a raw sweep, for tests; a refused one fails loudly with its problems. */
export function planOf(raw: unknown): SweepPlan {
  const loaded = loadSweep(raw);
  if (!loaded.ok) {
    throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  }
  return loaded.plan;
}
