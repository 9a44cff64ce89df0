import { describe, expect, it } from 'vitest';
import type { TrafficSpec } from '../engine/scenario/types.ts';
import { scenarioOf } from '../engine/testing/scenarioOf.ts';
import {
  expectedArrivals,
  LIVE_WINDOW_MS,
  MAX_HORIZON_MS,
  planWorkload,
  trafficEnd,
} from './compareWorkload.ts';

describe('expectedArrivals', () => {
  const traffic: TrafficSpec[] = [
    { kind: 'burst', at: 1000, burst: 50 },
    { kind: 'poisson', from: 0, to: 10_000, ratePerSec: 20 },
    // A ramp from 0 to 10/s over 10 s sends 50 requests, 12.5 of them in its first half.
    { kind: 'ramp', from: 10_000, to: 20_000, startRatePerSec: 0, endRatePerSec: 10 },
  ];

  it('counts bursts, steady rates and ramps', () => {
    expect(expectedArrivals(traffic, 500)).toBeCloseTo(10, 9);
    expect(expectedArrivals(traffic, 1000)).toBeCloseTo(70, 9);
    expect(expectedArrivals(traffic, 15_000)).toBeCloseTo(250 + 12.5, 9);
    expect(expectedArrivals(traffic, 1e9)).toBeCloseTo(300, 9);
    expect(trafficEnd(traffic)).toBe(20_000);
    expect(trafficEnd([])).toBe(0);
  });
});

describe('planWorkload', () => {
  it('runs the setup as it is when it is small', () => {
    const setup = scenarioOf({ traffic: [{ from: 0, to: 60_000, ratePerSec: 20 }] });
    const plan = planWorkload(setup, 0, 2);
    if ('ok' in plan) throw new Error(plan.message);
    expect(plan.capped).toBeNull();
    expect(plan.stopAt).toBe(MAX_HORIZON_MS);
    // 60 s over about 300 points: 200 ms samples.
    expect(plan.sampleIntervalMs).toBe(200);
    expect(plan.perVariant).toBe(1_000_000);
  });

  it('keeps the setup duration and adds a live rate over a stated window', () => {
    const setup = scenarioOf({ traffic: [], durationMs: 30_000 });
    const plan = planWorkload(setup, 12, 3);
    if ('ok' in plan) throw new Error(plan.message);
    expect(plan.stopAt).toBe(30_000);
    expect(plan.liveRate).toEqual({ ratePerSec: 12, windowMs: 30_000 });
    const open = planWorkload(scenarioOf({ traffic: [] }), 12, 3);
    if ('ok' in open) throw new Error(open.message);
    expect(open.liveRate?.windowMs).toBe(LIVE_WINDOW_MS);
  });

  it('cuts a workload past the horizon or the request budget, saying why', () => {
    const long = scenarioOf({ traffic: [{ from: 0, to: 7_200_000, ratePerSec: 1 }] });
    const a = planWorkload(long, 0, 2);
    if ('ok' in a) throw new Error(a.message);
    expect(a.capped).toEqual({
      atMs: MAX_HORIZON_MS,
      reason: 'a comparison runs at most one simulated hour',
    });
    const busy = scenarioOf({ traffic: [{ from: 0, to: 600_000, ratePerSec: 5000 }] });
    const b = planWorkload(busy, 0, 4);
    if ('ok' in b) throw new Error(b.message);
    // 500,000 requests per strategy at 5/ms: 100 s.
    expect(b.stopAt).toBeCloseTo(100_000, 0);
    expect(b.capped?.reason).toBe('each strategy simulates at most about 500,000 requests');
  });
});
