import { expect } from 'vitest';
import type { Scenario } from '../scenario/types.ts';
import { Simulation } from '../simulation.ts';
import { summarize } from '../summary.ts';

/**
 * Runs `scenario` to its end checking that every request was sent to a server that was healthy,
 * as the balancer saw it, just before (events that route one request only; a burst routes many).
 */
export function expectRoutesOnlyToHealthy(scenario: Scenario): void {
  const sim = new Simulation(scenario, { logRequests: false });
  const pool = sim.pool;
  let lastRoute = 0;
  const eligible: boolean[] = [];
  const remember = () => {
    for (let s = 0; s < pool.size; s++) eligible[s] = pool.healthy[s] === 1;
  };
  remember();
  while (sim.step()) {
    const routes = sim.metrics.routes;
    if (routes.total === lastRoute + 1) {
      const dest = routes.since(lastRoute).dests[0]!;
      if (dest >= 0) expect(eligible[dest]).toBe(true);
    }
    lastRoute = routes.total;
    remember();
  }
}

/** Two runs of the same scenario and seed give the same summary and the same log. */
export function expectDeterministic(scenario: Scenario): void {
  const a = new Simulation(scenario);
  const b = new Simulation(scenario);
  a.runToEnd();
  b.runToEnd();
  expect(summarize(a)).toEqual(summarize(b));
  expect(a.metrics.log.entries()).toEqual(b.metrics.log.entries());
}
