import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulation } from './simulation.ts';
import { STRATEGY_NAMES } from './strategies/strategy.ts';
import { expectDeterministic, expectRoutesOnlyToHealthy } from './testing/invariants.ts';
import { scenarioOf } from './testing/scenarioOf.ts';

/** Small random scenarios: any strategy, servers with and without queues, bursts, Poisson, events. */
const scenarioArb = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    strategy: fc.constantFrom(...STRATEGY_NAMES),
    servers: fc.array(
      fc.record({
        capacity: fc.integer({ min: 1, max: 5 }),
        weight: fc.integer({ min: 1, max: 5 }),
        speed: fc.constantFrom(0.5, 1, 2),
        queueLimit: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.constant(null)),
        up: fc.boolean(),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    placement: fc.constantFrom('shared', 'per-server', 'off'),
    burst: fc.integer({ min: 1, max: 60 }),
    rate: fc.integer({ min: 1, max: 80 }),
    events: fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: 3000 }),
        action: fc.constantFrom('kill', 'revive', 'update'),
        server: fc.nat(),
        capacity: fc.integer({ min: 1, max: 6 }),
      }),
      { maxLength: 6 },
    ),
  })
  .map((r) => {
    const names = r.servers.map((_, i) => `S${i}`);
    return scenarioOf({
      seed: r.seed,
      strategy: r.strategy,
      servers: r.servers.map((s, i) => ({ name: names[i], ...s })),
      cache: { placement: r.placement, capacity: 8 },
      keys: { count: 50, zipf: 1 },
      traffic: [
        { at: 100, burst: r.burst },
        { from: 0, to: 3000, ratePerSec: r.rate },
      ],
      events: r.events.map((e) => {
        const server = names[e.server % names.length]!;
        return e.action === 'update'
          ? { at: e.at, action: 'update', server, set: { capacity: e.capacity } }
          : { at: e.at, action: e.action, server };
      }),
    });
  });

describe('Simulation invariants (property)', () => {
  it('every request is served, rejected or in flight, and no server holds more than capacity + queueLimit', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const sim = new Simulation(scenario, { logRequests: false });
        const pool = sim.pool;
        // Lowering capacity mid-run lets what a server already holds finish, so the bound is
        // the largest capacity + queueLimit the server has had.
        const limit: number[] = [];
        while (sim.step()) {
          const m = sim.metrics;
          expect(m.served + m.rejected + sim.inFlight).toBe(m.arrived);
          let held = 0;
          for (let s = 0; s < pool.size; s++) {
            limit[s] = Math.max(limit[s] ?? 0, pool.capacity[s]! + pool.queueLimit[s]!);
            held += pool.active[s]! + pool.queued[s]!;
            expect(pool.queued[s]).toBeGreaterThanOrEqual(0);
            expect(pool.active[s]).toBeGreaterThanOrEqual(0);
            expect(pool.active[s]! + pool.queued[s]!).toBeLessThanOrEqual(limit[s]!);
          }
          expect(held).toBe(sim.inFlight);
        }
        expect(sim.inFlight).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('a server never takes a request while down or full', () => {
    fc.assert(fc.property(scenarioArb, expectRoutesOnlyToHealthy), { numRuns: 40 });
  });

  it('is deterministic: the same scenario and seed give the same summary and log', () => {
    fc.assert(fc.property(scenarioArb, expectDeterministic), { numRuns: 25 });
  });
});
