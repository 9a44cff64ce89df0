import { describe, expect, it } from 'vitest';
import { PRESETS } from '../scenario/presets.ts';
import { Simulation } from '../simulation.ts';
import { summarize } from '../summary.ts';
import { scenarioOf } from '../testing/scenarioOf.ts';
import { measureRun, runOne } from './runOne.ts';
import { planOf, smallSweep } from './testing/planOf.ts';

describe('one run', () => {
  it('drops what happened before the warm-up ends', () => {
    // One server of 10 slots, constant 100 ms service. A burst of 30 at 0 queues in three waves
    // (100, 200 and 300 ms); afterwards 5 requests a second never need more than 10 slots, so
    // every request measured after a 1 s warm-up takes exactly 100 ms.
    const scenario = scenarioOf({
      servers: [{ name: 'S', capacity: 10, queueLimit: null }],
      service: { distribution: 'constant', ms: 100 },
      cache: { placement: 'off' },
      traffic: [
        { at: 0, burst: 30 },
        { from: 0, to: 100_000, ratePerSec: 5 },
      ],
      durationMs: 21_000,
    });
    const measured = measureRun(scenario, 1000, null).figures;
    expect(measured).toMatchObject({ meanMs: 100, p50Ms: 100, p99Ms: 100, p999Ms: 100 });
    expect(measured.rejectedShare).toBe(0);
    expect(measured.hitRate).toBeNull();
    const all = measureRun(scenario, 0, null).figures;
    expect(all.meanMs!).toBeGreaterThan(100);
    // The burst's third wave waits 200 ms (and requests arriving among the waves wait too).
    expect(all.p999Ms!).toBeGreaterThanOrEqual(300);
  });

  it('measures the window only: throughput per simulated second and busy share', () => {
    // A burst of 4 at 0 on 2 slots of constant 1 s service: served over [0, 2 s].
    const scenario = scenarioOf({
      servers: [{ name: 'S', capacity: 2, queueLimit: null }],
      service: { distribution: 'constant', ms: 1000 },
      cache: { placement: 'off' },
      traffic: [{ at: 0, burst: 4 }],
      durationMs: 4000,
    });
    // Window [1 s, 4 s]: the second wave (2 requests) is served at 2 s; the slots are busy for
    // 1 s of 3 s, so utilization is 1/3 and throughput 2 / 3 s.
    const f = measureRun(scenario, 1000, null).figures;
    expect(f.throughputPerSec).toBeCloseTo(2 / 3, 3);
    expect(f.utilization).toBeCloseTo(1 / 3, 6);
    expect(f.meanMs).toBe(2000);
    expect(f.rejectedShare).toBeNull(); // nothing arrived in the window
  });

  it('with a request count, measures exactly that many arrivals after the warm-up', () => {
    const plan = planOf(smallSweep({ durationMs: undefined, requests: 1234 }));
    const scenario = { ...plan.variants[4]!, seed: plan.header.seeds[1]! };
    const run = measureRun(scenario, plan.header.warmupMs, 1234);
    expect(run.arrivals).toBe(1234);
    // 1234 arrivals at 0.6 · 400 = 240 per second take about 5.1 s.
    expect(run.windowMs / 1000).toBeGreaterThan(4.5);
    expect(run.windowMs / 1000).toBeLessThan(5.8);
  });

  it("runs its point's scenario with its replication's seed", () => {
    const plan = planOf(smallSweep());
    // Run 13 is point 4 (power of two choices at load 0.6), replication 1.
    const own = measureRun(
      { ...plan.variants[4]!, seed: plan.header.seeds[1]! },
      plan.header.warmupMs,
      null,
    );
    expect(runOne(plan, 13)).toEqual(own.figures);
    expect(runOne(plan, 12)).not.toEqual(own.figures);
  });

  it('gives the same figures whatever ran before it (no state shared between runs)', () => {
    const plan = planOf(smallSweep());
    const first = runOne(plan, 20);
    for (let i = 0; i < 20; i++) runOne(plan, i);
    expect(runOne(plan, 20)).toEqual(first);
  });
});

describe('sampling less often', () => {
  it('changes nothing a run does (sweep runs sample once a minute)', () => {
    for (const id of ['classic', 'crash-health-checks', 'retry-storm', 'hot-keys']) {
      const scenario = scenarioOf(PRESETS.find((p) => p.id === id)!.raw);
      const summaries = [100, 60_000].map((sampleIntervalMs) => {
        const sim = new Simulation({ ...scenario, sampleIntervalMs }, { logRequests: false });
        sim.runToEnd();
        return JSON.stringify(summarize(sim));
      });
      expect(summaries[1], id).toBe(summaries[0]);
    }
  });
});
