/**
 * The CLI's side of a scenario with `"strategy": "custom"`: QuickJS is compiled only for such a
 * run, and the code runs in the same sandbox as in the page's worker.
 */
import type { Scenario } from '../engine/scenario/types.ts';
import type { SimulationOptions } from '../engine/simulation.ts';
import { customStrategyFactory } from '../sandbox/customStrategyFactory.ts';
import { nodeSandboxHost } from '../sandbox/node/nodeSandboxHost.ts';
import { SandboxError } from '../sandbox/sandboxError.ts';

/** The options that let `scenario` run its own strategy (none when it does not use one). */
export async function customStrategyOptions(
  scenario: Scenario,
): Promise<Pick<SimulationOptions, 'customStrategy'>> {
  if (scenario.strategy !== 'custom') return {};
  const factory = customStrategyFactory(scenario, await nodeSandboxHost());
  return factory === undefined ? {} : { customStrategy: factory };
}

/** The sentence for a strategy's failure (it names the line), or null for any other error. */
export function strategyFailureMessage(error: unknown): string | null {
  if (!(error instanceof SandboxError)) return null;
  const what = error.where === 'load' ? 'does not load' : 'failed';
  return `the custom strategy ${what}: ${error.message}`;
}
