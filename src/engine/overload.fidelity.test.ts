import { describe, expect, it } from 'vitest';
import { closedLoopMva } from './mva.ts';
import { Simulation } from './simulation.ts';
import { summarize } from './summary.ts';
import { scenarioOf } from './testing/scenarioOf.ts';

/**
 * Overload control against theory: a closed loop against exact mean value analysis, and hedging
 * at the 95th percentile against the share of requests that by definition outlive it.
 */
describe('closed-loop clients on one exponential server (mean value analysis)', () => {
  // N clients thinking a mean Z, one server (one place, FIFO) with exponential service S.
  it.each([
    [10, 900, 100],
    [5, 900, 100],
    [30, 900, 100],
    [12, 500, 100],
  ])('N = %i, Z = %i ms, S = %i ms: throughput and response time within 3 percent', (n, z, s) => {
    const runMs = 2_000_000;
    const sim = new Simulation(
      scenarioOf({
        seed: 7,
        servers: [{ name: 'S', capacity: 1, queueLimit: null }],
        service: { distribution: 'exponential', meanMs: s },
        cache: { placement: 'off' },
        traffic: [{ from: 0, to: runMs, clients: n, thinkMs: z }],
        durationMs: runMs,
      }),
      { logRequests: false },
    );
    sim.runToEnd();
    const summary = summarize(sim);
    const theory = closedLoopMva(n, z, s, 1);
    expect(summary.throughput! / theory.throughputPerSec).toBeGreaterThan(0.97);
    expect(summary.throughput! / theory.throughputPerSec).toBeLessThan(1.03);
    expect(summary.latencyMs.mean! / theory.responseMs).toBeGreaterThan(0.97);
    expect(summary.latencyMs.mean! / theory.responseMs).toBeLessThan(1.03);
  });
});

describe('hedging at the 95th percentile, at low load', () => {
  it('hedges about 5% of requests', () => {
    const raw = {
      seed: 11,
      strategy: 'least-connections',
      servers: Array.from({ length: 8 }, (_, i) => ({ name: `S${i}`, capacity: 10 })),
      service: { distribution: 'exponential', meanMs: 100 },
      cache: { placement: 'off' },
      // 40 requests a second on 80 places of 100 ms: 5% busy.
      traffic: [{ from: 0, to: 600_000, ratePerSec: 40 }],
    };
    const plain = new Simulation(scenarioOf(raw), { logRequests: false });
    plain.runToEnd();
    const p95 = plain.metrics.latency.quantile(0.95);
    expect(p95).toBeCloseTo(100 * Math.log(20), -1); // an exponential's 95th percentile: 300 ms
    const hedged = new Simulation(scenarioOf({ ...raw, resilience: { hedge: { afterMs: p95 } } }), {
      logRequests: false,
    });
    hedged.runToEnd();
    const h = summarize(hedged).hedging!;
    expect(h.extraLoad).toBeGreaterThan(0.045);
    expect(h.extraLoad).toBeLessThan(0.055);
    // Memoryless service: a copy beats an original already 300 ms in about half the time.
    expect(h.won / h.sent).toBeGreaterThan(0.4);
    expect(h.won / h.sent).toBeLessThan(0.6);
  });
});
