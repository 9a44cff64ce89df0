import { STRATEGY_INFO, STRATEGY_NAMES } from '../../engine/strategies/index.ts';
import { NAMED_FIELDS } from '../../engine/sweep/variants.ts';
import { SWEEP_PRESETS } from '../../engine/sweep/presets.ts';
import { useApp } from '../../store/hooks.tsx';
import { MAX_SWEEP_STRATEGIES } from '../../store/sweepSlice.ts';
import { DraftField } from '../../ui/DraftField.tsx';
import { decimal, wholeNumber } from '../../ui/fieldRules.ts';
import { draftOfPreset, MAX_RANGE_STEPS } from './sweepDraft.ts';
import type { FigureName } from '../../engine/sweep/figures.ts';
import '../../ui/Controls.css';

/** What each named field means, for the picker. */
const FIELD_HINTS: Record<string, string> = {
  load: 'offered load ÷ pool capacity (scales every traffic rate)',
  servers: 'pool size (copies of the first server)',
  capacity: 'slots per server',
  queueLimit: 'queue slots per server',
  choices: 'd of power of d choices',
  cacheCapacity: 'cache entries',
};

/**
 * The sweep's settings: a built-in sweep or the playground's setup as the base, the varied
 * number and its values (a range or a list), up to four strategies, replications and lengths.
 */
export function SweepForm() {
  const draft = useApp((s) => s.sweep.draft);
  const running = useApp((s) => s.sweep.job !== null);
  const setDraft = useApp((s) => s.sweep.setDraft);
  const setView = useApp((s) => s.sweep.setView);
  const full = draft.strategies.length >= MAX_SWEEP_STRATEGIES;
  const named = (NAMED_FIELDS as readonly string[]).includes(draft.field);
  const commit = (patch: Parameters<typeof setDraft>[0]) => {
    setDraft(patch);
    return true;
  };

  return (
    <div className="sweep-form">
      <div className="sweep-row">
        <label htmlFor="sweep-base">Start from</label>
        <select
          id="sweep-base"
          data-testid="sweep.preset"
          value={draft.presetId ?? ''}
          disabled={running}
          onChange={(e) => {
            const preset = SWEEP_PRESETS.find((p) => p.id === e.target.value);
            if (preset === undefined) {
              setDraft({ presetId: null, base: null, name: 'Latency against load' });
              return;
            }
            const { draft: next, figure } = draftOfPreset(preset, draft);
            setDraft(next);
            setView({ figure: figure as FigureName });
          }}
        >
          <option value="">the playground’s current setup</option>
          {SWEEP_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </div>
      {draft.presetId && (
        <p className="sweep-hint">
          {SWEEP_PRESETS.find((p) => p.id === draft.presetId)?.description}
        </p>
      )}
      <div className="sweep-row">
        <label htmlFor="sweep-field">Vary</label>
        <select
          id="sweep-field"
          data-testid="sweep.field"
          value={named ? draft.field : 'path'}
          disabled={running}
          onChange={(e) =>
            setDraft({
              field: e.target.value === 'path' ? 'resilience.retry.maxRetries' : e.target.value,
            })
          }
        >
          {NAMED_FIELDS.map((f) => (
            <option key={f} value={f}>
              {f}: {FIELD_HINTS[f]}
            </option>
          ))}
          <option value="path">another number, by its path in the scenario</option>
        </select>
      </div>
      {!named && (
        <DraftField
          id="sweep-path"
          label="Path"
          testId="sweep.path"
          value={draft.field}
          rule={(text) =>
            text.trim() === ''
              ? { ok: false, message: 'Name a field, e.g. resilience.retry.maxRetries.' }
              : { ok: true, value: text.trim() }
          }
          inputMode="text"
          disabled={running}
          onCommit={(field) => commit({ field })}
        />
      )}
      <fieldset className="sweep-values">
        <legend>Values</legend>
        <label>
          <input
            type="radio"
            name="sweep-values-mode"
            data-testid="sweep.mode-range"
            checked={draft.valuesMode === 'range'}
            disabled={running}
            onChange={() => setDraft({ valuesMode: 'range' })}
          />
          a range
        </label>
        <label>
          <input
            type="radio"
            name="sweep-values-mode"
            data-testid="sweep.mode-list"
            checked={draft.valuesMode === 'list'}
            disabled={running}
            onChange={() => setDraft({ valuesMode: 'list' })}
          />
          a list
        </label>
        {draft.valuesMode === 'range' ? (
          <div className="sweep-range">
            <DraftField
              id="sweep-start"
              label="Start"
              testId="sweep.start"
              value={String(draft.start)}
              rule={decimal('Start', -1e9, 1e9)}
              disabled={running}
              onCommit={(start) => commit({ start })}
            />
            <DraftField
              id="sweep-stop"
              label="Stop"
              testId="sweep.stop"
              value={String(draft.stop)}
              rule={decimal('Stop', -1e9, 1e9)}
              disabled={running}
              onCommit={(stop) => commit({ stop })}
            />
            <DraftField
              id="sweep-steps"
              label="Steps"
              testId="sweep.steps"
              value={String(draft.steps)}
              rule={wholeNumber('Steps', 1, MAX_RANGE_STEPS)}
              inputMode="numeric"
              disabled={running}
              onCommit={(steps) => commit({ steps })}
            />
          </div>
        ) : (
          <DraftField
            id="sweep-list"
            label="Values"
            testId="sweep.list"
            value={draft.list}
            rule={(text) => ({ ok: true, value: text })}
            inputMode="text"
            hint="numbers separated by commas or spaces"
            className="is-wide"
            disabled={running}
            onCommit={(list) => commit({ list })}
          />
        )}
      </fieldset>
      <fieldset className="sweep-strategies">
        <legend>Strategies (1 to {MAX_SWEEP_STRATEGIES})</legend>
        {STRATEGY_NAMES.map((name) => {
          const on = draft.strategies.includes(name);
          return (
            <label key={name} className={`compare-strategy ${on ? 'is-chosen' : ''}`}>
              <input
                type="checkbox"
                data-testid="sweep.strategy"
                data-strategy={name}
                checked={on}
                disabled={running || (!on && full)}
                onChange={() =>
                  setDraft({
                    strategies: on
                      ? draft.strategies.filter((s) => s !== name)
                      : STRATEGY_NAMES.filter((s) => s === name || draft.strategies.includes(s)),
                  })
                }
              />
              {STRATEGY_INFO[name].label}
            </label>
          );
        })}
      </fieldset>
      <div className="sweep-range">
        <DraftField
          id="sweep-replications"
          label="Replications"
          testId="sweep.replications"
          value={String(draft.replications)}
          rule={wholeNumber('Replications', 1, 100)}
          inputMode="numeric"
          hint="each with its own seed, the same for every point"
          disabled={running}
          onCommit={(replications) => commit({ replications })}
        />
        <DraftField
          id="sweep-warmup"
          label="Warm-up"
          testId="sweep.warmup"
          value={String(draft.warmupMs / 1000)}
          unit="s"
          rule={decimal('Warm-up', 0, 3600)}
          hint="simulated; not measured"
          disabled={running}
          onCommit={(s) => commit({ warmupMs: Math.round(s * 1000) })}
        />
        <DraftField
          id="sweep-duration"
          label="Duration"
          testId="sweep.duration"
          value={String(draft.durationMs / 1000)}
          unit="s"
          rule={decimal('Duration', 0.001, 3600, true)}
          hint="simulated, measured per run"
          disabled={running}
          onCommit={(s) => commit({ durationMs: Math.round(s * 1000) })}
        />
        <DraftField
          id="sweep-slo"
          label="SLO line"
          testId="sweep.slo-ms"
          value={draft.sloMs === null ? '' : String(draft.sloMs)}
          unit="ms"
          rule={(text) => {
            if (text.trim() === '') return { ok: true, value: null };
            const v = Number(text);
            return Number.isFinite(v) && v > 0
              ? { ok: true, value: v }
              : { ok: false, message: 'The SLO must be a positive number of ms, or empty.' };
          }}
          hint="drawn on latency charts; empty for none"
          disabled={running}
          onCommit={(sloMs) => commit({ sloMs })}
        />
      </div>
    </div>
  );
}
