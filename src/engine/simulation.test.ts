import { describe, expect, it } from 'vitest';
import { ROUTE_NO_HEALTHY } from './metrics/routeTrail.ts';
import { PRESETS } from './scenario/presets.ts';
import { Simulation } from './simulation.ts';
import { summarize } from './summary.ts';
import { scenarioOf } from './testing/scenarioOf.ts';

const classic = () => scenarioOf(PRESETS.find((p) => p.id === 'classic')!.raw);

/** Server names in the order requests were routed to them (rejections as "-"). */
function routeOrder(sim: Simulation): string[] {
  const r = sim.metrics.routes.since(0);
  return Array.from(r.dests, (d) => (d < 0 ? '-' : sim.pool.names[d]!));
}

describe('Simulation: the original demo', () => {
  it('serves 9 of the classic ten requests and rejects 1 for no healthy servers', () => {
    const sim = new Simulation(classic());
    sim.runToEnd();
    const s = summarize(sim);
    expect(s.requests).toEqual({
      total: 10,
      served: 9,
      rejected: 1,
      rejectedByReason: { noHealthyServers: 1, overloaded: 0 },
      failed: 0,
      timedOut: 0,
      inFlight: 0,
    });
    expect(routeOrder(sim)).toEqual([
      'Server-A',
      'Server-B',
      'Server-C',
      'Server-A',
      'Server-B',
      'Server-C',
      'Server-A',
      'Server-C',
      'Server-C',
      '-',
    ]);
    expect(s.servers.map((v) => [v.name, v.served, v.peakActive])).toEqual([
      ['Server-A', 3, 3],
      ['Server-B', 2, 2],
      ['Server-C', 4, 4],
    ]);
    // Every latency is one uniform 200–600 ms draw (no queueing in the demo).
    expect(s.latencyMs.max!).toBeLessThanOrEqual(600);
    expect(s.latencyMs.p50!).toBeGreaterThanOrEqual(200 * 0.99);
    expect(s.simulatedMs).toBe(s.latencyMs.max);
  });

  it('writes the demo log lines', () => {
    const sim = new Simulation(classic());
    sim.runToEnd();
    const messages = sim.metrics.log
      .entries()
      .map((e) => `${e.level} | ${e.source} | ${e.message}`);
    expect(messages[0]).toBe(
      'INFO | LoadBalancerSystem | Server Server-A registered with capacity 3',
    );
    expect(messages).toContain('INFO | Server-A | Server Server-A handling request 7. Load: 3/3');
    expect(messages).toContain(
      'ERROR | LoadBalancer | Request 10 failed: No healthy servers available!',
    );
    expect(messages.filter((m) => m.includes('completed request'))).toHaveLength(9);
  });

  it('gives identical results for the same seed and different ones for another', () => {
    const run = (seed: number) => {
      const sim = new Simulation({ ...classic(), seed });
      sim.runToEnd();
      return summarize(sim);
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7).latencyMs).not.toEqual(run(8).latencyMs);
  });
});

describe('Simulation: queues, changes and caches', () => {
  const base = {
    servers: [{ name: 'S', capacity: 1, queueLimit: 2 }],
    service: { distribution: 'constant', ms: 100 },
    cache: { placement: 'off' },
    traffic: [{ at: 0, burst: 4 }],
  };

  it('queues FIFO up to the limit and rejects the rest as no healthy servers', () => {
    const sim = new Simulation(scenarioOf(base));
    sim.runToEnd();
    const s = summarize(sim);
    expect(s.requests.served).toBe(3);
    expect(s.requests.rejectedByReason.noHealthyServers).toBe(1);
    // Waiting counts: the third request waits for two services.
    expect(s.latencyMs.max).toBeCloseTo(300, 0);
    expect(s.simulatedMs).toBeCloseTo(300, 6);
  });

  it('lets raising capacity start queued requests at once', () => {
    const sim = new Simulation(scenarioOf({ ...base, traffic: [{ at: 0, burst: 3 }] }));
    sim.runUntil(0);
    expect([sim.pool.active[0], sim.pool.queued[0]]).toEqual([1, 2]);
    sim.updateServer(0, { capacity: 3 });
    expect([sim.pool.active[0], sim.pool.queued[0]]).toEqual([3, 0]);
  });

  it('applies scheduled kill and revive: nothing is sent to a down server', () => {
    const sim = new Simulation(
      scenarioOf({
        servers: [
          { name: 'A', capacity: 100 },
          { name: 'B', capacity: 100 },
        ],
        service: { distribution: 'constant', ms: 10 },
        traffic: [{ from: 0, to: 3000, ratePerSec: 200 }],
        events: [
          { at: 1000, action: 'kill', server: 'B' },
          { at: 2000, action: 'revive', server: 'B' },
        ],
      }),
    );
    sim.runToEnd();
    const r = sim.metrics.routes.since(0);
    const toBWhileDown = Array.from(r.dests).filter(
      (d, i) => d === 1 && r.times[i]! > 1000 && r.times[i]! < 2000,
    );
    expect(toBWhileDown).toHaveLength(0);
    expect(sim.pool.served[1]).toBeGreaterThan(0);
    expect(summarize(sim).requests.rejected).toBe(0);
  });

  it('rejects everything with no healthy servers when all are down', () => {
    const sim = new Simulation(
      scenarioOf({ ...base, servers: [{ name: 'S', capacity: 1, up: false }] }),
    );
    sim.runToEnd();
    expect(summarize(sim).requests.rejectedByReason.noHealthyServers).toBe(4);
    expect(sim.metrics.routes.since(0).dests.every((d) => d === ROUTE_NO_HEALTHY)).toBe(true);
  });

  it('hits the shared cache once a key has been computed, taking hitMs', () => {
    const sim = new Simulation(
      scenarioOf({
        servers: [{ name: 'S', capacity: 10 }],
        service: { distribution: 'constant', ms: 100 },
        cache: { placement: 'shared', capacity: 4, hitMs: 1 },
        keys: { count: 1, zipf: 0 },
        traffic: [
          { at: 0, burst: 1 },
          { at: 500, burst: 1 },
        ],
      }),
    );
    sim.runToEnd();
    const s = summarize(sim);
    expect([s.cache.hits, s.cache.misses]).toEqual([1, 1]);
    expect(s.latencyMs.max).toBeCloseTo(100, 0);
    expect(s.simulatedMs).toBeCloseTo(501, 6);
  });

  it('keeps per-server caches apart', () => {
    const sim = new Simulation(
      scenarioOf({
        strategy: 'round-robin',
        servers: [
          { name: 'A', capacity: 10 },
          { name: 'B', capacity: 10 },
        ],
        cache: { placement: 'per-server', capacity: 4 },
        keys: { count: 1, zipf: 0 },
        traffic: [
          { at: 0, burst: 1 },
          { at: 1000, burst: 1 },
          { at: 2000, burst: 1 },
        ],
      }),
    );
    sim.runToEnd();
    // A computes the key, B computes it again, then A has it.
    expect([sim.metrics.cacheMisses, sim.metrics.cacheHits]).toEqual([2, 1]);
  });

  it('stops at durationMs, leaving later work undone', () => {
    const sim = new Simulation(scenarioOf({ ...base, durationMs: 150 }));
    sim.runToEnd();
    expect(sim.now).toBe(150);
    expect(summarize(sim).requests.served).toBe(1);
    expect(sim.inFlight).toBe(2);
    expect(sim.finished).toBe(true);
  });

  it('samples time series at the fixed interval, per interval', () => {
    const sim = new Simulation(scenarioOf({ ...base, sampleIntervalMs: 50 }));
    sim.runToEnd();
    const t = sim.metrics.series.time.toArray();
    expect(t).toEqual([50, 100, 150, 200, 250, 300]);
    // One completion at 100, 200 and 300 (each lands in the interval after its boundary).
    expect(sim.metrics.series.throughputPerSec.toArray()).toEqual([0, 0, 20, 0, 20, 0]);
  });

  it('keeps memory bounded: request rows are recycled', () => {
    const sim = new Simulation(
      scenarioOf({
        servers: [{ name: 'S', capacity: 5 }],
        traffic: [{ from: 0, to: 60_000, ratePerSec: 5 }],
      }),
      { logRequests: false },
    );
    sim.runToEnd();
    expect(sim.inFlight).toBe(0);
    expect(sim.metrics.series.time.length).toBeLessThanOrEqual(600);
  });

  it("keeps the flow view's trail of routes only when it logs requests (the page), the last 512", () => {
    const run = (logRequests: boolean) => {
      const sim = new Simulation(
        scenarioOf({
          servers: [{ name: 'S', capacity: 5 }],
          traffic: [{ from: 0, to: 60_000, ratePerSec: 20 }],
        }),
        { logRequests },
      );
      sim.runToEnd();
      return sim.metrics;
    };
    const logged = run(true);
    expect(logged.arrived).toBeGreaterThan(512);
    expect(logged.routes.total).toBe(logged.arrived);
    expect(logged.routes.since(0).dests.length).toBe(512);
    const headless = run(false);
    expect(headless.arrived).toBe(logged.arrived);
    expect(headless.routes.total).toBe(0);
  });
});

describe('Simulation: live operations', () => {
  it('fires bursts and steady traffic at the current time', () => {
    const sim = new Simulation(
      scenarioOf({ traffic: [], servers: [{ name: 'S', capacity: 1000 }] }),
    );
    sim.runUntil(1000);
    sim.fireBurst(5);
    expect(sim.metrics.arrived).toBe(5);
    sim.setSteadyRate(100);
    sim.runUntil(11_000);
    // 100/s for 10 s: Poisson count within 5 standard deviations of 1000.
    expect(Math.abs(sim.metrics.arrived - 5 - 1000)).toBeLessThan(5 * Math.sqrt(1000));
    sim.setSteadyRate(0);
    const before = sim.metrics.arrived;
    sim.runUntil(20_000);
    expect(sim.metrics.arrived).toBe(before);
  });

  it('switches strategy mid-run', () => {
    const sim = new Simulation(scenarioOf({ traffic: [] }));
    sim.setStrategy('least-connections');
    sim.fireBurst(3);
    expect(Array.from(sim.pool.active.subarray(0, 3))).toEqual([1, 1, 1]);
    expect(sim.strategyName).toBe('least-connections');
  });
});
