import { describe, expect, it } from 'vitest';
import { ROUTE_HEDGE_BASE } from '../metrics/routeTrail.ts';
import { Simulation } from '../simulation.ts';
import { summarize } from '../summary.ts';
import { scenarioOf } from '../testing/scenarioOf.ts';

/** Two servers A and B, round robin, 1 s constant service, one request at t = 0. */
function pair(hedge: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return new Simulation(
    scenarioOf({
      servers: [
        { name: 'A', capacity: 4 },
        { name: 'B', capacity: 4 },
      ],
      service: { distribution: 'constant', ms: 1000 },
      cache: { placement: 'off' },
      traffic: [{ at: 0, burst: 1 }],
      resilience: { hedge },
      ...extra,
    }),
  );
}

/** The routes recorded so far: [time, destination]. */
function routes(sim: Simulation): [number, number][] {
  const r = sim.metrics.routes.since(0);
  return Array.from(r.times, (t, i) => [t, r.dests[i]!]);
}

describe('hedged requests (The Tail at Scale)', () => {
  it('send a copy to another server exactly afterMs after the attempt, and not before', () => {
    const sim = pair({ afterMs: 250 });
    sim.runUntil(249.999);
    expect(routes(sim)).toEqual([[0, 0]]);
    sim.runUntil(250);
    expect(routes(sim)).toEqual([
      [0, 0],
      [250, ROUTE_HEDGE_BASE - 1], // the copy, to B
    ]);
    expect(sim.pool.active[1]).toBe(1);
    expect(sim.metrics.overload.hedges.sent).toBe(1);
  });

  it('serve the request once, by the first answer, and cancel the loser at that moment', () => {
    // Both copies take 1 s: the original (done at 1000) beats the copy (due at 1250).
    const sim = pair({ afterMs: 250, cancelLoser: true });
    sim.runUntil(1000);
    expect(sim.pool.active[1]).toBe(0); // the copy stopped at once, its place freed
    sim.runToEnd();
    const s = summarize(sim);
    expect(s.requests).toMatchObject({ total: 1, served: 1, failed: 0, inFlight: 0 });
    expect(sim.metrics.latency.count).toBe(1);
    expect(s.latencyMs.max).toBeCloseTo(1000, 6);
    expect(s.hedging).toEqual({ sent: 1, won: 0, extraLoad: 1, cancelled: 1, denied: 0 });
    expect(s.retries.lateResponses).toBe(0);
    expect(sim.attemptsHeld).toBe(0);
  });

  it('count a win when the copy answers first (the original stuck in a slow moment)', () => {
    // A is in a 4x spike: the original would take 4 s; the copy on B answers at 250 + 1000.
    const sim = pair(
      { afterMs: 250 },
      {
        traffic: [{ at: 10, burst: 1 }],
        events: [{ at: 0, action: 'spike', server: 'A', factor: 4, durationMs: 10_000 }],
      },
    );
    sim.runToEnd();
    const s = summarize(sim);
    expect(s.requests.served).toBe(1);
    expect(s.latencyMs.max).toBeCloseTo(1250, 6);
    expect(s.hedging).toMatchObject({ sent: 1, won: 1, cancelled: 1 });
    expect(s.servers.map((v) => v.served)).toEqual([0, 1]);
  });

  it('left running, the loser finishes as wasted work, still ending the request only once', () => {
    const sim = pair({ afterMs: 250, cancelLoser: false });
    sim.runToEnd();
    const s = summarize(sim);
    expect(s.requests).toMatchObject({ total: 1, served: 1, inFlight: 0 });
    expect(s.hedging).toMatchObject({ sent: 1, won: 0, cancelled: 0 });
    expect(s.retries.lateResponses).toBe(1);
    expect(s.retries.wastedMs).toBeCloseTo(1000, 6);
    expect(s.simulatedMs).toBeCloseTo(1250, 6); // the copy ran to its end
  });

  it('let a request survive a copy that fails while the other still runs', () => {
    // B answers every request with an error: the copy fails there, the original is served.
    const sim = pair(
      { afterMs: 250 },
      {
        servers: [
          { name: 'A', capacity: 4 },
          { name: 'B', capacity: 4, errorRate: 1 },
        ],
      },
    );
    sim.runToEnd();
    const s = summarize(sim);
    expect(s.requests).toMatchObject({ served: 1, failed: 0, inFlight: 0 });
    expect(s.hedging).toMatchObject({ sent: 1, won: 0, cancelled: 0 });
  });

  it('send no copy once the request is answered, and none without another server', () => {
    const quick = pair({ afterMs: 2000 });
    quick.runToEnd();
    expect(summarize(quick).hedging!.sent).toBe(0);
    const alone = new Simulation(
      scenarioOf({
        servers: [{ name: 'A', capacity: 4 }],
        service: { distribution: 'constant', ms: 1000 },
        traffic: [{ at: 0, burst: 3 }],
        resilience: { hedge: { afterMs: 100 } },
      }),
    );
    alone.runToEnd();
    expect(summarize(alone).hedging!.sent).toBe(0);
  });

  it('keep hedges within the budget: at most budgetPercent of the requests so far', () => {
    const sim = new Simulation(
      scenarioOf({
        servers: [
          { name: 'A', capacity: 100 },
          { name: 'B', capacity: 100 },
        ],
        service: { distribution: 'constant', ms: 1000 },
        cache: { placement: 'off' },
        traffic: [{ from: 0, to: 10_000, ratePerSec: 20 }],
        resilience: { hedge: { afterMs: 100, budgetPercent: 10 } },
      }),
    );
    sim.runToEnd();
    const s = summarize(sim);
    // Every request would hedge (all take 1 s); the budget lets through one in ten.
    expect(s.hedging!.sent).toBeLessThanOrEqual(Math.floor(0.1 * s.requests.total));
    expect(s.hedging!.sent).toBeGreaterThanOrEqual(Math.floor(0.1 * s.requests.total) - 1);
    expect(s.hedging!.denied).toBe(s.requests.total - s.hedging!.sent);
    expect(s.requests.served).toBe(s.requests.total);
  });

  it('draw copies from a stream of their own: without hedging nothing else changes', () => {
    const raw = {
      servers: [
        { name: 'A', capacity: 2 },
        { name: 'B', capacity: 2 },
      ],
      service: { distribution: 'exponential', meanMs: 100 },
      traffic: [{ from: 0, to: 5000, ratePerSec: 20 }],
    };
    const off = new Simulation(scenarioOf(raw));
    const idle = new Simulation(scenarioOf({ ...raw, resilience: { deadlineMs: 60_000 } }));
    off.runToEnd();
    idle.runToEnd();
    // A deadline no request misses changes no outcome: the same latencies, to the bucket.
    expect(summarize(idle).latencyMs).toEqual(summarize(off).latencyMs);
    expect(summarize(idle).goodput).toBe(summarize(idle).throughput);
  });
});
