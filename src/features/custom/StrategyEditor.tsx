import { useMemo } from 'react';
import type { SandboxErrorInfo } from '../../sandbox/sandboxError.ts';
import { DEFAULT_STRATEGY_CODE, STRATEGY_TEMPLATES } from '../../sandbox/templates.ts';
import { useApp } from '../../store/hooks.tsx';
import { ApiReference } from './ApiReference.tsx';
import { CodeEditor, type CodeProblem } from './CodeEditor.tsx';

/** A problem as the editor marks it. */
function problemOf(error: SandboxErrorInfo): CodeProblem {
  return { line: error.line, column: error.column, message: error.message };
}

/**
 * The strategy editor: start from one of the demo's strategies, write selectServer, see each
 * error on its line as you type (the code is checked in the worker's sandbox), and run it.
 */
export function StrategyEditor() {
  const stored = useApp((s) => s.strategyCode.draft);
  const check = useApp((s) => s.strategyCode.check);
  const checkedCode = useApp((s) => s.strategyCode.checkedCode);
  const setDraft = useApp((s) => s.strategyCode.setDraft);
  const draft = stored ?? DEFAULT_STRATEGY_CODE;
  const stale = checkedCode !== draft;
  const problems = useMemo<CodeProblem[]>(
    () => (check !== null && !check.ok && !stale ? [problemOf(check.error)] : []),
    [check, stale],
  );

  return (
    <div className="strategy-editor">
      <div className="strategy-editor-bar">
        <label>
          Start from{' '}
          <select
            data-testid="strategy.template"
            value=""
            onChange={(e) => {
              const template = STRATEGY_TEMPLATES.find((t) => t.id === e.target.value);
              if (template) setDraft(template.code);
            }}
          >
            <option value="">a template…</option>
            {STRATEGY_TEMPLATES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <CodeEditor
        value={draft}
        onChange={setDraft}
        problems={problems}
        label="Your strategy's code"
        testId="strategy.editor"
      />
      <p className="strategy-check" aria-live="polite" data-testid="strategy.check">
        {check === null || stale ? (
          ''
        ) : check.ok ? (
          <span className="strategy-ok">✓ The code loads and defines selectServer.</span>
        ) : (
          <span className="strategy-problem">{check.error.message}</span>
        )}
      </p>
      <ApiReference />
    </div>
  );
}
