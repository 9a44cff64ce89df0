import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/schema.ts';
import { Simulation } from '../simulation.ts';
import { summarize } from '../summary.ts';
import { traceDigest, traceRun } from '../testing/goldenTrace.ts';
import { scenarioOf } from '../testing/scenarioOf.ts';
import { SUMMARY_CASES, TRACE_CASES, withSeed } from './cases.ts';
import summaries from './summaries.golden.json';
import traces from './traces.golden.json';

/*
 * Golden results, written by `scripts/writeGolden.ts` from the real `npm run sim -- … --json`
 * output. A change to the engine's structure or speed must leave every byte of them as it is; a
 * mismatch means results moved, and a float that moves in its last digit is a bug to find (an
 * operation reordered, a sum split in two), not a fixture to rewrite.
 */

describe('golden --json summaries', () => {
  it.each(SUMMARY_CASES.map((c) => [c.id, c] as const))('%s', (id, c) => {
    // Exactly what src/cli/sim.ts does with the same arguments.
    const parsed = parseScenario(withSeed(c));
    if (!parsed.ok) throw new Error(`${id}: invalid scenario`);
    const sim = new Simulation(parsed.scenario, { logRequests: false });
    sim.runToEnd();
    const printed = `${JSON.stringify(summarize(sim), null, 2)}\n`;
    expect(printed).toBe((summaries as Record<string, string>)[id]);
  });
});

describe('golden traced runs (log, picks, routes, series, checkpoints)', () => {
  it.each(TRACE_CASES.map((c) => [c.id, c] as const))('%s', (id, c) => {
    const digest = traceDigest(traceRun(scenarioOf(withSeed(c))));
    expect(digest).toEqual((traces as Record<string, unknown>)[id]);
  });
});
