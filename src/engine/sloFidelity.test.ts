/**
 * The SLO's attainment against queueing theory: under random routing each of n servers is an
 * M/M/1 queue (Poisson arrivals split at random stay Poisson), whose response time is
 * exponential with rate mu - lambda, so the share served within t is 1 - exp(-(mu - lambda) t).
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { summarize } from './summary.ts';
import { scenarioOf } from './testing/scenarioOf.ts';

describe('fidelity: SLO attainment under random routing to M/M/1 servers', () => {
  const servers = 4;
  const meanMs = 100; // mu = 10 per second
  const perServer = 5; // lambda per server: rho = 0.5, so mu - lambda = 5 per second
  for (const thresholdMs of [100, 300, 600]) {
    const theory = 1 - Math.exp(-(1 / meanMs - perServer / 1000) * thresholdMs);
    it(`within ${thresholdMs} ms: ${theory.toFixed(4)} of requests, to within 0.01`, () => {
      const sim = new Simulation(
        scenarioOf({
          seed: 21,
          strategy: 'random',
          servers: Array.from({ length: servers }, (_, i) => ({
            name: `S${i}`,
            capacity: 1,
            queueLimit: null,
          })),
          cache: { placement: 'off' },
          service: { distribution: 'exponential', meanMs },
          traffic: [{ from: 0, to: 10_000_000, ratePerSec: perServer * servers }],
          slo: { thresholdMs, objective: 0.5 },
        }),
        { logRequests: false },
      );
      sim.runToEnd();
      const slo = summarize(sim).slo!;
      expect(summarize(sim).requests.rejected).toBe(0);
      expect(Math.abs(slo.attainment! - theory)).toBeLessThan(0.01);
    });
  }
});
