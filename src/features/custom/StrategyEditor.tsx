import { useMemo, useState } from 'react';
import type { SandboxErrorInfo } from '../../sandbox/sandboxError.ts';
import { DEFAULT_STRATEGY_CODE, STRATEGY_TEMPLATES } from '../../sandbox/templates.ts';
import { useApp } from '../../store/hooks.tsx';
import { ApiReference } from './ApiReference.tsx';
import { CodeEditor, type CodeProblem } from './CodeEditor.tsx';
import './custom.css';

/** A problem as the editor marks it. */
function problemOf(error: SandboxErrorInfo): CodeProblem {
  return { line: error.line, column: error.column, message: error.message };
}

/**
 * The strategy editor: start from one of the demo's strategies, write selectServer, see each
 * error on its line as you type (the code is checked in the worker's sandbox), and run it live:
 * the run switches to the code at once, and a failure during the run is marked on its line.
 */
export function StrategyEditor() {
  const stored = useApp((s) => s.strategyCode.draft);
  const check = useApp((s) => s.strategyCode.check);
  const checkedCode = useApp((s) => s.strategyCode.checkedCode);
  const setDraft = useApp((s) => s.strategyCode.setDraft);
  const checkNow = useApp((s) => s.strategyCode.checkNow);
  const command = useApp((s) => s.command);
  const fault = useApp((s) => s.snapshot?.strategyFault ?? null);
  const running = useApp((s) => s.snapshot?.strategy === 'custom');
  const runningCode = useApp((s) => s.snapshot?.setup.customStrategy?.code ?? null);
  const [busy, setBusy] = useState(false);
  const draft = stored ?? runningCode ?? DEFAULT_STRATEGY_CODE;
  const stale = checkedCode !== draft;
  // A failure in the run is about the code that ran: marked while the editor still shows it.
  const runFault = fault !== null && running && runningCode === draft ? fault : null;
  const problems = useMemo<CodeProblem[]>(() => {
    if (runFault !== null) return [problemOf(runFault)];
    return check !== null && !check.ok && !stale ? [problemOf(check.error)] : [];
  }, [check, stale, runFault]);

  async function run(): Promise<void> {
    setBusy(true);
    const ok = await command({ type: 'setStrategy', strategy: 'custom', code: draft });
    // Refused: the code does not load. The check marks where.
    if (!ok) await checkNow(draft);
    setBusy(false);
  }

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
        <button
          type="button"
          data-testid="strategy.reset"
          onClick={() => setDraft(DEFAULT_STRATEGY_CODE)}
          title="Replace the code with the least connections template"
        >
          Reset to template
        </button>
        {runningCode !== null && runningCode !== draft && (
          // A link or file brought code of its own: shown on request, so a draft is never lost.
          <button
            type="button"
            data-testid="strategy.showSetupCode"
            onClick={() => setDraft(runningCode)}
            title="Replace the editor's code with the code this setup carries (from a link, a file or your last run)"
          >
            Show the setup’s code
          </button>
        )}
        <button
          type="button"
          className="primary"
          data-testid="strategy.run"
          disabled={busy}
          onClick={() => void run()}
        >
          {running && runningCode === draft ? 'Run again' : 'Run this code'}
        </button>
      </div>
      <CodeEditor
        value={draft}
        onChange={setDraft}
        problems={problems}
        label="Your strategy's code"
        testId="strategy.editor"
      />
      <p className="strategy-check" aria-live="polite" data-testid="strategy.check">
        {runFault !== null ? (
          <span className="strategy-problem">
            The run stopped at that request: {runFault.message} Fix the code and run it again.
          </span>
        ) : check === null || stale ? (
          running && runningCode === draft ? (
            <span className="strategy-ok">✓ This code is running.</span>
          ) : (
            ''
          )
        ) : check.ok ? (
          <span className="strategy-ok">
            ✓ The code loads and defines selectServer.
            {running && runningCode === draft ? ' It is running.' : ''}
          </span>
        ) : (
          <span className="strategy-problem">{check.error.message}</span>
        )}
      </p>
      <ApiReference />
    </div>
  );
}
