import { PRESETS } from '../../engine/scenario/presets.ts';
import { useApp } from '../../store/hooks.tsx';
import { useSetupEdited } from './useSetupEdited.ts';

const CUSTOM = 'custom';

/**
 * The preset menu. It names the preset in force, or "Custom" once the setup was edited (or a
 * scenario was imported); choosing a preset loads it afresh, even the one already shown.
 */
export function PresetPicker() {
  const presetId = useApp((s) => s.presetId);
  const loadPreset = useApp((s) => s.loadPreset);
  const edited = useSetupEdited();
  const custom = presetId === null || edited;
  const preset = custom ? undefined : PRESETS.find((p) => p.id === presetId);

  return (
    <label className="toolbar-field" title={preset?.description}>
      <span className="toolbar-field-label">Preset</span>
      <select
        className="control-select"
        data-testid="preset.select"
        value={custom ? CUSTOM : (presetId ?? CUSTOM)}
        onChange={(e) => {
          if (e.target.value !== CUSTOM) void loadPreset(e.target.value);
        }}
      >
        {PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
        {custom && (
          <option value={CUSTOM} disabled>
            Custom
          </option>
        )}
      </select>
    </label>
  );
}
