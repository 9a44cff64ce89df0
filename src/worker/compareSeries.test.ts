import { describe, expect, it } from 'vitest';
import { Simulation } from '../engine/simulation.ts';
import { scenarioOf } from '../engine/testing/scenarioOf.ts';
import { SeriesCollector } from './compareSeries.ts';

describe('SeriesCollector', () => {
  const setup = scenarioOf({
    servers: [{ name: 'S', capacity: 4, queueLimit: null }],
    traffic: [{ from: 0, to: 20_000, ratePerSec: 8 }],
  });

  it('keeps a whole run although the ring buffers hold only the last samples', () => {
    const sim = new Simulation(setup, { logRequests: false, historyLength: 50 });
    const series = new SeriesCollector();
    for (let t = 2000; t <= 20_000; t += 2000) {
      sim.runUntil(t);
      series.collect(sim.metrics);
    }
    // 200 samples of 100 ms, each taken once, in order.
    const out = series.finish(1, 100);
    expect(out.length).toBe(200);
    expect(out.time[0]).toBe(100);
    expect(out.time[199]).toBe(20_000);
    const served = out.throughputPerSec.reduce((s, v) => s + v / 10, 0);
    expect(served).toBeCloseTo(sim.metrics.served, 6);
  });

  it('merges neighbouring intervals: rates averaged, percentiles the highest', () => {
    const sim = new Simulation(setup, { logRequests: false });
    sim.runUntil(20_000);
    const series = new SeriesCollector();
    series.collect(sim.metrics);
    const one = series.finish(1, 100);
    const merged = series.finish(4, 100);
    expect(merged.length).toBe(50);
    expect(merged.time[0]).toBe(400);
    expect(merged.throughputPerSec[0]).toBeCloseTo(
      (one.throughputPerSec[0]! +
        one.throughputPerSec[1]! +
        one.throughputPerSec[2]! +
        one.throughputPerSec[3]!) /
        4,
      9,
    );
    const p99 = Array.from(one.p99.subarray(4, 8)).filter(Number.isFinite);
    expect(merged.p99[1]).toBe(p99.length > 0 ? Math.max(...p99) : NaN);
  });
});
