import { describe, expect, it } from 'vitest';
import { EventQueue } from '../eventQueue.ts';
import { Simulation } from '../simulation.ts';
import { summarize } from '../summary.ts';
import { scenarioOf } from '../testing/scenarioOf.ts';
import { BURST_SLICE } from './trafficSources.ts';

/**
 * Three small servers, a fourth added at the burst's own instant (it must come after every
 * request of the burst, as it did when a burst was sent in one event) and a crash a little later.
 */
function scenario(traffic: unknown[]) {
  return scenarioOf({
    version: 1,
    seed: 7,
    servers: [
      { name: 'a', capacity: 3, queueLimit: 40 },
      { name: 'b', capacity: 2, queueLimit: 300 },
      { name: 'c', capacity: 4, queueLimit: null },
    ],
    service: { distribution: 'exponential', meanMs: 30 },
    cache: { placement: 'per-server', capacity: 50, hitMs: 0 },
    traffic,
    events: [
      { at: 0, action: 'add', spec: { name: 'd', capacity: 100 } },
      { at: 5, action: 'crash', server: 'a' },
    ],
  });
}

/** Server of each routed request, in order (rejections as -1; the trail keeps the latest). */
function routes(sim: Simulation): number[] {
  return Array.from(sim.metrics.routes.since(0).dests);
}

describe('a burst larger than a slice', () => {
  it('sends exactly what the same requests sent one event each would, in the same order', () => {
    const count = 3 * BURST_SLICE + 17;
    const sliced = new Simulation(scenario([{ at: 0, burst: count }]));
    const single = new Simulation(
      scenario(Array.from({ length: count }, () => ({ at: 0, burst: 1 }))),
    );
    sliced.runToEnd();
    single.runToEnd();
    expect(summarize(sliced)).toEqual(summarize(single));
    expect(routes(sliced)).toEqual(routes(single));
    expect(sliced.metrics.arrived).toBe(count);
    // Four slices instead of `count` arrival events, and the rest the same.
    expect(single.eventsProcessed - sliced.eventsProcessed).toBe(count - 4);
    // The server added at 0 comes after the whole burst, so it gets none of it (a slice put
    // behind the addition would send it requests); nothing arrives after.
    expect(summarize(sliced).servers.find((s) => s.name === 'd')!.served).toBe(0);
    expect(summarize(sliced).requests.failed).toBeGreaterThan(0); // a's, at its crash
  });

  it('is one event per slice, so a run stepped an event at a time stops inside it', () => {
    const sim = new Simulation(scenario([{ at: 0, burst: 1_000_000 }]), { logRequests: false });
    expect(sim.step()).toBe(true);
    expect(sim.metrics.arrived).toBe(BURST_SLICE);
    expect(sim.finished).toBe(false);
    expect(sim.nextEventTime).toBe(0);
    expect(sim.step()).toBe(true);
    expect(sim.metrics.arrived).toBe(2 * BURST_SLICE);
    // runUntil with an event budget stops mid-burst too, at the same simulated instant.
    expect(sim.runUntil(1_000, 10)).toBe(false);
    expect(sim.metrics.arrived).toBe(12 * BURST_SLICE);
    expect(sim.now).toBe(0);
  });

  it('keeps bursts up to a slice in one event, as before', () => {
    const sim = new Simulation(scenario([{ at: 0, burst: BURST_SLICE }]), { logRequests: false });
    sim.step();
    expect(sim.metrics.arrived).toBe(BURST_SLICE);
    expect(sim.eventsProcessed).toBe(1);
  });

  it('finishes a burst into a pool that rejects everything at once', () => {
    const sim = new Simulation(
      scenarioOf({
        version: 1,
        servers: [{ name: 'down', up: false }],
        traffic: [{ at: 0, burst: 2 * BURST_SLICE + 1 }],
      }),
    );
    sim.runToEnd();
    expect(summarize(sim).requests.rejected).toBe(2 * BURST_SLICE + 1);
  });
});

describe('EventQueue.pushFirst', () => {
  it('puts an event ahead of everything due at its time, and behind earlier times', () => {
    const q = new EventQueue(1);
    q.push(5, 1, 1);
    q.push(3, 1, 2);
    q.push(5, 1, 3);
    q.pushFirst(5, 2, 4);
    q.push(5, 1, 5);
    q.pushFirst(5, 2, 6); // pushed later, so taken earlier: the next slice of the same burst
    const order: number[] = [];
    while (q.size > 0) {
      order.push(q.peekData());
      q.pop();
    }
    expect(order).toEqual([2, 6, 4, 1, 3, 5]);
  });
});
