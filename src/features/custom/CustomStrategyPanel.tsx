import { StrategyEditor } from './StrategyEditor.tsx';

/**
 * The "Custom" strategy's part of the strategy panel: the editor and its run button. Loaded on
 * demand (features/custom/index.ts) when someone chooses Custom or the run already uses it, so
 * CodeMirror is never in the first screen's script.
 */
export function CustomStrategyPanel() {
  return (
    <div className="custom-strategy" data-testid="strategy.customPanel">
      <StrategyEditor />
    </div>
  );
}
