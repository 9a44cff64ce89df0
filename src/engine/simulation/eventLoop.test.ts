import { describe, expect, it } from 'vitest';
import { PRESETS } from '../scenario/presets.ts';
import { Simulation } from '../simulation.ts';
import { summarize } from '../summary.ts';
import { scenarioOf } from '../testing/scenarioOf.ts';

/*
 * One event loop (runEvents) serves a run to its end (the CLI, benchmarks, "max") and runUntil (to
 * a time: the live session's speeds, replays), which goes on past the point where a run to the end
 * stops and may be cut by an event budget. Up to the same time, both must run exactly the same
 * events the same way, whatever the mix of kinds.
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
