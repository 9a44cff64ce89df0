import { describe, expect, it } from 'vitest';
import { PRESETS } from '../scenario/presets.ts';
import { Simulation } from '../simulation.ts';
import { summarize } from '../summary.ts';
import { scenarioOf } from '../testing/scenarioOf.ts';

/*
 * The core handles events in two places: runEvents' loop (as fast as possible: the CLI, benchmarks
 * and "max") and runUntil's `handle` (to a time: the live session's speeds, replays). Both must
 * run exactly the same events the same way, whatever the mix of kinds.
 */
const run = (id: string, drive: (sim: Simulation) => void) => {
  const raw = PRESETS.find((p) => p.id === id)!.raw as Record<string, unknown>;
  // A duration, so that both ways end at the same time with the same events run.
  const sim = new Simulation(scenarioOf({ ...raw, durationMs: 40_000 }), { logRequests: true });
  drive(sim);
  return {
    summary: JSON.stringify(summarize(sim)),
    events: sim.eventsProcessed,
    now: sim.now,
    log: sim.metrics.log.total,
  };
};

describe('the event loop', () => {
  it.each(['retry-storm', 'sinkhole-outlier-ejection', 'crash-health-checks', 'cold-starts'])(
    '%s: runUntil in slices of 250 ms, and in budgets of 37 events, runs what runToEnd runs',
    (id) => {
      const whole = run(id, (sim) => sim.runToEnd());
      const sliced = run(id, (sim) => {
        for (let t = 250; t <= 40_000; t += 250) sim.runUntil(t);
      });
      const budgeted = run(id, (sim) => {
        while (!sim.runUntil(40_000, 37));
      });
      expect(whole.events).toBeGreaterThan(1000);
      expect(sliced).toEqual(whole);
      expect(budgeted).toEqual(whole);
    },
  );
});
