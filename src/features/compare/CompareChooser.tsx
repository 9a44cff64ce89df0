import { STRATEGY_INFO } from '../../engine/strategies/index.ts';
import { COMPARE_CHOICES, MAX_COMPARED } from '../../store/compareSlice.ts';
import { useApp } from '../../store/hooks.tsx';
import { DraftField } from '../../ui/DraftField.tsx';
import { wholeNumber } from '../../ui/fieldRules.ts';
import '../../ui/Controls.css';

/**
 * Which strategies a comparison runs (two to four, as checkboxes), the d of power of d choices,
 * and the button that runs them.
 */
export function CompareChooser() {
  const selected = useApp((s) => s.compare.selected);
  const choices = useApp((s) => s.compare.choices);
  const running = useApp((s) => s.compare.job !== null);
  const toggle = useApp((s) => s.compare.toggle);
  const setChoices = useApp((s) => s.compare.setChoices);
  const run = useApp((s) => s.compare.run);
  const servers = useApp((s) => s.snapshot?.setup.servers.length ?? 0);
  const ready = useApp((s) => s.snapshot !== null);
  const full = selected.length >= MAX_COMPARED;
  const maxD = Math.max(1, servers);

  return (
    <div className="compare-chooser">
      <fieldset className="compare-strategies">
        <legend>Strategies to compare (2 to {MAX_COMPARED})</legend>
        {COMPARE_CHOICES.map((name) => {
          const on = selected.includes(name);
          return (
            <label key={name} className={`compare-strategy ${on ? 'is-chosen' : ''}`}>
              <input
                type="checkbox"
                data-testid="compare.strategy"
                data-strategy={name}
                checked={on}
                disabled={running || (!on && full)}
                onChange={() => toggle(name)}
              />
              {STRATEGY_INFO[name].label}
            </label>
          );
        })}
      </fieldset>
      {selected.includes('power-of-two-choices') && (
        <DraftField
          id="compare-choices"
          label="Power of d choices: d"
          testId="compare.choices"
          value={String(Math.min(choices, maxD))}
          rule={wholeNumber('d', 1, maxD)}
          inputMode="numeric"
          hint={`1 = random … ${maxD} = every server (least connections)`}
          disabled={running}
          className="is-inline"
          onCommit={(d) => {
            setChoices(d);
            return true;
          }}
        />
      )}
      <div className="compare-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="compare.run"
          disabled={!ready || running || selected.length < 2}
          aria-busy={running}
          onClick={() => void run()}
        >
          {running ? 'Running…' : 'Run comparison'}
        </button>
        {selected.length < 2 && <span className="compare-muted">Choose at least two.</span>}
        {full && !running && (
          <span className="compare-muted">Four at most: untick one to pick another.</span>
        )}
      </div>
    </div>
  );
}
