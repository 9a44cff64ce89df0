import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation.ts';
import { summarize } from '../summary.ts';
import { scenarioOf } from '../testing/scenarioOf.ts';

describe('closed-loop clients', () => {
  it('keep at most one request per client in flight, whatever the servers do', () => {
    const sim = new Simulation(
      scenarioOf({
        servers: [{ name: 'S', capacity: 1, queueLimit: null }],
        service: { distribution: 'constant', ms: 1000 },
        cache: { placement: 'off' },
        traffic: [{ from: 0, to: 30_000, clients: 5, thinkMs: 10 }],
      }),
    );
    let most = 0;
    while (sim.step()) most = Math.max(most, sim.inFlight);
    expect(most).toBe(5);
    const s = summarize(sim);
    // One server doing 1 s each for 30 s, then the five still waiting at the end are served.
    expect(s.requests.served).toBeGreaterThanOrEqual(30);
    expect(s.requests.served).toBeLessThanOrEqual(35);
    expect(s.requests.total).toBe(s.requests.served);
  });

  it('send again after a rejection too (every outcome ends the wait), and stop at `to`', () => {
    const sim = new Simulation(
      scenarioOf({
        servers: [{ name: 'S', capacity: 1, queueLimit: 0 }],
        service: { distribution: 'constant', ms: 1000 },
        cache: { placement: 'off' },
        traffic: [{ from: 0, to: 10_000, clients: 3, thinkMs: 100 }],
      }),
    );
    sim.runToEnd();
    const s = summarize(sim);
    // A full server with no queue turns most away; each client tries again after thinking.
    expect(s.requests.rejected).toBeGreaterThan(50);
    expect(s.requests.inFlight).toBe(0);
    expect(sim.finished).toBe(true);
    expect(s.simulatedMs).toBeLessThan(11_500);
  });

  it('follow a live population from the page, and stop when it is set to none', () => {
    const sim = new Simulation(
      scenarioOf({
        servers: [{ name: 'S', capacity: 10 }],
        service: { distribution: 'constant', ms: 100 },
        traffic: [],
      }),
    );
    sim.setPopulation(4, 400);
    sim.runUntil(10_000);
    const sent = sim.metrics.arrived;
    // 4 clients, each a request every 100 + 400 ms on average: about 80 in 10 s.
    expect(sent).toBeGreaterThan(60);
    expect(sent).toBeLessThan(100);
    sim.setPopulation(0, 400);
    sim.runUntil(20_000);
    expect(sim.metrics.arrived - sent).toBeLessThanOrEqual(4);
  });
});

describe('deadlines and goodput', () => {
  it('count as goodput only what is served within the deadline', () => {
    const sim = new Simulation(
      scenarioOf({
        servers: [{ name: 'S', capacity: 1, queueLimit: null }],
        service: { distribution: 'constant', ms: 100 },
        cache: { placement: 'off' },
        traffic: [{ at: 0, burst: 10 }],
        durationMs: 2000,
        resilience: { deadlineMs: 350 },
      }),
    );
    sim.runToEnd();
    const s = summarize(sim);
    // Served at 100, 200, ..., 1000 ms: three within 350 ms.
    expect(s.requests.served).toBe(10);
    expect(s.requests.servedLate).toBe(7);
    expect(s.goodput).toBeCloseTo(3 / 2, 6);
    expect(s.throughput).toBeCloseTo(10 / 2, 6);
  });

  it('take the client timeout as the deadline when none is set', () => {
    const sim = new Simulation(
      scenarioOf({
        servers: [{ name: 'S', capacity: 1, queueLimit: null }],
        service: { distribution: 'constant', ms: 100 },
        cache: { placement: 'off' },
        traffic: [{ at: 0, burst: 4 }],
        resilience: { timeoutMs: 250, retry: { mode: 'naive', maxRetries: 3 } },
        shedding: { maxQueue: 100 },
      }),
    );
    sim.runToEnd();
    expect(sim.metrics.overload.deadlineMs).toBe(250);
  });
});
