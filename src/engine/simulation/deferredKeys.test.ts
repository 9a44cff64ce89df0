import { afterEach, describe, expect, it, vi } from 'vitest';
import { Simulation } from '../simulation.ts';
import { summarize } from '../summary.ts';
import { scenarioOf } from '../testing/scenarioOf.ts';
import { DeferredKeys } from './deferredKeys.ts';

/** Overloaded enough that many requests are queued, hanging or retrying at each switch. */
const raw = {
  strategy: 'power-of-two-choices',
  servers: Array.from({ length: 10 }, (_, i) => ({ name: `S${i}`, capacity: 2 })),
  traffic: [{ from: 0, to: 60_000, ratePerSec: 75 }],
  cache: { placement: 'off' },
  resilience: { timeoutMs: 900, retry: { mode: 'naive', maxRetries: 2 } },
  keys: { count: 500, zipf: 0.8 },
};

type Step = [number, (sim: Simulation) => void];

/** The run's summary and hottest keys, with keys deferred as usual or (`eager`) always drawn. */
function play(steps: Step[], eager: boolean): string {
  if (eager) {
    const settle = DeferredKeys.prototype.settle;
    vi.spyOn(DeferredKeys.prototype, 'settle').mockImplementation(function (
      this: DeferredKeys,
      sampler,
      requests,
      arrived,
    ) {
      settle.call(this, sampler, requests, arrived, false);
    });
  }
  const sim = new Simulation(scenarioOf(raw), { logRequests: false });
  const deferredAtStart = sim.traffic.keyDraws.deferred;
  for (const [at, act] of steps) {
    sim.runUntil(at);
    act(sim);
  }
  sim.runToEnd();
  vi.restoreAllMocks();
  expect(deferredAtStart).toBe(!eager);
  return JSON.stringify(summarize(sim));
}

describe('deferred key draws', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each<[string, Step[]]>([
    [
      'a per-server cache turned on mid-run',
      [[20_000, (s) => s.setCache({ placement: 'per-server', capacity: 50, hitMs: 5 })]],
    ],
    [
      'a new key space, then hashing, then a shared cache',
      [
        [10_000, (s) => s.setKeys({ count: 2000, zipf: 1.1 })],
        [20_000, (s) => s.setStrategy('consistent-hash')],
        [30_000, (s) => s.setStrategy('random')],
        [40_000, (s) => s.setCache({ placement: 'shared', capacity: 100, hitMs: 2 })],
      ],
    ],
    [
      'uniform keys, then maglev',
      [
        [15_000, (s) => s.setKeys({ count: 300, zipf: 0 })],
        [30_000, (s) => s.setStrategy('maglev')],
      ],
    ],
  ])('give the same run as drawing every key: %s', (_name, steps) => {
    const deferred = play(steps, false);
    expect(deferred).toBe(play(steps, true));
    // The switch changed the run, so the keys drawn late were really read.
    expect(deferred).not.toBe(play([], false));
  });
});
