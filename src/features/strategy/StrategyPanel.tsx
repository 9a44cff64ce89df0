import { useState } from 'react';
import {
  STRATEGY_INFO,
  STRATEGY_NAMES,
  type StrategyChoice,
  type StrategyName,
} from '../../engine/strategies/index.ts';
import { CustomStrategyPanel } from '../custom/index.ts';
import { useApp } from '../../store/hooks.tsx';
import { StrategyOptionsFields } from './StrategyOptionsFields.tsx';
import '../../ui/Controls.css';
import './StrategyPanel.css';

/**
 * Which balancing strategy places requests, switched live, with the chosen one explained in plain
 * words and its tunables (choices d, virtual nodes) below.
 */
export function StrategyPanel() {
  const strategy = useApp((s) => s.snapshot?.strategy ?? null);
  const command = useApp((s) => s.command);
  // The choice just made, shown until the snapshot confirms it (or the worker refuses it).
  const [chosen, setChosen] = useState<StrategyChoice | null>(null);
  const [seen, setSeen] = useState(strategy);
  if (seen !== strategy) {
    setSeen(strategy);
    setChosen(null);
  }
  const current = chosen ?? strategy;

  async function choose(name: StrategyName): Promise<void> {
    setChosen(name);
    if (!(await command({ type: 'setStrategy', strategy: name }))) setChosen(null);
  }

  return (
    <section className="panel strategy-panel" aria-labelledby="strategy-title">
      <h2 id="strategy-title">Strategy</h2>
      <div className="strategy-options" role="radiogroup" aria-labelledby="strategy-title">
        {STRATEGY_NAMES.map((name) => (
          <label key={name} className={`strategy-option ${name === current ? 'is-chosen' : ''}`}>
            <input
              type="radio"
              name="strategy"
              value={name}
              data-testid={`strategy.${name}`}
              checked={name === current}
              disabled={strategy === null}
              onChange={() => void choose(name)}
            />
            {STRATEGY_INFO[name].label}
          </label>
        ))}
        <label className={`strategy-option ${current === 'custom' ? 'is-chosen' : ''}`}>
          <input
            type="radio"
            name="strategy"
            value="custom"
            data-testid="strategy.custom"
            checked={current === 'custom'}
            disabled={strategy === null}
            // The run switches when the code is run (the editor's button), not on choosing.
            onChange={() => setChosen('custom')}
          />
          {STRATEGY_INFO.custom.label}
        </label>
      </div>
      {current && (
        <>
          <p className="strategy-explanation" data-testid="strategy.explanation" aria-live="polite">
            {STRATEGY_INFO[current].explanation}
          </p>
          {current === 'custom' ? (
            <CustomStrategyPanel />
          ) : (
            <StrategyOptionsFields strategy={current} />
          )}
        </>
      )}
    </section>
  );
}
