import { describe, expect, it } from 'vitest';
import { FAIL_FAST_MS, Simulation } from './simulation.ts';
import { summarize } from './summary.ts';
import { scenarioOf } from './testing/scenarioOf.ts';

/** Servers of capacity 4 with no queue, constant 1 s service, round robin. */
function pool(extra: Record<string, unknown> = {}) {
  return scenarioOf({
    servers: [
      { name: 'A', capacity: 4 },
      { name: 'B', capacity: 4 },
    ],
    service: { distribution: 'constant', ms: 1000 },
    cache: { placement: 'off' },
    traffic: [{ at: 0, burst: 4 }],
    ...extra,
  });
}

describe('faults', () => {
  it('a crash fails the requests the server holds at once; a drain lets them finish', () => {
    const crash = new Simulation(pool({ events: [{ at: 500, action: 'crash', server: 'A' }] }));
    crash.runToEnd();
    const c = summarize(crash).requests;
    expect(c).toMatchObject({ total: 4, served: 2, failed: 2, inFlight: 0 });
    expect(crash.pool.up[0]).toBe(0);

    const drain = new Simulation(pool({ events: [{ at: 500, action: 'drain', server: 'A' }] }));
    drain.runUntil(600);
    // Still holding its two requests: draining, not yet down, and sent nothing new.
    expect(drain.serverState(0)).toMatchObject({ up: true, draining: true });
    drain.runToEnd();
    expect(summarize(drain).requests).toMatchObject({ served: 4, failed: 0 });
    expect(drain.pool.up[0]).toBe(0);
  });

  it('a request sent to a crashed server the balancer still believes up is refused at once', () => {
    const sim = new Simulation(
      pool({
        resilience: { healthCheck: { mode: 'none' } },
        traffic: [{ at: 100, burst: 2 }],
        events: [{ at: 0, action: 'crash', server: 'A' }],
      }),
    );
    sim.runToEnd();
    expect(summarize(sim).requests).toMatchObject({ served: 1, failed: 1 });
    expect(sim.serverState(0)).toMatchObject({ up: false, believedUp: true });
  });

  it('a latency spike multiplies service times for its duration only', () => {
    const sim = new Simulation(
      pool({
        traffic: [
          { at: 1, burst: 2 },
          { at: 3000, burst: 2 },
        ],
        events: [{ at: 0, action: 'spike', server: 'A', factor: 3, durationMs: 2000 }],
      }),
    );
    sim.runToEnd();
    // A's first request takes 3 s, B's 1 s; after the spike both take 1 s again.
    expect(sim.metrics.latency.max).toBeCloseTo(3000, 6);
    expect(summarize(sim).latencyMs.p50).toBeCloseTo(1000, -1);
  });

  it('a sinkhole fails its share of requests within FAIL_FAST_MS, and looks idle', () => {
    const sim = new Simulation(
      scenarioOf({
        strategy: 'least-connections',
        servers: [
          { name: 'A', capacity: 10, errorRate: 1 },
          { name: 'B', capacity: 10 },
        ],
        service: { distribution: 'constant', ms: 500 },
        cache: { placement: 'off' },
        traffic: [{ from: 0, to: 10_000, ratePerSec: 10 }],
      }),
      { logRequests: false },
    );
    sim.runToEnd();
    const s = summarize(sim);
    // Failing fast keeps A's load near zero, so least connections sends it most of the traffic.
    expect(s.servers[0]!.failed).toBeGreaterThan(s.servers[1]!.served);
    expect(s.requests.failed).toBe(s.servers[0]!.failed);
    expect(s.requests.served + s.requests.failed).toBe(s.requests.total);
    expect(FAIL_FAST_MS).toBeLessThan(500);
  });

  it('a partitioned server holds requests until the connect timeout, then they fail', () => {
    const sim = new Simulation(
      pool({
        resilience: { healthCheck: { mode: 'none' }, connectTimeoutMs: 2000 },
        traffic: [{ at: 100, burst: 2 }],
        events: [{ at: 0, action: 'update', server: 'A', set: { partitioned: true } }],
      }),
    );
    sim.runUntil(2000);
    expect(sim.pool.active[0]).toBe(1);
    expect(summarize(sim).requests).toMatchObject({ served: 1, failed: 0, inFlight: 1 });
    sim.runToEnd();
    expect(summarize(sim).requests).toMatchObject({ served: 1, failed: 1, inFlight: 0 });
    expect(sim.pool.active[0]).toBe(0);
  });

  it('with instant health (the demo registry) a partitioned server is avoided at once', () => {
    const sim = new Simulation(
      pool({
        traffic: [{ at: 100, burst: 4 }],
        events: [{ at: 0, action: 'update', server: 'A', set: { partitioned: true } }],
      }),
    );
    sim.runToEnd();
    expect(summarize(sim).requests).toMatchObject({ served: 4, failed: 0 });
    expect(sim.pool.served[0]).toBe(0);
  });
});
