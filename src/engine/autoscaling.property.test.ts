import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { summarize } from './summary.ts';
import { scenarioOf } from './testing/scenarioOf.ts';

/** Small random pools under every policy, traffic that rises and falls, crashes and revivals. */
const scalingScenario = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    policy: fc.constantFrom('hpa', 'step', 'scheduled'),
    metric: fc.constantFrom('utilization', 'inFlightPerServer', 'requestsPerSecondPerServer'),
    bounds: fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })),
    initial: fc.integer({ min: 1, max: 8 }),
    capacity: fc.integer({ min: 1, max: 3 }),
    queueLimit: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.constant(null)),
    syncPeriodMs: fc.integer({ min: 500, max: 4000 }),
    provisioningMs: fc.constantFrom(0, 700, 3000),
    window: fc.constantFrom(0, 2000, 300_000),
    cooldownMs: fc.constantFrom(0, 1500),
    schedule: fc.array(fc.record({ at: fc.integer({ min: 0, max: 15_000 }), servers: fc.nat() }), {
      minLength: 1,
      maxLength: 5,
    }),
    peak: fc.integer({ min: 5, max: 80 }),
    slowStartMs: fc.constantFrom(0, 1000),
    events: fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: 15_000 }),
        action: fc.constantFrom('crash', 'revive'),
        server: fc.nat(),
      }),
      { maxLength: 4 },
    ),
  })
  .map((r) => {
    const minServers = Math.min(...r.bounds);
    const maxServers = Math.max(...r.bounds);
    const names = Array.from({ length: r.initial }, (_, i) => `S${i}`);
    const target = r.metric === 'utilization' ? 0.5 : r.metric === 'inFlightPerServer' ? 2 : 5;
    return {
      minServers,
      maxServers,
      scenario: scenarioOf({
        seed: r.seed,
        strategy: 'least-connections',
        servers: names.map((name) => ({ name, capacity: r.capacity, queueLimit: r.queueLimit })),
        service: { distribution: 'exponential', meanMs: 200 },
        cache: { placement: 'per-server', capacity: 8 },
        traffic: [
          { from: 0, to: 16_000, troughRatePerSec: 1, peakRatePerSec: r.peak, periodMs: 16_000 },
          { from: 4000, to: 6000, multiplier: 3 },
          { at: 9000, burst: 20 },
        ],
        events: r.events.map((e) => ({
          at: e.at,
          action: e.action,
          server: names[e.server % names.length],
        })),
        resilience: { slowStartMs: r.slowStartMs },
        autoscaling: {
          policy: r.policy,
          metric: r.metric,
          target,
          minServers,
          maxServers,
          syncPeriodMs: r.syncPeriodMs,
          provisioningMs: r.provisioningMs,
          scaleDownStabilizationMs: r.window,
          cooldownMs: r.cooldownMs,
          steps: [
            { upper: target * 0.5, change: -1 },
            { lower: target, change: 2 },
          ],
          schedule: r.schedule.map((a) => ({
            at: a.at,
            servers: minServers + (a.servers % (maxServers - minServers + 1)),
          })),
        },
        cost: {},
        slo: { thresholdMs: 500, objective: 0.9 },
      }),
    };
  });

describe('autoscaling: properties under random pools, policies and faults', () => {
  it('keeps the pool within [minServers, maxServers], and no request is lost as servers leave', () => {
    fc.assert(
      fc.property(scalingScenario, ({ scenario, minServers, maxServers }) => {
        const sim = new Simulation(scenario, { logRequests: false });
        const wasMember = new Set<number>();
        let maxDesired = 0;
        while (sim.step()) {
          const pool = sim.pool;
          // After the first sync (at 0) the count the autoscaler manages is within bounds.
          const desired = sim.autoscaler.ledger.counts.desired;
          if (sim.now > 0) {
            expect(desired).toBeGreaterThanOrEqual(minServers);
            expect(desired).toBeLessThanOrEqual(maxServers);
          }
          maxDesired = Math.max(maxDesired, desired);
          for (let slot = 0; slot < pool.size; slot++) {
            if (pool.member[slot] === 1) wasMember.add(slot);
            // A server that left held nothing: it drained first, or was down.
            else if (wasMember.has(slot)) expect(pool.active[slot]! + pool.queued[slot]!).toBe(0);
          }
          const m = sim.metrics;
          expect(m.arrived).toBe(m.served + m.rejected + m.failed + m.timedOut + sim.inFlight);
        }
        // The run ends when traffic is over and every request ended: each exactly once.
        const r = summarize(sim).requests;
        expect(r.inFlight).toBe(0);
        expect(r.served + r.rejected + r.failed + r.timedOut).toBe(r.total);
        // Failures come from crashes only: leaving servers finish their work.
        if (scenario.events.length === 0) expect(r.failed).toBe(0);
        expect(maxDesired).toBeLessThanOrEqual(Math.max(maxServers, scenario.servers.length));
      }),
      { numRuns: 40 },
    );
  });
});
