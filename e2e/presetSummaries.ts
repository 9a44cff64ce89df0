/**
 * Every built-in preset run to its end, as `npm run sim -- --json` summarises it, with the count
 * of events the run handled: run by replay.spec.ts once in Node and once, bundled, in Chromium.
 */
import { PRESETS } from '../src/engine/scenario/presets.ts';
import { Simulation } from '../src/engine/simulation.ts';
import { summarize } from '../src/engine/summary.ts';
import { scenarioOf } from '../src/engine/testing/scenarioOf.ts';

/** Preset id → its run's summary and event count as JSON text. */
export function presetSummaries(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const preset of PRESETS) {
    const sim = new Simulation(scenarioOf(preset.raw));
    sim.runToEnd();
    out[preset.id] = JSON.stringify({ summary: summarize(sim), events: sim.eventsProcessed });
  }
  return out;
}
