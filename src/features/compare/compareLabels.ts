import { STRATEGY_INFO } from '../../engine/strategies/index.ts';
import type { CompareVariantResult } from '../../worker/protocol.ts';

/** A column's name: the strategy's label, with d for power of d choices. */
export function strategyTitle(v: Pick<CompareVariantResult, 'strategy' | 'options'>): string {
  const label = STRATEGY_INFO[v.strategy].label;
  return v.strategy === 'power-of-two-choices' ? `${label} (d = ${v.options.choices})` : label;
}
