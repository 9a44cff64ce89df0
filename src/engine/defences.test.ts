import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { summarize } from './summary.ts';
import { scenarioOf } from './testing/scenarioOf.ts';

const steady = (ratePerSec: number, to = 20_000) => [{ from: 0, to, ratePerSec }];

/** Three servers, round robin, 100 ms constant service, no cache. */
function three(extra: Record<string, unknown> = {}) {
  return scenarioOf({
    servers: [
      { name: 'A', capacity: 10 },
      { name: 'B', capacity: 10 },
      { name: 'C', capacity: 10 },
    ],
    service: { distribution: 'constant', ms: 100 },
    cache: { placement: 'off' },
    ...extra,
  });
}

/** Time of the first log line containing `text`, or null. */
function when(sim: Simulation, text: string): number | null {
  return sim.metrics.log.entries().find((e) => e.message.includes(text))?.timeMs ?? null;
}

describe('active health checks', () => {
  it('mark a crashed server down after `fall` failed checks; until then its requests fail', () => {
    const sim = new Simulation(
      three({
        traffic: steady(30),
        resilience: { healthCheck: { mode: 'active', intervalMs: 2000, rise: 2, fall: 3 } },
        events: [{ at: 5000, action: 'crash', server: 'A' }],
      }),
    );
    sim.runToEnd();
    // Checks at 6, 8, 10 s fail: A is marked down at the third.
    expect(when(sim, 'Balancer marks A DOWN')).toBe(10_000);
    const failedWhileBelievedUp = sim.pool.failed[0]!;
    expect(failedWhileBelievedUp).toBeGreaterThan(30);
    expect(summarize(sim).requests.failed).toBe(failedWhileBelievedUp);
  });

  it('bring a revived server back after `rise` passed checks', () => {
    const sim = new Simulation(
      three({
        traffic: steady(30),
        resilience: { healthCheck: { mode: 'active', intervalMs: 1000, rise: 2, fall: 1 } },
        events: [
          { at: 1500, action: 'crash', server: 'A' },
          { at: 5500, action: 'revive', server: 'A' },
        ],
      }),
    );
    sim.runToEnd();
    expect(when(sim, 'Balancer marks A DOWN')).toBe(2000);
    expect(when(sim, 'Balancer marks A UP')).toBe(7000);
  });

  it('without checks the balancer never learns: failures go on for the whole run', () => {
    const sim = new Simulation(
      three({
        traffic: steady(30),
        resilience: { healthCheck: { mode: 'none' } },
        events: [{ at: 5000, action: 'crash', server: 'A' }],
      }),
      { logRequests: false },
    );
    sim.runToEnd();
    // A third of 15 s of 30/s traffic.
    expect(summarize(sim).requests.failed).toBeGreaterThan(120);
  });
});

describe('outlier ejection', () => {
  const sinkhole = (outlier: Record<string, unknown>, panic = 0) =>
    scenarioOf({
      strategy: 'least-connections',
      servers: [
        { name: 'A', capacity: 10, errorRate: 1 },
        { name: 'B', capacity: 10 },
        { name: 'C', capacity: 10 },
      ],
      service: { distribution: 'constant', ms: 200 },
      cache: { placement: 'off' },
      traffic: steady(20, 100_000),
      resilience: { outlier: { enabled: true, ...outlier }, panicThresholdPercent: panic },
    });

  it('ejects after exactly N consecutive failures, for longer each time', () => {
    const sim = new Simulation(sinkhole({ consecutiveFailures: 5 }));
    sim.runToEnd();
    const log = sim.metrics.log.entries().filter((e) => e.message.startsWith('Outlier A ejected'));
    expect(log[0]!.message).toContain('for 30000 ms');
    expect(log[1]!.message).toContain('for 60000 ms');
    // First ejection: the fifth failure; each return costs 5 more failures.
    expect(sim.pool.failed[0]).toBe(5 * log.length);
  });

  it('ejects at most the allowed share: one of three servers by default', () => {
    const sim = new Simulation(
      scenarioOf({
        servers: [
          { name: 'A', capacity: 10, errorRate: 1 },
          { name: 'B', capacity: 10, errorRate: 1 },
          { name: 'C', capacity: 10 },
        ],
        service: { distribution: 'constant', ms: 200 },
        cache: { placement: 'off' },
        traffic: steady(20, 10_000),
        resilience: { outlier: { enabled: true } },
      }),
    );
    sim.runToEnd();
    expect(sim.outliers.ejections(0) + sim.outliers.ejections(1)).toBe(1);
  });

  it('in panic (too few healthy) traffic goes to every server again', () => {
    // Two sinkholes of three, 50% ejectable, panic threshold 70%: ejecting one leaves 2/3 < 70%.
    const sim = new Simulation(
      scenarioOf({
        servers: [
          { name: 'A', capacity: 10, errorRate: 1 },
          { name: 'B', capacity: 10 },
          { name: 'C', capacity: 10 },
        ],
        service: { distribution: 'constant', ms: 200 },
        cache: { placement: 'off' },
        traffic: steady(20, 10_000),
        resilience: { outlier: { enabled: true }, panicThresholdPercent: 70 },
      }),
    );
    sim.runToEnd();
    expect(when(sim, 'Panic')).not.toBeNull();
    // A keeps getting (and failing) requests despite its ejection.
    expect(sim.pool.failed[0]).toBeGreaterThan(30);
  });
});

describe('client timeouts', () => {
  it('a late answer counts as timed out, and its service time as wasted work', () => {
    const sim = new Simulation(
      three({
        service: { distribution: 'constant', ms: 1000 },
        traffic: [{ at: 0, burst: 3 }],
        resilience: { timeoutMs: 400 },
      }),
    );
    sim.runToEnd();
    const s = summarize(sim);
    expect(s.requests).toMatchObject({ served: 0, timedOut: 3, inFlight: 0 });
    expect(s.retries).toMatchObject({ lateResponses: 3, wastedMs: 3000 });
    expect(sim.attemptsHeld).toBe(0);
  });
});

describe('retries', () => {
  /** An overloaded pool: every attempt either fails (sinkhole) or is rejected when full. */
  const storm = (mode: string) =>
    scenarioOf({
      servers: [
        { name: 'A', capacity: 2, errorRate: 0.5 },
        { name: 'B', capacity: 2, errorRate: 0.5 },
      ],
      service: { distribution: 'constant', ms: 100 },
      cache: { placement: 'off' },
      traffic: steady(100, 10_000),
      resilience: { retry: { mode, maxRetries: 3, budgetPercent: 20, minRetryConcurrency: 3 } },
    });

  it('retry to another server; the request ends with its last attempt', () => {
    const sim = new Simulation(
      three({
        traffic: [{ at: 100, burst: 1 }],
        resilience: { healthCheck: { mode: 'none' }, retry: { mode: 'naive', backoffMs: 0 } },
        events: [{ at: 0, action: 'crash', server: 'A' }],
      }),
    );
    sim.runToEnd();
    expect(summarize(sim).requests).toMatchObject({ served: 1, failed: 0 });
    expect(sim.metrics.retries).toBe(1);
    expect(sim.pool.served[1]).toBe(1);
  });

  it('naive retries amplify load; a budget holds attempts per request down', () => {
    const naive = new Simulation(storm('naive'), { logRequests: false });
    const budget = new Simulation(storm('budget'), { logRequests: false });
    const off = new Simulation(storm('off'), { logRequests: false });
    for (const sim of [naive, budget, off]) sim.runToEnd();
    const a = summarize(naive).retries.amplification;
    const b = summarize(budget).retries.amplification;
    expect(summarize(off).retries.amplification).toBe(1);
    expect(a).toBeGreaterThan(b);
    expect(b).toBeGreaterThan(1);
    expect(summarize(budget).retries.denied).toBeGreaterThan(0);
    expect(summarize(naive).retries.denied).toBe(0);
  });
});

describe('circuit breaker', () => {
  it('opens after the threshold, half-opens after openMs, and a good probe closes it', () => {
    const sim = new Simulation(
      three({
        strategy: 'round-robin',
        traffic: steady(30, 12_000),
        resilience: {
          healthCheck: { mode: 'none' },
          breaker: { enabled: true, failureThreshold: 3, openMs: 2000, halfOpenProbes: 1 },
        },
        events: [
          { at: 1000, action: 'update', server: 'A', set: { errorRate: 1 } },
          { at: 5000, action: 'update', server: 'A', set: { errorRate: 0 } },
        ],
      }),
    );
    sim.runToEnd();
    const opened = when(sim, 'Circuit to A opened');
    expect(opened).not.toBeNull();
    const half = when(sim, 'Circuit to A half-open');
    expect(half).toBe(opened! + 2000);
    expect(when(sim, 'Circuit to A closed')).toBeGreaterThan(5000);
    // While open, A gets nothing: few failures in all (3 to open, then failed probes).
    expect(sim.pool.failed[0]).toBeLessThan(10);
  });
});

describe('slow start', () => {
  it('a revived server ramps its connection limit up from 1 over the window', () => {
    const sim = new Simulation(
      three({
        traffic: steady(10, 30_000),
        resilience: { slowStartMs: 10_000 },
        events: [
          { at: 1000, action: 'crash', server: 'A' },
          { at: 2000, action: 'revive', server: 'A' },
        ],
      }),
    );
    sim.runUntil(2000);
    expect(sim.pool.limit[0]).toBe(1);
    expect(sim.serverState(0).slowStart).toBeCloseTo(0.1, 6);
    sim.runUntil(7000);
    expect(sim.pool.limit[0]).toBe(5);
    sim.runUntil(12_000);
    expect(sim.pool.limit[0]).toBe(10);
    expect(sim.serverState(0).slowStart).toBeNull();
  });
});

describe('stale load information', () => {
  const herd = (loadUpdateMs: number) =>
    scenarioOf({
      strategy: 'least-connections',
      servers: Array.from({ length: 10 }, (_, i) => ({ name: `S${i}`, capacity: 4 })),
      service: { distribution: 'exponential', meanMs: 200 },
      cache: { placement: 'off' },
      traffic: steady(150, 30_000),
      resilience: { balancers: { count: 4, loadUpdateMs } },
    });

  it('balancers that see load late herd onto the same servers and overload them', () => {
    const live = new Simulation(herd(0), { logRequests: false });
    const stale = new Simulation(herd(1000), { logRequests: false });
    live.runToEnd();
    stale.runToEnd();
    const l = summarize(live).requests.rejectedByReason.overloaded;
    const s = summarize(stale).requests.rejectedByReason.overloaded;
    expect(s).toBeGreaterThan(5 * Math.max(1, l));
    expect(summarize(stale).requests.total).toBe(summarize(live).requests.total);
  });
});
