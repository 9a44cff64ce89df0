import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulation } from './simulation.ts';
import { STRATEGY_NAMES } from './strategies/strategy.ts';
import { summarize } from './summary.ts';
import { expectDeterministic, expectRoutesOnlyToHealthy } from './testing/invariants.ts';
import { scenarioOf } from './testing/scenarioOf.ts';

/** Small random scenarios with every kind of fault and any mix of defences. */
export const faultyScenario = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    strategy: fc.constantFrom(...STRATEGY_NAMES),
    servers: fc.array(
      fc.record({
        capacity: fc.integer({ min: 1, max: 4 }),
        queueLimit: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.constant(null)),
        errorRate: fc.constantFrom(0, 0, 0.3, 1),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    rate: fc.integer({ min: 5, max: 60 }),
    burst: fc.integer({ min: 1, max: 30 }),
    events: fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: 4000 }),
        action: fc.constantFrom('crash', 'drain', 'revive', 'spike', 'partition', 'heal', 'sink'),
        server: fc.nat(),
      }),
      { maxLength: 8 },
    ),
    health: fc.constantFrom('instant', 'active', 'none'),
    outlier: fc.boolean(),
    panic: fc.constantFrom(0, 50),
    timeoutMs: fc.constantFrom(null, 150, 600),
    retry: fc.constantFrom('off', 'budget', 'naive'),
    breaker: fc.boolean(),
    slowStartMs: fc.constantFrom(0, 1000),
    balancers: fc.integer({ min: 1, max: 3 }),
    loadUpdateMs: fc.constantFrom(0, 0, 250),
    // Overload control (issue 15), mixed in with everything else.
    closedClients: fc.constantFrom(0, 0, 5, 20),
    contention: fc.constantFrom('off', 'linear', 'usl'),
    maxQueue: fc.constantFrom(null, 1, 3),
    maxQueueMs: fc.constantFrom(null, 50, 300),
    codel: fc.boolean(),
    adaptiveLifo: fc.boolean(),
    limiter: fc.constantFrom('off', 'aimd', 'gradient', 'gradient2'),
    throttling: fc.boolean(),
    hedgeAfterMs: fc.constantFrom(null, null, 20, 150),
    cancelLoser: fc.boolean(),
    hedgeBudget: fc.constantFrom(null, 10),
    deadlineMs: fc.constantFrom(null, 400),
  })
  .map((r) => {
    const names = r.servers.map((_, i) => `S${i}`);
    return scenarioOf({
      seed: r.seed,
      strategy: r.strategy,
      servers: r.servers.map((s, i) => ({ name: names[i], ...s })),
      service: { distribution: 'exponential', meanMs: 200 },
      cache: { placement: 'per-server', capacity: 8 },
      keys: { count: 50, zipf: 1 },
      traffic: [
        { at: 300, burst: r.burst },
        { from: 0, to: 5000, ratePerSec: r.rate },
        ...(r.closedClients > 0
          ? [{ from: 500, to: 4000, clients: r.closedClients, thinkMs: 100 }]
          : []),
      ],
      contention: { model: r.contention, alpha: 0.2, beta: 0.05 },
      shedding: {
        maxQueue: r.maxQueue,
        maxQueueMs: r.maxQueueMs,
        codel: r.codel,
        adaptiveLifo: r.adaptiveLifo,
      },
      events: r.events.map((e) => {
        const server = names[e.server % names.length]!;
        switch (e.action) {
          case 'spike':
            return { at: e.at, action: 'spike', server, factor: 4, durationMs: 800 };
          case 'partition':
          case 'heal':
            return {
              at: e.at,
              action: 'update',
              server,
              set: { partitioned: e.action === 'partition' },
            };
          case 'sink':
            return { at: e.at, action: 'update', server, set: { errorRate: 0.8 } };
          default:
            return { at: e.at, action: e.action, server };
        }
      }),
      resilience: {
        healthCheck: { mode: r.health, intervalMs: 300, timeoutMs: 100, rise: 2, fall: 2 },
        outlier: { enabled: r.outlier, consecutiveFailures: 3, baseEjectionMs: 500 },
        panicThresholdPercent: r.panic,
        timeoutMs: r.timeoutMs,
        connectTimeoutMs: 400,
        retry: { mode: r.retry, maxRetries: 2, backoffMs: 20 },
        breaker: { enabled: r.breaker, failureThreshold: 3, openMs: 400 },
        slowStartMs: r.slowStartMs,
        balancers: { count: r.balancers, loadUpdateMs: r.loadUpdateMs },
        deadlineMs: r.deadlineMs,
        limiter: { algorithm: r.limiter, initialLimit: 3, minLimit: 1 },
        throttling: { enabled: r.throttling, windowMs: 2000 },
        hedge: {
          afterMs: r.hedgeAfterMs,
          cancelLoser: r.cancelLoser,
          budgetPercent: r.hedgeBudget,
        },
      },
    });
  });

describe('Faults and defences (property)', () => {
  it('every request ends exactly once: served, rejected, failed or timed out', () => {
    fc.assert(
      fc.property(faultyScenario, (scenario) => {
        const sim = new Simulation(scenario, { logRequests: false });
        const pool = sim.pool;
        while (sim.step()) {
          const m = sim.metrics;
          expect(m.served + m.rejected + m.failed + m.timedOut + sim.inFlight).toBe(m.arrived);
          // Each request in flight has exactly one attempt its client waits for.
          expect(sim.attemptsAwaited()).toBe(sim.inFlight);
          for (let s = 0; s < pool.size; s++) {
            expect(pool.active[s]).toBeGreaterThanOrEqual(0);
            expect(pool.queued[s]).toBeGreaterThanOrEqual(0);
          }
        }
        // Everything drains: no request, attempt, or place at a server is left behind.
        expect(sim.inFlight).toBe(0);
        expect(sim.attemptsHeld).toBe(0);
        for (let s = 0; s < pool.size; s++) expect(pool.active[s]! + pool.queued[s]!).toBe(0);
        const r = summarize(sim);
        expect(r.retries.amplification).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 60 },
    );
  });

  it('the balancer only routes to servers it considers healthy', () => {
    fc.assert(fc.property(faultyScenario, expectRoutesOnlyToHealthy), { numRuns: 40 });
  });

  it('is deterministic under faults', () => {
    fc.assert(fc.property(faultyScenario, expectDeterministic), { numRuns: 20 });
  });
});
