import { describe, expect, it } from 'vitest';
import { ROUTE_LIMITED, ROUTE_THROTTLED } from '../metrics/routeTrail.ts';
import { Simulation } from '../simulation.ts';
import { summarize } from '../summary.ts';
import { scenarioOf } from '../testing/scenarioOf.ts';

describe('the balancer’s learning concurrency limit', () => {
  it('rejects an attempt to a server holding its limit, with reason limited', () => {
    const sim = new Simulation(
      scenarioOf({
        servers: [{ name: 'S', capacity: 10 }],
        service: { distribution: 'constant', ms: 100 },
        cache: { placement: 'off' },
        traffic: [{ at: 0, burst: 5 }],
        resilience: { limiter: { algorithm: 'aimd', initialLimit: 2, minLimit: 1 } },
      }),
    );
    sim.runToEnd();
    const s = summarize(sim);
    expect(s.requests).toMatchObject({ served: 2, rejected: 3 });
    expect(s.requests.rejectedByReason).toMatchObject({ limited: 3, overloaded: 0 });
    const dests = Array.from(sim.metrics.routes.since(0).dests);
    expect(dests).toEqual([0, 0, ROUTE_LIMITED, ROUTE_LIMITED, ROUTE_LIMITED]);
    // Two successes, with 1 and then 2 in flight at the send: 1 x 2 >= 2 makes 3, 2 x 2 >= 3
    // makes 4.
    expect(sim.limitOf(0)).toBe(4);
  });

  it('learns a lower limit for a server whose answers time out, and retries go elsewhere', () => {
    const sim = new Simulation(
      scenarioOf({
        strategy: 'round-robin',
        servers: [
          { name: 'Fast', capacity: 4, queueLimit: null },
          { name: 'Slow', capacity: 4, queueLimit: null, speed: 0.1 },
        ],
        service: { distribution: 'constant', ms: 100 },
        cache: { placement: 'off' },
        traffic: [{ from: 0, to: 20_000, ratePerSec: 20 }],
        resilience: {
          timeoutMs: 500,
          retry: { mode: 'naive', maxRetries: 1 },
          limiter: { algorithm: 'aimd', initialLimit: 10, minLimit: 1 },
        },
      }),
    );
    sim.runToEnd();
    // Every answer from Slow takes 1 s and times out: its limit falls to the minimum.
    expect(sim.limitOf(1)).toBe(1);
    expect(sim.limitOf(0)).toBeGreaterThan(4);
    const s = summarize(sim);
    expect(s.requests.rejectedByReason.limited).toBe(0); // every limited attempt was retried
    expect(s.requests.served / s.requests.total).toBeGreaterThan(0.95);
  });
});

describe('client-side adaptive throttling (SRE book)', () => {
  it('rejects nearly every request locally while the backends accept none', () => {
    const sim = new Simulation(
      scenarioOf({
        servers: [{ name: 'S', capacity: 10, errorRate: 1 }],
        cache: { placement: 'off' },
        traffic: [{ from: 0, to: 60_000, ratePerSec: 10 }],
        resilience: { throttling: { enabled: true } },
      }),
    );
    sim.runToEnd();
    const s = summarize(sim);
    // With no accepts the n-th request is sent with probability 1 / (n + 1): about ln(600) + γ,
    // seven, of 600 reach the server.
    expect(s.requests.failed).toBeLessThan(20);
    expect(s.requests.rejectedByReason.throttled).toBe(s.requests.total - s.requests.failed);
    // The trail keeps the last 512 decisions: nearly all of them the client's own refusals.
    const dests = Array.from(sim.metrics.routes.since(0).dests);
    expect(dests.filter((d) => d === ROUTE_THROTTLED).length).toBeGreaterThan(495);
  });

  it('rejects next to nothing while the backends accept everything: only before the first answers', () => {
    const sim = new Simulation(
      scenarioOf({
        servers: [{ name: 'S', capacity: 100 }],
        traffic: [{ from: 0, to: 60_000, ratePerSec: 20 }],
        resilience: { throttling: { enabled: true } },
      }),
    );
    sim.runToEnd();
    // Requests sent before any answer came back count as not accepted (yet): the book's formula
    // throttles a few of the very first ones, then none.
    const s = summarize(sim);
    expect(s.requests.rejectedByReason.throttled).toBeLessThan(0.01 * s.requests.total);
    const r = sim.metrics.routes.since(0);
    const late = Array.from(r.dests).filter((d, i) => d === ROUTE_THROTTLED && r.times[i]! > 2000);
    expect(late).toEqual([]);
  });
});
