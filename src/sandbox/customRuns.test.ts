/**
 * Whole runs with a strategy of the user's: the engine calls the sandboxed code as it calls a
 * built-in one, so the demo's strategies written in the API give the built-ins' summaries, figure
 * for figure (only the strategy's name differs), on presets with failures, retries and queues.
 */
import { describe, expect, test } from 'vitest';
import { PRESETS } from '../engine/scenario/presets.ts';
import { parseScenario } from '../engine/scenario/schema.ts';
import type { Scenario } from '../engine/scenario/types.ts';
import { Simulation } from '../engine/simulation.ts';
import type { StrategyName } from '../engine/strategies/strategy.ts';
import { summarize } from '../engine/summary.ts';
import { customStrategyFactory } from './customStrategyFactory.ts';
import { SandboxError } from './sandboxError.ts';
import { STRATEGY_TEMPLATES } from './templates.ts';
import { testHost } from './testing/sandboxed.ts';

function preset(id: string, strategy: string, code?: string): Scenario {
  const raw = PRESETS.find((p) => p.id === id)!.raw as object;
  const parsed = parseScenario({
    ...raw,
    strategy,
    ...(code === undefined ? {} : { customStrategy: { code } }),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}

async function run(scenario: Scenario) {
  const factory = customStrategyFactory(scenario, await testHost());
  const sim = new Simulation(scenario, { logRequests: false, customStrategy: factory });
  sim.runToEnd();
  sim.dispose();
  return summarize(sim);
}

const PRESET_IDS = [
  'classic',
  'steady-poisson',
  'unequal-servers',
  'server-failure',
  'retry-storm',
];

describe('a custom strategy gives the built-in summary, figure for figure', () => {
  const cases = STRATEGY_TEMPLATES.flatMap((t) =>
    PRESET_IDS.map((p) => [t.id, p, t.code] as const),
  );
  test.each(cases)('%s on %s', async (name: StrategyName, id, code) => {
    const builtIn = await run(preset(id, name));
    const custom = await run(preset(id, 'custom', code));
    expect(custom.strategy).toBe('custom');
    expect({ ...custom, strategy: name }).toEqual(builtIn);
    expect(builtIn.requests.total).toBeGreaterThan(0);
  });
});

describe('a custom strategy that fails stops the run at that request', () => {
  test('the error names the function’s line and what was returned', async () => {
    const code = `// picks the first server
function selectServer(servers, request) {
  if (request.id === 5) return { name: 'nobody' };
  return servers[0];
}`;
    const scenario = preset('classic', 'custom', code);
    const sim = new Simulation(scenario, {
      logRequests: false,
      customStrategy: customStrategyFactory(scenario, await testHost()),
    });
    let thrown: unknown = null;
    try {
      sim.runToEnd();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SandboxError);
    expect((thrown as SandboxError).line).toBe(2);
    expect((thrown as SandboxError).message).toMatch(
      /^Line 2: selectServer returned an object that is not one of the servers offered \(\{"name":"nobody"\}\)/,
    );
    // Requests 1 to 4 were placed; the fifth is where it stopped.
    expect(summarize(sim).requests.total).toBe(5);
    sim.dispose();
  });

  test('a scenario with custom code and no sandbox is refused when the run is built', () => {
    const scenario = preset('classic', 'custom', 'function selectServer(s) { return s[0]; }');
    expect(() => new Simulation(scenario)).toThrow(/no sandbox/);
  });
});
