/**
 * Long runs against queueing theory. Each check names its formula and tolerance; the runs are
 * seeded, so a pass is reproducible, and long enough that the tolerance is several standard
 * errors of the simulated estimate.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { STRATEGY_NAMES } from './strategies/strategy.ts';
import { summarize } from './summary.ts';
import { scenarioOf } from './testing/scenarioOf.ts';
import { cheHitRate, erlangB, mm1, zipfProbabilities } from './theory.ts';

function run(raw: Record<string, unknown>) {
  const sim = new Simulation(scenarioOf(raw), { logRequests: false });
  sim.runToEnd();
  return { sim, summary: summarize(sim) };
}

describe('fidelity: the demo semantics are an Erlang loss system', () => {
  // Servers of capacity 3, 2 and 4 (9 slots), no queues: a request is lost only when all are full,
  // whatever the strategy, so blocking is Erlang B(9, a) for any service distribution.
  const meanMs = 400;
  const offered = 7; // erlangs
  const rate = (offered / meanMs) * 1000;
  const expected = erlangB(9, offered);

  for (const strategy of STRATEGY_NAMES) {
    it(`${strategy}: blocking within 0.01 of Erlang B (${expected.toFixed(4)})`, () => {
      const { summary } = run({
        seed: 11,
        strategy,
        cache: { placement: 'off' },
        service: { distribution: 'exponential', meanMs },
        traffic: [{ from: 0, to: (150_000 / rate) * 1000, ratePerSec: rate }],
      });
      const blocking = summary.requests.rejected / summary.requests.total;
      expect(summary.requests.rejectedByReason.overloaded).toBe(0);
      expect(Math.abs(blocking - expected)).toBeLessThan(0.01);
    });
  }

  it('holds for uniform 200–600 ms service too (insensitivity)', () => {
    const { summary } = run({
      seed: 5,
      traffic: [{ from: 0, to: (150_000 / rate) * 1000, ratePerSec: rate }],
      cache: { placement: 'off' },
    });
    expect(Math.abs(summary.requests.rejected / summary.requests.total - expected)).toBeLessThan(
      0.01,
    );
  });
});

describe('fidelity: random routing to queued servers is M/M/1 per server', () => {
  it('mean and p90 response time within 5% of M/M/1', () => {
    const servers = 4;
    const meanMs = 100; // mu = 0.01 per ms
    const perServer = 5; // per second, rho = 0.5
    const { summary } = run({
      seed: 3,
      strategy: 'random',
      servers: Array.from({ length: servers }, (_, i) => ({
        name: `S${i}`,
        capacity: 1,
        queueLimit: null,
      })),
      cache: { placement: 'off' },
      service: { distribution: 'exponential', meanMs },
      traffic: [{ from: 0, to: 20_000_000, ratePerSec: perServer * servers }],
    });
    const theory = mm1(perServer / 1000, 1 / meanMs)!;
    expect(summary.requests.rejected).toBe(0);
    expect(Math.abs(summary.latencyMs.mean! / theory.meanResponseMs - 1)).toBeLessThan(0.05);
    // M/M/1 response time is exponential with mean 1/(mu - lambda): p90 = ln(10) times the mean.
    const p90 = Math.log(10) * theory.meanResponseMs;
    expect(Math.abs(summary.latencyMs.p90! / p90 - 1)).toBeLessThan(0.05);
  });
});

describe('fidelity: a shared LRU under Zipf keys follows the Che approximation', () => {
  for (const [capacity, count, zipf] of [
    [128, 5000, 0.8],
    [100, 1000, 1.1],
  ] as const) {
    it(`capacity ${capacity}, ${count} keys, zipf ${zipf}: hit rate within 0.015 of Che`, () => {
      const { summary } = run({
        seed: 9,
        servers: [{ name: 'S', capacity: 1000 }],
        // Light load and quick service, so a miss is stored before the next look-up.
        service: { distribution: 'constant', ms: 0.01 },
        cache: { placement: 'shared', capacity, hitMs: 0 },
        keys: { count, zipf },
        traffic: [{ from: 0, to: 2_000_000, ratePerSec: 100 }],
      });
      const che = cheHitRate(capacity, zipfProbabilities(count, zipf));
      expect(Math.abs(summary.cache.hitRate! - che)).toBeLessThan(0.015);
    });
  }
});
