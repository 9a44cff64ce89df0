import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation.ts';
import { summarize } from '../summary.ts';
import { scenarioOf } from '../testing/scenarioOf.ts';

/** One server of capacity `capacity` with an unbounded queue and constant `ms` service. */
function one(capacity: number, ms: number, extra: Record<string, unknown>) {
  return new Simulation(
    scenarioOf({
      servers: [{ name: 'S', capacity, queueLimit: null }],
      service: { distribution: 'constant', ms },
      cache: { placement: 'off' },
      ...extra,
    }),
  );
}

/** Ids of the requests the server started, in order ("handling request N" lines). */
function started(sim: Simulation): number[] {
  return sim.metrics.log
    .entries()
    .flatMap((e) => /handling request (\d+)/.exec(e.message)?.slice(1).map(Number) ?? []);
}

/** Times of the log lines that say a request was shed. */
function shedTimes(sim: Simulation): number[] {
  return sim.metrics.log
    .entries()
    .filter((e) => e.message.includes(' shed by '))
    .map((e) => e.timeMs);
}

describe('load shedding at the server', () => {
  it('sheds a request that finds maxQueue already waiting, with reason shed', () => {
    const sim = one(1, 100, { traffic: [{ at: 0, burst: 4 }], shedding: { maxQueue: 2 } });
    sim.runToEnd();
    const s = summarize(sim);
    // One in service, two waiting, the fourth shed at once.
    expect(s.requests).toMatchObject({ served: 3, rejected: 1 });
    expect(s.requests.rejectedByReason).toMatchObject({ shed: 1, overloaded: 0 });
    expect(shedTimes(sim)).toEqual([0]);
  });

  it('sheds a request that has waited maxQueueMs (HAProxy timeout queue), at that moment', () => {
    const sim = one(1, 1000, { traffic: [{ at: 0, burst: 3 }], shedding: { maxQueueMs: 300 } });
    sim.runToEnd();
    const s = summarize(sim);
    expect(s.requests.rejectedByReason.shed).toBe(2);
    expect(shedTimes(sim)).toEqual([300, 300]);
    expect(s.requests.served).toBe(1);
  });

  it("drops by CoDel's schedule: first after an interval above target, then interval / sqrt(count)", () => {
    // A standing queue: 200 requests at once, one served every 10 ms.
    const sim = one(1, 10, { traffic: [{ at: 0, burst: 200 }], shedding: { codel: true } });
    sim.runToEnd();
    // The server takes from its queue every 10 ms. Above target from the first take (t = 10),
    // so the first drop is at 110 and the next is due interval / sqrt(1) later; each later drop
    // is due interval / sqrt(count) after the last due time, and happens at the first take at or
    // after it.
    const expected = [110];
    let due = 110 + 100;
    for (let count = 2; expected.length < 8; count++) {
      expected.push(Math.ceil(due / 10) * 10);
      due += 100 / Math.sqrt(count);
    }
    expect(shedTimes(sim).slice(0, 8)).toEqual(expected);
    expect(expected.slice(0, 6)).toEqual([110, 210, 290, 340, 390, 440]);
  });

  it('serves the newest first once the queue has stood for an interval (adaptive LIFO)', () => {
    const sim = one(1, 100, {
      traffic: [0, 1, 2, 3, 4].map((at) => ({ at, burst: 1 })),
      shedding: { adaptiveLifo: true },
    });
    sim.runToEnd();
    // At 100 the queue has stood 99 ms: FIFO (2). From 200 it has stood over 100 ms: newest
    // first (5, then 4, then 3).
    expect(started(sim)).toEqual([1, 2, 5, 4, 3]);
    const fifo = one(1, 100, { traffic: [0, 1, 2, 3, 4].map((at) => ({ at, burst: 1 })) });
    fifo.runToEnd();
    expect(started(fifo)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('load-dependent service time', () => {
  it('slows each request by alpha per other request in service when it starts (linear)', () => {
    const sim = one(4, 100, {
      traffic: [{ at: 0, burst: 4 }],
      contention: { model: 'linear', alpha: 0.5 },
    });
    sim.runToEnd();
    // Started with 1, 2, 3, 4 in service: 100, 150, 200 and 250 ms.
    const s = summarize(sim);
    expect(s.latencyMs.mean).toBeCloseTo(175, 6);
    expect(s.simulatedMs).toBeCloseTo(250, 6);
  });

  it('adds the coherency term with the USL', () => {
    const sim = one(3, 100, {
      traffic: [{ at: 0, burst: 3 }],
      contention: { model: 'usl', alpha: 0.1, beta: 0.05 },
    });
    sim.runToEnd();
    // 1 + 0.1 (N − 1) + 0.05 N (N − 1): 1, 1.2, 1.5 times 100 ms.
    expect(summarize(sim).latencyMs.mean).toBeCloseTo((100 + 120 + 150) / 3, 2);
  });
});
