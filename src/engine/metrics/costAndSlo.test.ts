import { describe, expect, it } from 'vitest';
import { CostMeter } from './costMeter.ts';
import { budgetLeft, SloTracker } from './sloTracker.ts';

const MIN = 60_000;

describe('cost on a constructed run', () => {
  it('integrates the servers running between changes and prices them', () => {
    const meter = new CostMeter({ pricePerServerHour: 0.1, pricePerMillionRequests: 2 });
    meter.setCount(0, 3);
    meter.setCount(30 * MIN, 5); // 3 servers for half an hour
    meter.setCount(90 * MIN, 5); // then 5 for an hour: 1.5 + 5 = 6.5 server-hours
    const r = meter.report(90 * MIN, 500_000, 400_000);
    expect(r.serverHours).toBeCloseTo(6.5, 12);
    // 6.5 h x $0.10 + 0.5 million requests x $2 = $1.65; per million served: 1.65 / 0.4.
    expect(r.dollars).toBeCloseTo(1.65, 12);
    expect(r.dollarsPerMillion).toBeCloseTo(4.125, 12);
  });

  it('has no price per served request before one was served', () => {
    const meter = new CostMeter({ pricePerServerHour: 0.1, pricePerMillionRequests: null });
    meter.setCount(0, 2);
    expect(meter.report(3_600_000, 10, 0)).toEqual({
      serverHours: 2,
      dollars: 0.2,
      dollarsPerMillion: null,
    });
  });
});

describe('SLO attainment on a constructed run', () => {
  it('counts served within the threshold as good, and every other end as a miss', () => {
    const slo = new SloTracker({ thresholdMs: 300, objective: 0.99 });
    // Minute 0: 100 requests, 99 good (one exactly at the threshold): attainment 0.99, kept.
    for (let i = 0; i < 98; i++) slo.onEnd(1000 + i, 120);
    slo.onEnd(5000, 300);
    slo.onEnd(5001, 301);
    // Minute 1: 95 good, 3 slow, 2 rejected: 0.95, broken.
    for (let i = 0; i < 95; i++) slo.onEnd(MIN + i, 50);
    for (let i = 0; i < 3; i++) slo.onEnd(MIN + 500 + i, 800);
    slo.onEnd(MIN + 900, null);
    slo.onEnd(MIN + 901, null);
    // Minute 2: nothing ended. Minute 3: 50 good.
    for (let i = 0; i < 50; i++) slo.onEnd(3 * MIN + i, 10);
    const r = slo.report();
    expect(slo.ended).toBe(250);
    expect(slo.good).toBe(244);
    expect(r.attainment).toBeCloseTo(244 / 250, 12);
    // 6 misses against a budget of 1% of 250 = 2.5: overspent by 140%.
    expect(r.budgetLeft).toBeCloseTo(1 - 6 / 2.5, 12);
    expect(r.windowsBroken).toBe(1);
    expect(slo.brokenWindows()).toEqual([{ from: MIN, requests: 100, attainment: 0.95 }]);
    // The per-window counts the page draws.
    expect(slo.windowEnded[1]).toBe(100);
    expect(slo.windowGood[1]).toBe(95);
    expect(slo.windowEnded[2]).toBe(0);
  });

  it('a window still filling counts as broken once it is below the objective', () => {
    const slo = new SloTracker({ thresholdMs: 100, objective: 0.9 });
    slo.onEnd(10, 500);
    expect(slo.report().windowsBroken).toBe(1);
    expect(slo.brokenWindows()).toHaveLength(1);
  });

  it('keeps only the most recent broken windows and a ring of window counts', () => {
    const slo = new SloTracker({ thresholdMs: 100, objective: 0.9 }, MIN, 10, 5);
    for (let w = 0; w < 30; w++) slo.onEnd(w * MIN, null);
    expect(slo.report().windowsBroken).toBe(30);
    expect(slo.brokenWindows().map((b) => b.from / MIN)).toEqual([25, 26, 27, 28, 29]);
    expect(slo.oldestWindow).toBe(20);
  });

  it('has a full budget with no misses and none left at exactly the allowed misses', () => {
    expect(budgetLeft(1000, 1000, 0.99)).toBe(1);
    expect(budgetLeft(990, 1000, 0.99)).toBeCloseTo(0, 12);
  });
});
