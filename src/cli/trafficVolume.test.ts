import { describe, expect, it } from 'vitest';
import { parseScenario } from '../engine/scenario/schema.ts';
import type { Scenario } from '../engine/scenario/types.ts';
import { Simulation } from '../engine/simulation.ts';
import { certainRequests, requestsOf, trafficVolume } from './trafficVolume.ts';

function scenario(raw: object): Scenario {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}

describe('traffic volume', () => {
  it('counts bursts exactly, those within the run only', () => {
    const burst = { kind: 'burst', at: 1000, burst: 7 } as const;
    expect(requestsOf(burst, Infinity)).toBe(7);
    expect(requestsOf(burst, 1000)).toBe(7); // an event at the last instant still runs
    expect(requestsOf(burst, 999)).toBe(0);
  });

  it('integrates steady and ramped rates over the part of their span within the run', () => {
    const steady = { kind: 'poisson', from: 1000, to: 11_000, ratePerSec: 20 } as const;
    expect(requestsOf(steady, Infinity)).toBe(200);
    expect(requestsOf(steady, 6000)).toBe(100);
    expect(requestsOf(steady, 500)).toBe(0);
    // 0 to 100 per second over 10 s: a triangle of 500; cut at 5 s, rate 50 there: 125.
    const ramp = {
      kind: 'ramp',
      from: 0,
      to: 10_000,
      startRatePerSec: 0,
      endRatePerSec: 100,
    } as const;
    expect(requestsOf(ramp, Infinity)).toBe(500);
    expect(requestsOf(ramp, 5000)).toBe(125);
    expect(requestsOf({ ...ramp, startRatePerSec: 100, endRatePerSec: 0 }, 5000)).toBe(375);
  });

  it('integrates daily patterns and traces, and counts spikes on the rates they multiply', () => {
    const day = {
      kind: 'diurnal',
      from: 0,
      to: 86_400_000,
      troughRatePerSec: 10,
      peakRatePerSec: 30,
      periodMs: 86_400_000,
      phaseMs: 43_200_000,
    } as const;
    // A whole period of a sinusoid averages its middle: 20 per second for a day.
    expect(requestsOf(day, Infinity)).toBeCloseTo(20 * 86_400, 6);
    const trace = {
      kind: 'trace',
      trace: [
        [0, 0],
        [10_000, 100],
        [20_000, 100],
      ],
    } as const;
    expect(requestsOf(trace, Infinity)).toBeCloseTo(500 + 1000, 9);
    const steady = { kind: 'poisson', from: 0, to: 10_000, ratePerSec: 10 } as const;
    const spike = { kind: 'spike', from: 2000, to: 4000, multiplier: 5 } as const;
    expect(requestsOf(spike, Infinity)).toBe(0);
    expect(requestsOf(steady, Infinity, [spike])).toBeCloseTo(80 + 100, 9);
    const v = trafficVolume(
      scenario({
        traffic: [
          { from: 0, to: 10_000, ratePerSec: 10 },
          { from: 2000, to: 4000, multiplier: 5 },
        ],
      }),
    );
    expect(v.expected).toBeCloseTo(180, 9);
  });

  it('adds a scenario up and names its largest entry', () => {
    const s = scenario({
      traffic: [
        { at: 0, burst: 10 },
        { from: 0, to: 1e9, ratePerSec: 1e7 },
        { at: 2e9 - 1e9, burst: 5 },
      ],
      durationMs: 1e9,
    });
    const v = trafficVolume(s);
    expect(v).toEqual({
      burst: 15,
      expected: 1e13,
      entries: 3,
      largest: { index: 1, requests: 1e13 },
    });
  });

  it('takes the Poisson count six deviations below its mean as certain', () => {
    expect(certainRequests({ burst: 10, expected: 0, entries: 1, largest: null })).toBe(10);
    expect(certainRequests({ burst: 0, expected: 10_000, entries: 1, largest: null })).toBe(9400);
    expect(certainRequests({ burst: 0, expected: 16, entries: 1, largest: null })).toBe(0);
  });

  it('matches what the engine sends, within the Poisson spread', () => {
    const s = scenario({
      servers: [{ name: 'a', capacity: 1000 }],
      traffic: [
        { at: 0, burst: 100 },
        { from: 0, to: 20_000, ratePerSec: 200 },
        { from: 5000, to: 15_000, startRatePerSec: 0, endRatePerSec: 400 },
      ],
      durationMs: 12_000,
    });
    const v = trafficVolume(s);
    // 100 + 200 × 12 s, + 7 s of the 10 s ramp: its rate then 280, so (0 + 280) / 2 × 7 = 980.
    expect(v.burst).toBe(100);
    expect(v.expected).toBeCloseTo(2400 + 980, 9);
    const sim = new Simulation(s, { logRequests: false });
    sim.runToEnd();
    const sent = sim.metrics.arrived;
    expect(sent).toBeGreaterThanOrEqual(certainRequests(v));
    expect(Math.abs(sent - 100 - v.expected)).toBeLessThan(6 * Math.sqrt(v.expected));
  });
});
