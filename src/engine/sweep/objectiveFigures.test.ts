import { describe, expect, it } from 'vitest';
import { PRESETS } from '../scenario/presets.ts';
import { Simulation } from '../simulation.ts';
import { summarize } from '../summary.ts';
import { scenarioOf } from '../testing/scenarioOf.ts';
import { FIGURE_NAMES, figuresFor } from './figures.ts';
import { assembleResult, resultJson } from './results.ts';
import { measureRun, runOne } from './runOne.ts';
import { planOf, SMALL_BASE, smallSweep } from './testing/planOf.ts';

/** The classic demo's servers (3 + 2 + 4 slots, no queues) with constant 100 ms service. */
const NINE_SLOTS = {
  strategy: 'round-robin',
  servers: [
    { name: 'A', capacity: 3 },
    { name: 'B', capacity: 2 },
    { name: 'C', capacity: 4 },
  ],
  service: { distribution: 'constant', ms: 100 },
  cache: { placement: 'off' },
} as const;

describe('SLO attainment and dollars as sweep figures', () => {
  it('are reported only when the scenario declares an slo or a cost', () => {
    const plain = FIGURE_NAMES.filter((f) => f !== 'sloAttainment' && f !== 'dollars');
    expect(figuresFor(scenarioOf(SMALL_BASE))).toEqual(plain);
    const slo = { thresholdMs: 300, objective: 0.99 };
    expect(figuresFor(scenarioOf({ ...SMALL_BASE, slo }))).toEqual([...plain, 'sloAttainment']);
    expect(figuresFor(scenarioOf({ ...SMALL_BASE, cost: {} }))).toEqual([...plain, 'dollars']);
    expect(figuresFor(scenarioOf({ ...SMALL_BASE, slo, cost: {} }))).toEqual([
      ...plain,
      'sloAttainment',
      'dollars',
    ]);
    // A run without them carries no such keys, so results and shard parts stay as they were.
    const f = measureRun(scenarioOf({ ...SMALL_BASE, durationMs: 1000 }), 0, null).figures;
    expect(Object.keys(f)).toEqual(plain);
  });

  it('count rejected requests as misses and only what ends after the warm-up', () => {
    // Ten at 0 on nine slots: nine served in 100 ms, one rejected (the original demo). Four more
    // at 10 s are all served. The whole run: 13 of 14 good; after a 5 s warm-up: 4 of 4.
    const scenario = scenarioOf({
      ...NINE_SLOTS,
      traffic: [
        { at: 0, burst: 10 },
        { at: 10_000, burst: 4 },
      ],
      durationMs: 20_000,
      slo: { thresholdMs: 150, objective: 0.99 },
    });
    expect(measureRun(scenario, 0, null).figures.sloAttainment).toBeCloseTo(13 / 14, 5);
    expect(measureRun(scenario, 5000, null).figures.sloAttainment).toBe(1);
    // A threshold under the 100 ms service: nothing meets it.
    const strict = { ...scenario, slo: { thresholdMs: 50, objective: 0.99 } };
    expect(measureRun(strict, 0, null).figures.sloAttainment).toBe(0);
  });

  it('bill the window: server-hours times the price, plus the price per million arrivals', () => {
    // Three servers for a 60 s window after a 30 s warm-up: 3 × 60/3600 h × $0.10 = $0.005, plus
    // $2,000 per million for the window's arrivals.
    const scenario = scenarioOf({
      ...NINE_SLOTS,
      traffic: [{ from: 0, to: 100_000, ratePerSec: 20 }],
      durationMs: 90_000,
      cost: { pricePerServerHour: 0.1, pricePerMillionRequests: 2000 },
    });
    const run = measureRun(scenario, 30_000, null);
    expect(run.windowMs).toBe(60_000);
    expect(run.figures.dollars).toBeCloseTo(0.005 + (run.arrivals / 1e6) * 2000, 4);
    const noRequests = {
      ...scenario,
      cost: { pricePerServerHour: 0.1, pricePerMillionRequests: null },
    };
    expect(measureRun(noRequests, 30_000, null).figures.dollars).toBe(0.005);
  });

  it("without a warm-up equal the run summary's slo.attainment and cost.dollars", () => {
    // The morning-peak preset (autoscaling, a cost and an SLO), cut to its first three hours.
    const raw = PRESETS.find((p) => p.id === 'morning-peak')!.raw;
    const scenario = { ...scenarioOf(raw), durationMs: 3 * 3_600_000 };
    const figures = measureRun(scenario, 0, null).figures;
    const sim = new Simulation(scenario, { logRequests: false, historyLength: 2 });
    sim.runToEnd();
    const summary = summarize(sim);
    expect(summary.slo!.attainment).not.toBeNull();
    expect(figures.sloAttainment).toBe(summary.slo!.attainment);
    expect(figures.dollars).toBe(summary.cost!.dollars);
    expect(figures.dollars).toBeGreaterThan(0);
  });

  it('flow into a sweep’s results with their interval like every figure', () => {
    const plan = planOf(
      smallSweep({
        base: { ...SMALL_BASE, slo: { thresholdMs: 30, objective: 0.9 }, cost: {} },
        strategies: ['random', 'least-connections'],
        vary: { field: 'load', values: [0.8] },
      }),
    );
    expect(plan.header.figures.slice(-2)).toEqual(['sloAttainment', 'dollars']);
    const runs = Array.from({ length: 6 }, (_, i) => runOne(plan, i));
    const result = JSON.parse(resultJson(assembleResult(plan.header, runs))) as {
      points: { strategy: string; figures: Record<string, { mean: number; values: number[] }> }[];
    };
    const [random, leastConnections] = result.points;
    // Four servers for 2 s at $0.10 an hour, whatever the strategy: $0.0002 (to 4 decimals).
    expect(random!.figures.dollars!.values).toEqual([0.0002, 0.0002, 0.0002]);
    // At load 0.8 least connections meets a 30 ms threshold (three mean services) far more often
    // than random routing's M/M/1 queues, where P(T <= t) = 1 - e^(-(mu - lambda) t) = 1 - e^-0.6,
    // about 0.45 (mu = 100/s, lambda = 80/s per server).
    expect(leastConnections!.figures.sloAttainment!.mean).toBeGreaterThan(
      random!.figures.sloAttainment!.mean,
    );
  });
});
