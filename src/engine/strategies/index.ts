import { ConsistentHashStrategy, consistentHashInfo } from './consistentHash.ts';
import { LeastConnectionsStrategy, leastConnectionsInfo } from './leastConnections.ts';
import { MaglevStrategy, maglevInfo } from './maglev.ts';
import { ModuloHashStrategy, moduloHashInfo } from './moduloHash.ts';
import { PeakEwmaStrategy, peakEwmaInfo } from './peakEwma.ts';
import { PowerOfTwoChoicesStrategy, powerOfTwoChoicesInfo } from './powerOfTwoChoices.ts';
import { RandomStrategy, randomInfo } from './randomChoice.ts';
import { RoundRobinStrategy, roundRobinInfo } from './roundRobin.ts';
import type {
  Strategy,
  StrategyChoice,
  StrategyInfo,
  StrategyName,
  StrategyOptions,
} from './strategy.ts';
import { WeightedRoundRobinStrategy, weightedRoundRobinInfo } from './weightedRoundRobin.ts';

/** A fresh strategy with its own state; options a strategy does not use are ignored. */
export function createStrategy(name: StrategyName, options?: StrategyOptions): Strategy {
  switch (name) {
    case 'round-robin':
      return new RoundRobinStrategy();
    case 'least-connections':
      return new LeastConnectionsStrategy();
    case 'random':
      return new RandomStrategy();
    case 'weighted-round-robin':
      return new WeightedRoundRobinStrategy();
    case 'power-of-two-choices':
      return new PowerOfTwoChoicesStrategy(options);
    case 'consistent-hash':
      return new ConsistentHashStrategy(options);
    case 'peak-ewma':
      return new PeakEwmaStrategy(options);
    case 'modulo-hash':
      return new ModuloHashStrategy();
    case 'maglev':
      return new MaglevStrategy();
  }
}

/** The user's own strategy, as the UI introduces it (the code itself runs in src/sandbox). */
const customInfo: StrategyInfo = {
  name: 'custom',
  label: 'Custom (your code)',
  explanation:
    'Your own selectServer(servers, request, state, pool), shaped like the original demo’s select_server, written in the editor and called for every request inside a QuickJS sandbox (WebAssembly): no page, network or timers, a memory cap and a time limit per call. Math.random is the run’s seeded strategy stream, so a run replays exactly.',
};

/** What the UI says about each strategy, the user's own included. */
export const STRATEGY_INFO: Record<StrategyChoice, StrategyInfo> = {
  'round-robin': roundRobinInfo,
  'least-connections': leastConnectionsInfo,
  random: randomInfo,
  'weighted-round-robin': weightedRoundRobinInfo,
  'power-of-two-choices': powerOfTwoChoicesInfo,
  'consistent-hash': consistentHashInfo,
  'peak-ewma': peakEwmaInfo,
  'modulo-hash': moduloHashInfo,
  maglev: maglevInfo,
  custom: customInfo,
};

export {
  CUSTOM_STRATEGY,
  MAX_TRACE_CANDIDATES,
  STRATEGY_NAMES,
  newPickTrace,
  resetPickTrace,
} from './strategy.ts';
export type {
  PickContext,
  PickTrace,
  Strategy,
  StrategyChoice,
  StrategyInfo,
  StrategyName,
  StrategyOptions,
} from './strategy.ts';
