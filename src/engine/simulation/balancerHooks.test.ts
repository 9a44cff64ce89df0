import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation.ts';
import type { Strategy } from '../strategies/strategy.ts';
import { scenarioOf } from '../testing/scenarioOf.ts';

const traffic = [{ from: 0, to: 5_000, ratePerSec: 20 }];

/** A strategy that sends everything to the first healthy server and counts what it hears. */
function listening() {
  const heard = { dispatched: 0, completed: 0, latencies: [] as number[] };
  const strategy: Strategy = {
    name: 'custom',
    pick: (pool) => pool.members.find((slot) => pool.healthy[slot] === 1) ?? -1,
    onDispatch: () => void heard.dispatched++,
    onComplete: (_slot, latencyMs) => {
      heard.completed++;
      heard.latencies.push(latencyMs);
    },
  };
  return { strategy, heard };
}

/*
 * The hot path calls a balancer's dispatch, departure and answer hooks only while
 * `balancers.hooked` says someone listens (core.ts, sender.ts): a strategy or setting that listens
 * must turn it on, at the start and after a switch, or its hooks silently stop being called.
 */
describe('balancer hooks', () => {
  it('are off for strategies that hear nothing, and on for one balancer of many or peak EWMA', () => {
    const hooked = (extra: Record<string, unknown>) =>
      new Simulation(scenarioOf({ traffic, ...extra })).balancers.hooked;
    expect(hooked({})).toBe(false);
    expect(hooked({ strategy: 'power-of-two-choices' })).toBe(false);
    expect(hooked({ strategy: 'least-connections' })).toBe(false);
    expect(hooked({ strategy: 'peak-ewma' })).toBe(true);
    expect(hooked({ resilience: { balancers: { count: 2, loadUpdateMs: 0 } } })).toBe(true);
    expect(hooked({ resilience: { balancers: { count: 1, loadUpdateMs: 100 } } })).toBe(true);
  });

  it('follow a switch of strategy mid-run', () => {
    const sim = new Simulation(scenarioOf({ traffic }));
    sim.runUntil(1_000);
    sim.setStrategy('peak-ewma');
    expect(sim.balancers.hooked).toBe(true);
    sim.setStrategy('random');
    expect(sim.balancers.hooked).toBe(false);
  });

  it('reach a strategy that listens: every dispatch and every answer, with its latency', () => {
    const { strategy, heard } = listening();
    // The scenario names code for the sandbox; this run is given the strategy object instead.
    const raw = {
      strategy: 'custom',
      customStrategy: { code: 'unused' },
      cache: { placement: 'off' }, // every request served in 200–600 ms
      traffic,
    };
    const sim = new Simulation(scenarioOf(raw), { customStrategy: () => strategy });
    sim.runToEnd();
    const m = sim.metrics;
    expect(m.served).toBeGreaterThan(50);
    // The first server takes everything it can; the rest are rejected as overloaded.
    expect(heard.dispatched).toBe(m.served);
    expect(heard.completed).toBe(m.served);
    expect(Math.min(...heard.latencies)).toBeGreaterThanOrEqual(200);
    expect(Math.max(...heard.latencies)).toBeLessThanOrEqual(600);
  });
});
