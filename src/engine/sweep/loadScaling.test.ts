import { describe, expect, it } from 'vitest';
import { scenarioOf } from '../testing/scenarioOf.ts';
import {
  capacityErlangs,
  loadProblem,
  meanArrivalRatePerSec,
  offeredLoad,
  poolCapacityErlangs,
  rateFactorFor,
  rateTrafficEndMs,
} from './loadScaling.ts';
import { runOne } from './runOne.ts';
import { planOf, SMALL_BASE, smallSweep } from './testing/planOf.ts';

describe('offered load', () => {
  it('is arrival rate × mean service time over the slots up at the start', () => {
    // 200/s × 10 ms = 2 erlangs over 4 single-slot servers.
    expect(offeredLoad(scenarioOf(SMALL_BASE))).toBeCloseTo(0.5, 12);
    // Uniform 200–600 ms (mean 400) at 18/s = 7.2 erlangs; capacities 3 + 2·speed 2 + 4 (down: 0).
    const s = scenarioOf({
      servers: [
        { name: 'A', capacity: 3 },
        { name: 'B', capacity: 2, speed: 2 },
        { name: 'C', capacity: 4, up: false },
      ],
      traffic: [{ from: 0, to: 60_000, ratePerSec: 18 }],
    });
    expect(capacityErlangs(s.servers)).toBe(7);
    expect(offeredLoad(s)).toBeCloseTo(7.2 / 7, 12);
  });

  it('averages several segments over the span they cover, bursts aside', () => {
    const s = scenarioOf({
      traffic: [
        { at: 0, burst: 1000 },
        { from: 0, to: 10_000, ratePerSec: 10 }, // 100 requests
        { from: 10_000, to: 30_000, startRatePerSec: 0, endRatePerSec: 20 }, // 200 requests
      ],
    });
    expect(meanArrivalRatePerSec(s.traffic)).toBeCloseTo(300 / 30, 12);
  });

  it('takes a daily pattern at its average over the day, or over the part of it that runs', () => {
    const day = 86_400_000;
    const diurnal = { troughRatePerSec: 2, peakRatePerSec: 10, periodMs: day, phaseMs: 0 };
    // Whole days: the cosine averages out, leaving (2 + 10) / 2.
    const whole = scenarioOf({ traffic: [{ from: 0, to: 2 * day, ...diurnal }] });
    expect(meanArrivalRatePerSec(whole.traffic)).toBeCloseTo(6, 9);
    // The first quarter day from the peak: 6 + 4·cos(2πt/P) averages 6 + 4·(4/2π)·sin(π/2) = 6 + 8/π.
    const quarter = scenarioOf({ traffic: [{ from: 0, to: day / 4, ...diurnal }] });
    expect(meanArrivalRatePerSec(quarter.traffic)).toBeCloseTo(6 + 8 / Math.PI, 9);
  });

  it('takes a trace at its average over its span: the area under its points', () => {
    // 0 → 20/s over 10 s (100 requests), then 20/s for 20 s (400): 500 over 30 s.
    const s = scenarioOf({
      traffic: [
        {
          trace: [
            [0, 0],
            [10_000, 20],
            [30_000, 20],
          ],
        },
      ],
    });
    expect(meanArrivalRatePerSec(s.traffic)).toBeCloseTo(500 / 30, 12);
    expect(rateTrafficEndMs(s.traffic)).toBe(30_000);
  });

  it('counts a spike in what it multiplies but not as traffic of its own', () => {
    // 10/s for 60 s, doubled from 50 s: 500 + 200 requests. The spike runs on to 70 s, where
    // there is nothing to multiply, so the span and the end stay at 60 s.
    const s = scenarioOf({
      traffic: [
        { from: 0, to: 60_000, ratePerSec: 10 },
        { from: 50_000, to: 70_000, multiplier: 2 },
      ],
    });
    expect(meanArrivalRatePerSec(s.traffic)).toBeCloseTo(700 / 60, 12);
    expect(rateTrafficEndMs(s.traffic)).toBe(60_000);
  });

  it('leaves closed-loop clients out of the rate (they have none) but not out of the end', () => {
    const s = scenarioOf({
      traffic: [
        { from: 0, to: 60_000, ratePerSec: 10 },
        { from: 0, to: 90_000, clients: 50, thinkMs: 1000 },
      ],
    });
    expect(meanArrivalRatePerSec(s.traffic)).toBe(10);
    expect(rateTrafficEndMs(s.traffic)).toBe(90_000);
    const closedOnly = scenarioOf({ traffic: [{ from: 0, to: 9000, clients: 5, thinkMs: 100 }] });
    expect(loadProblem(closedOnly)).toMatch(/closed-loop clients/);
  });

  it("measures an autoscaled pool against the autoscaler's floor, not the servers listed", () => {
    // 3 listed servers of 1 slot, but the floor is 2 template servers of 4 slots at speed 1.5: 12.
    const s = scenarioOf({
      ...SMALL_BASE,
      servers: [{ name: 'A' }, { name: 'B' }, { name: 'C', up: false }].map((x) => ({
        ...x,
        capacity: 1,
      })),
      autoscaling: {
        minServers: 2,
        maxServers: 10,
        template: { name: 'web', capacity: 4, speed: 1.5 },
      },
    });
    expect(capacityErlangs(s.servers)).toBe(2);
    expect(poolCapacityErlangs(s)).toBe(12);
    // 200/s × 10 ms = 2 erlangs over 12.
    expect(offeredLoad(s)).toBeCloseTo(2 / 12, 12);
    // Without a template the floor is made of copies of the first listed server: 2 × 1 slot.
    const plain = scenarioOf({ ...SMALL_BASE, autoscaling: { minServers: 2, maxServers: 10 } });
    expect(poolCapacityErlangs(plain)).toBe(2);
  });

  it('cannot be set without rate traffic or capacity, and says why', () => {
    expect(loadProblem(scenarioOf({ traffic: [{ at: 0, burst: 10 }] }))).toMatch(/only bursts/);
    expect(loadProblem(scenarioOf(SMALL_BASE))).toBeNull();
    const down = scenarioOf({ ...SMALL_BASE, servers: [{ name: 'S', up: false }] });
    expect(loadProblem(down)).toMatch(/at least one server up/);
    expect(() => rateFactorFor(down, 0.5)).toThrow(RangeError);
  });
});

describe('varying load', () => {
  it('multiplies every rate by one factor, so the offered load is the value', () => {
    const plan = planOf(
      smallSweep({
        base: {
          ...SMALL_BASE,
          traffic: [
            { at: 0, burst: 5 },
            { from: 0, to: 1_800_000, ratePerSec: 100 },
            { from: 1_800_000, to: 3_600_000, startRatePerSec: 200, endRatePerSec: 400 },
          ],
        },
        strategies: ['random'],
        vary: { field: 'load', values: [0.2, 0.8] },
      }),
    );
    // Mean rate 200/s: 0.5 of the pool; load 0.2 scales by 0.4 and 0.8 by 1.6.
    const [low, high] = plan.variants;
    expect(low!.traffic).toEqual([
      { kind: 'burst', at: 0, burst: 5 },
      { kind: 'poisson', from: 0, to: 1_800_000, ratePerSec: 40 },
      { kind: 'ramp', from: 1_800_000, to: 3_600_000, startRatePerSec: 80, endRatePerSec: 160 },
    ]);
    expect(offeredLoad(high!)).toBeCloseTo(0.8, 12);
  });

  it('scales daily patterns and traces point by point and leaves spike multipliers alone', () => {
    const close = (x: number) => expect.closeTo(x, 9);
    const plan = planOf(
      smallSweep({
        base: {
          ...SMALL_BASE,
          traffic: [
            {
              from: 0,
              to: 100_000,
              troughRatePerSec: 100,
              peakRatePerSec: 300,
              periodMs: 100_000,
              phaseMs: 0,
            },
            {
              trace: [
                [100_000, 200],
                [200_000, 200],
              ],
            },
            { from: 150_000, to: 200_000, multiplier: 3 },
          ],
        },
        strategies: ['random'],
        durationMs: 10_000,
        vary: { field: 'load', values: [1] },
      }),
    );
    // One period at 200/s on average, then a trace at 200/s tripled for its second half:
    // 20,000 + 10,000 + 30,000 requests over 200 s = 300/s = 3 erlangs of 4. Load 1 scales by 4/3.
    const [variant] = plan.variants;
    expect(variant!.traffic).toEqual([
      {
        kind: 'diurnal',
        from: 0,
        to: 100_000,
        troughRatePerSec: close(400 / 3),
        peakRatePerSec: close(400),
        periodMs: 100_000,
        phaseMs: 0,
      },
      {
        kind: 'trace',
        trace: [
          [100_000, close(800 / 3)],
          [200_000, close(800 / 3)],
        ],
      },
      { kind: 'spike', from: 150_000, to: 200_000, multiplier: 3 },
    ]);
    expect(offeredLoad(variant!)).toBeCloseTo(1, 12);
  });

  it('gives a daily pattern the measured throughput its average says', () => {
    // Two 100 s "days" between 0.5× and 1.5× the mean: load 0.5 of 4 slots at 10 ms is 200/s,
    // 40,000 arrivals over the run (the Poisson count's relative s.d. is 0.5%).
    const plan = planOf(
      smallSweep({
        base: {
          ...SMALL_BASE,
          traffic: [
            {
              from: 0,
              to: 200_000,
              troughRatePerSec: 50,
              peakRatePerSec: 150,
              periodMs: 100_000,
              phaseMs: 30_000,
            },
          ],
        },
        strategies: ['least-connections'],
        vary: { field: 'load', values: [0.5] },
        replications: 1,
        warmupMs: 0,
        durationMs: 200_000,
      }),
    );
    const f = runOne(plan, 0);
    expect(Math.abs(f.throughputPerSec! / 200 - 1)).toBeLessThan(0.03);
    expect(Math.abs(f.utilization! - 0.5)).toBeLessThan(0.02);
  });

  it('gives runs whose measured utilization is the load (no cache, no rejection)', () => {
    const plan = planOf(
      smallSweep({
        strategies: ['least-connections'],
        vary: { field: 'load', values: [0.25, 0.75] },
        replications: 1,
        // 20,000 and 60,000 arrivals: the Poisson count's relative s.d. is 0.7% and 0.4%.
        durationMs: 200_000,
      }),
    );
    for (const [index, load] of [
      [0, 0.25],
      [1, 0.75],
    ] as const) {
      const f = runOne(plan, index);
      expect(f.rejectedShare).toBe(0);
      expect(Math.abs(f.utilization! - load)).toBeLessThan(0.02);
      // Throughput is the arrival rate: load × 4 slots / 10 ms.
      expect(Math.abs(f.throughputPerSec! / (load * 400) - 1)).toBeLessThan(0.03);
    }
  });
});
