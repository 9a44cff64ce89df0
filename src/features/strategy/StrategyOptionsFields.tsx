import type { StrategyChoice, StrategyOptions } from '../../engine/strategies/index.ts';
import { useShallow, useApp } from '../../store/hooks.tsx';
import { DraftField } from '../../ui/DraftField.tsx';
import { ChoiceCount } from './ChoiceCount.tsx';
import { ruleFor, wholeNumber } from '../../ui/fieldRules.ts';
import { LIMITS } from '../../engine/scenario/limits.ts';

const nodesRule = ruleFor('virtual nodes', LIMITS.strategyOptions.virtualNodes);

/** The tunables of the chosen strategy, if it has any; a change restarts that strategy's state. */
export function StrategyOptionsFields({ strategy }: { readonly strategy: StrategyChoice }) {
  const options = useApp(useShallow((s) => s.snapshot?.strategyOptions ?? null));
  const servers = useApp((s) => s.snapshot?.setup.servers.length ?? 0);
  const command = useApp((s) => s.command);
  if (!options) return null;
  const set = (changes: StrategyOptions) =>
    command({ type: 'setStrategy', strategy, options: changes });

  if (strategy === 'power-of-two-choices') {
    return (
      <ChoiceCount
        value={options.choices}
        servers={servers}
        onChange={(choices) => set({ choices })}
      />
    );
  }
  if (strategy === 'peak-ewma') {
    return (
      <DraftField
        id="strategy-choices"
        label="Choices (d)"
        testId="strategy.choices"
        value={String(options.choices)}
        rule={wholeNumber('choices', 1, Math.max(1, servers))}
        inputMode="numeric"
        hint="How many servers are sampled for each request; the cheapest of them wins"
        onCommit={(choices) => set({ choices })}
      />
    );
  }
  if (strategy === 'consistent-hash') {
    return (
      <DraftField
        id="strategy-virtual-nodes"
        label="Virtual nodes"
        testId="strategy.virtualNodes"
        value={String(options.virtualNodes)}
        rule={nodesRule}
        inputMode="numeric"
        hint="Points per server on the hash ring; more points spread keys more evenly"
        onCommit={(virtualNodes) => set({ virtualNodes })}
      />
    );
  }
  return null;
}
