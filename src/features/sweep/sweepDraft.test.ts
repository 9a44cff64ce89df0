import { describe, expect, it } from 'vitest';
import { SWEEP_PRESETS } from '../../engine/sweep/presets.ts';
import { INITIAL_DRAFT } from '../../store/sweepSlice.ts';
import { draftOfFile, draftOfPreset, draftValues, sweepFileOf } from './sweepDraft.ts';

describe('draftValues', () => {
  it('spreads steps evenly from start to stop, both included, without float noise', () => {
    const r = draftValues({ ...INITIAL_DRAFT, start: 0.1, stop: 0.9, steps: 5 });
    expect(r).toEqual({ ok: true, values: [0.1, 0.3, 0.5, 0.7, 0.9] });
  });

  it('reads a list separated by commas or spaces and names what is not a number', () => {
    const list = { ...INITIAL_DRAFT, valuesMode: 'list' as const };
    expect(draftValues({ ...list, list: '1, 2 4;8' })).toEqual({ ok: true, values: [1, 2, 4, 8] });
    expect(draftValues({ ...list, list: '1, two' })).toEqual({
      ok: false,
      message: '“two” in the list is not a number.',
    });
    expect(draftValues({ ...list, list: ' ' }).ok).toBe(false);
  });

  it('refuses a step count that is not a whole number in range', () => {
    expect(draftValues({ ...INITIAL_DRAFT, steps: 0 }).ok).toBe(false);
    expect(draftValues({ ...INITIAL_DRAFT, steps: 2.5 }).ok).toBe(false);
    expect(draftValues({ ...INITIAL_DRAFT, steps: 1, start: 0.4 })).toEqual({
      ok: true,
      values: [0.4],
    });
  });
});

describe('sweep files and the form', () => {
  it('a preset fills the form and gives back the same file (values, strategies, lengths)', () => {
    for (const preset of SWEEP_PRESETS) {
      const { draft } = draftOfPreset(preset, INITIAL_DRAFT);
      const made = sweepFileOf(draft, null);
      expect(made.ok).toBe(true);
      if (!made.ok) continue;
      const raw = preset.raw as Record<string, unknown>;
      expect(made.file.vary).toEqual(raw.vary);
      expect(made.file.base).toEqual(raw.base);
      expect(made.file.replications).toBe(raw.replications);
      expect(made.file.durationMs).toBe(raw.durationMs);
      expect(made.file.warmupMs).toBe(raw.warmupMs);
    }
  });

  it('how many servers opens with an SLO line; the cache preset takes the base’s strategy', () => {
    const byId = (id: string) => SWEEP_PRESETS.find((p) => p.id === id)!;
    expect(draftOfPreset(byId('how-many-servers'), INITIAL_DRAFT).draft.sloMs).toBe(300);
    expect(draftOfPreset(byId('cache-size'), INITIAL_DRAFT).draft.strategies).toEqual([
      'round-robin',
    ]);
  });

  it('needs the playground’s setup when no base is given, and a strategy', () => {
    expect(sweepFileOf(INITIAL_DRAFT, null)).toEqual({
      ok: false,
      message: 'The playground’s setup is not loaded yet.',
    });
    expect(sweepFileOf({ ...INITIAL_DRAFT, base: 'classic', strategies: [] }, null).ok).toBe(false);
  });

  it('ignores what it cannot read in a shared file and keeps at most four strategies', () => {
    const draft = draftOfFile(
      {
        vary: { field: 'capacity', values: [1, 'x', 3] },
        strategies: ['random', 'maglev', 'nope', 'round-robin', 'least-connections', 'peak-ewma'],
      },
      INITIAL_DRAFT,
      null,
    );
    expect(draft.field).toBe('capacity');
    expect(draft.list).toBe('1, 3');
    expect(draft.strategies).toEqual(['random', 'maglev', 'round-robin', 'least-connections']);
    expect(draftOfFile('not a file', INITIAL_DRAFT, null)).toBe(INITIAL_DRAFT);
  });
});
