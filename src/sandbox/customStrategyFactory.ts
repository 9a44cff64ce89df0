import type { Scenario } from '../engine/scenario/types.ts';
import type { Strategy } from '../engine/strategies/strategy.ts';
import type { SandboxHost } from './sandboxHost.ts';
import { SandboxStrategy } from './sandboxStrategy.ts';

/**
 * What a Simulation needs to run a scenario's own strategy (SimulationOptions.customStrategy):
 * each balancer gets the code loaded into a sandbox of its own, on `host`. Undefined when the
 * scenario does not use its code. Loading throws a SandboxError when the code does not load.
 */
export function customStrategyFactory(
  scenario: Pick<Scenario, 'strategy' | 'customStrategy'>,
  host: SandboxHost,
): (() => Strategy) | undefined {
  const code = scenario.customStrategy?.code;
  if (code === undefined) return undefined;
  return () => new SandboxStrategy(host.load(code));
}
