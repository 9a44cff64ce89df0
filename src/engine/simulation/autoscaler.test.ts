import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation.ts';
import { summarize } from '../summary.ts';
import { scenarioOf } from '../testing/scenarioOf.ts';

const S = 1000;

function sim(raw: Record<string, unknown>): Simulation {
  return new Simulation(scenarioOf({ cache: { placement: 'off' }, ...raw }), {
    logRequests: false,
  });
}

const names = (s: Simulation) => s.pool.members.map((slot) => s.pool.names[slot]);

describe('the autoscaler in a run', () => {
  it('orders servers that join after their cold start, named after the template', () => {
    const s = sim({
      servers: [{ name: 'web', capacity: 2, queueLimit: null }],
      service: { distribution: 'constant', ms: 400 },
      traffic: [{ from: 0, to: 120 * S, ratePerSec: 20 }], // 8 erlangs on 2 slots
      autoscaling: { minServers: 1, maxServers: 6, target: 0.5, provisioningMs: 30 * S },
      durationMs: 120 * S,
    });
    s.runUntil(15 * S);
    // 100% busy over a 50% target: from 1, the larger of +4 and +100% allows 5; ceil(2 x 1) = 2.
    expect(s.autoscaler.actions[0]).toMatchObject({ at: 15 * S, from: 1, to: 2 });
    expect(s.autoscaler.starting.map((x) => x.name)).toEqual(['web-1']);
    expect(names(s)).toEqual(['web']);
    s.runUntil(30 * S);
    // Still booting: counted at 0, the 100% of one server over two is the target: no new order.
    expect(s.autoscaler.lastDecision?.reason).toBe(
      'utilization 1 over target 0.5, but 0.5 counting the servers still starting at 0: stays at 2',
    );
    s.runUntil(45 * S);
    expect(names(s)).toContain('web-1');
    expect(s.autoscaler.starting).toHaveLength(0);
    s.runToEnd();
    const a = summarize(s).autoscaling!;
    expect(a.servers.max).toBeLessThanOrEqual(6);
    expect(a.servers.final).toBeGreaterThanOrEqual(4);
  });

  it('scales in by cancelling servers still starting first, then draining the newest', () => {
    const s = sim({
      servers: [
        { name: 'a', capacity: 1 },
        { name: 'b', capacity: 1 },
      ],
      traffic: [],
      autoscaling: {
        policy: 'scheduled',
        minServers: 1,
        maxServers: 5,
        provisioningMs: 10 * S,
        schedule: [
          { at: 0, servers: 2 },
          { at: 5 * S, servers: 4 },
          { at: 20 * S, servers: 5 },
          { at: 22 * S, servers: 3 },
          { at: 40 * S, servers: 1 },
        ],
      },
      durationMs: 60 * S,
    });
    s.runUntil(21 * S);
    expect(names(s)).toEqual(['a', 'b', 'a-1', 'a-2']); // joined at 15 s
    expect(s.autoscaler.starting.map((x) => x.name)).toEqual(['a-3']);
    s.runUntil(22 * S);
    // 5 -> 3: a-3 is cancelled before it starts, then the newest of the rest, a-2, leaves.
    expect(s.autoscaler.starting).toHaveLength(0);
    expect(names(s)).toEqual(['a', 'b', 'a-1']);
    s.runUntil(40 * S);
    expect(names(s)).toEqual(['a']);
    const summary = summarize(s);
    expect(summary.autoscaling!.actions.map((x) => [x.at, x.from, x.to])).toEqual([
      [5 * S, 2, 4],
      [20 * S, 4, 5],
      [22 * S, 5, 3],
      [40 * S, 3, 1],
    ]);
    expect(summary.autoscaling!.actions[1]!.reason).toBe('scheduled 5 servers at 0:00:20: 4 -> 5');
  });

  it('a draining server finishes what it holds before it leaves', () => {
    const s = sim({
      servers: [
        { name: 'a', capacity: 1 },
        { name: 'b', capacity: 1, queueLimit: 5 },
      ],
      service: { distribution: 'constant', ms: 3000 },
      strategy: 'round-robin',
      traffic: [{ at: 0, burst: 4 }],
      autoscaling: {
        policy: 'scheduled',
        minServers: 1,
        maxServers: 2,
        schedule: [{ at: 1000, servers: 1 }],
      },
      durationMs: 20 * S,
    });
    s.runUntil(1000);
    const b = s.pool.slotOf('b');
    expect(s.pool.draining[b]).toBe(1);
    // a took the first request and was full; b took the other three, one in service and two
    // queued: it stays until the last is served, 3 x 3 s after the start.
    expect(s.pool.active[b]! + s.pool.queued[b]!).toBe(3);
    s.runUntil(8999);
    expect(s.pool.member[b]).toBe(1);
    s.runUntil(9000);
    expect(s.pool.member[b]).toBe(0);
    s.runToEnd();
    const r = summarize(s).requests;
    expect(r.served).toBe(4);
    expect(r.failed + r.rejected + r.timedOut).toBe(0);
  });

  it('a server scaled in keeps leaving when an operator revives it: the fleet stays within max', () => {
    // Found by the property test: a revive stopped the drain and the fleet reached 4 of at most 3.
    const s = sim({
      servers: [
        { name: 'a', capacity: 1 },
        { name: 'b', capacity: 1 },
      ],
      service: { distribution: 'constant', ms: 3000 },
      strategy: 'round-robin',
      traffic: [{ at: 0, burst: 2 }],
      events: [{ at: 1500, action: 'revive', server: 'b' }],
      autoscaling: {
        policy: 'scheduled',
        minServers: 1,
        maxServers: 3,
        provisioningMs: 0,
        schedule: [
          { at: 1000, servers: 1 },
          { at: 1200, servers: 3 },
        ],
      },
      durationMs: 5 * S,
    });
    s.runUntil(1500);
    const b = s.pool.slotOf('b');
    expect(s.pool.draining[b]).toBe(1);
    expect(s.autoscaler.ledger.counts.desired).toBe(3);
    const last = s.metrics.log.entries().at(-1)!;
    expect(`${last.level} | ${last.source} | ${last.message}`).toBe(
      'WARNING | b | Server b is leaving (scaled in): revive skipped',
    );
    s.runToEnd();
    expect(names(s)).toEqual(['a', 'a-1', 'a-2']);
    expect(summarize(s).requests.served).toBe(2);
  });

  it('retires a crashed server before a running one', () => {
    const s = sim({
      servers: [
        { name: 'a', capacity: 1 },
        { name: 'b', capacity: 1 },
        { name: 'c', capacity: 1 },
      ],
      traffic: [],
      events: [{ at: 500, action: 'crash', server: 'a' }],
      autoscaling: { policy: 'scheduled', maxServers: 3, schedule: [{ at: 1000, servers: 2 }] },
      durationMs: 2000,
    });
    s.runToEnd();
    expect(names(s)).toEqual(['b', 'c']);
  });

  it('reports the managed count over time, and bills servers running and starting', () => {
    const s = sim({
      servers: [{ name: 'a', capacity: 1 }],
      traffic: [],
      autoscaling: {
        policy: 'scheduled',
        maxServers: 6,
        provisioningMs: 0,
        schedule: [
          { at: 0, servers: 2 },
          { at: 60 * S, servers: 5 },
          { at: 120 * S, servers: 1 },
        ],
      },
      cost: { pricePerServerHour: 0.36 },
      durationMs: 180 * S,
    });
    s.runToEnd();
    const summary = summarize(s);
    expect(summary.autoscaling!.servers).toEqual({ min: 1, max: 5, mean: 2.667, final: 1 });
    // 2 x 60 s + 5 x 60 s + 1 x 60 s = 480 server-seconds = 0.1333 h, at $0.36 an hour.
    expect(summary.cost!.serverHours).toBeCloseTo(480 / 3600, 4);
    expect(summary.cost!.dollars).toBeCloseTo(0.048, 4);
  });

  it('step scaling adds the step of the alarm breached', () => {
    const s = sim({
      servers: [{ name: 'a', capacity: 2, queueLimit: null }],
      service: { distribution: 'constant', ms: 500 },
      traffic: [{ at: 0, burst: 100 }], // 50 s of work for 2 slots: 100% busy at 15 s
      autoscaling: {
        policy: 'step',
        maxServers: 10,
        provisioningMs: 0,
        steps: [
          { upper: 0.3, change: -1 },
          { lower: 0.7, upper: 0.9, change: 1 },
          { lower: 0.9, change: 3 },
        ],
      },
      durationMs: 16 * S,
    });
    s.runToEnd();
    expect(s.autoscaler.actions[0]).toMatchObject({
      at: 15 * S,
      from: 1,
      to: 4,
      reason: 'utilization 1 in step [0.9, inf) (+3): 1 -> 4',
    });
  });

  it('is off, drawing and scheduling nothing, without `autoscaling`', () => {
    const s = sim({ traffic: [{ at: 0, burst: 10 }] });
    expect(s.autoscaler.active).toBe(false);
    expect(s.nextEventTime).toBe(0);
    s.runToEnd();
    expect(summarize(s)).not.toHaveProperty('autoscaling');
    expect(summarize(s)).not.toHaveProperty('cost');
    expect(summarize(s)).not.toHaveProperty('slo');
  });
});

describe('changing autoscaling, cost and the SLO mid-run', () => {
  const base = {
    servers: [{ name: 'a', capacity: 1, queueLimit: null }],
    service: { distribution: 'constant', ms: 500 },
    traffic: [{ from: 0, to: 120 * S, ratePerSec: 6 }], // 3 erlangs on 1 slot
    durationMs: 120 * S,
  };

  it('turned on mid-run it measures from then on, and turned off it stops deciding', () => {
    const s = sim(base);
    s.runUntil(30 * S);
    expect(s.autoscaler.active).toBe(false);
    s.setAutoscaling(
      scenarioOf({ autoscaling: { maxServers: 8, provisioningMs: 0 } }).autoscaling!,
    );
    s.runUntil(44 * S);
    expect(s.autoscaler.actions).toHaveLength(0); // no full period measured yet
    s.runUntil(45 * S);
    expect(s.autoscaler.actions[0]).toMatchObject({ at: 45 * S, from: 1, to: 2 });
    s.setAutoscaling(null);
    s.runToEnd();
    expect(s.autoscaler.actions).toHaveLength(1);
    expect(s.pool.members.length).toBe(2);
  });

  it('bills the whole run once priced, and counts the SLO from when it is set', () => {
    const s = sim(base);
    s.runUntil(60 * S);
    const endedBefore = s.metrics.arrived - s.inFlight;
    s.setCost({ pricePerServerHour: 3.6, pricePerMillionRequests: null });
    s.setSlo({ thresholdMs: 600, objective: 0.9 });
    s.runToEnd();
    const summary = summarize(s);
    // One server for 120 s at $3.60 an hour: $0.12, the first minute included.
    expect(summary.cost!.dollars).toBeCloseTo(0.12, 6);
    expect(s.objectives.sloSince).toBe(60 * S);
    // Every request that ended after the objective was set counts, and only those.
    expect(endedBefore).toBeGreaterThan(0);
    expect(s.objectives.slo!.ended).toBe(s.metrics.arrived - s.inFlight - endedBefore);
    expect(s.objectives.slo!.ended).toBeGreaterThan(100); // 2 a second for 60 s
  });
});
