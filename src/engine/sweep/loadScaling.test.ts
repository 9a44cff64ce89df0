import { describe, expect, it } from 'vitest';
import { scenarioOf } from '../testing/scenarioOf.ts';
import {
  capacityErlangs,
  loadProblem,
  meanArrivalRatePerSec,
  offeredLoad,
  rateFactorFor,
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
