import { PRESETS } from '../engine/scenario/presets.ts';
import { serializeScenario } from '../engine/scenario/serialize.ts';
import { decodeScenarioHash } from '../lib/shareLink.ts';
import { historyEntry, type HistoryEntry } from './history.ts';
import { clockOf, readAutosave } from './persistence.ts';
import type { StoreCore } from './scenarioActions.ts';
import type { StartupOptions } from './types.ts';

/** The setup the page opened with, and the history to start from. */
export interface Opened {
  readonly entries: readonly HistoryEntry[];
  /** It is what the address asked for (link or preset), so the first change drops the address. */
  readonly fromAddress: boolean;
  /** The address held a link that was refused: drop it now, so a reload does not repeat that. */
  readonly dropAddress: boolean;
  /** Nothing asked for a setup (no autosave, link or preset): the classic demo, as for a newcomer. */
  readonly firstVisit: boolean;
}

type Source = 'link' | 'preset' | 'autosave' | 'classic';

const INSTEAD: Record<Source, string> = {
  link: '',
  preset: 'The preset named in the address was opened instead.',
  autosave: 'Your autosaved setup was opened instead.',
  classic: 'The classic demo was opened instead.',
};

/**
 * Opens the first setup that works, in this order: a share link in the hash, `?preset=`, the
 * autosave, the classic demo. Whatever was refused on the way is explained in one notice. When a
 * link or preset replaced a different autosaved setup, that setup becomes the first history entry,
 * so a single Undo brings the person's own work back. Returns null if nothing could be loaded
 * (the worker is broken; its own notice says so).
 */
export async function openInitialSetup(
  core: StoreCore,
  options: StartupOptions,
): Promise<Opened | null> {
  const saved = readAutosave(core.page);
  let problem: string | null = null;
  let source: Source | null = null;
  let presetId: string | null = null;

  /** Loads raw JSON; on refusal keeps the first refusal's message (the worker's, with paths). */
  async function attempt(raw: unknown, label: string): Promise<boolean> {
    const result = await core.load(raw, label);
    if (result?.ok) return true;
    problem ??= core.get().notice?.text ?? `${label} could not be loaded.`;
    return false;
  }

  const decoded = await decodeScenarioHash(options.hash);
  if (decoded.kind === 'error') problem = decoded.message;
  else if (decoded.kind === 'ok' && (await attempt(decoded.raw, 'The share link'))) {
    source = 'link';
  }
  if (!source && options.preset !== null) {
    const preset = PRESETS.find((p) => p.id === options.preset);
    if (!preset) problem ??= `preset: no preset named ${options.preset}.`;
    else if (await attempt(preset.raw, preset.title)) [source, presetId] = ['preset', preset.id];
  }
  if (!source && saved.kind === 'ok' && (await attempt(saved.saved.scenario, 'Your autosave'))) {
    source = 'autosave';
    const id = saved.saved.presetId;
    presetId = PRESETS.some((p) => p.id === id) ? id : null;
  } else if (!source && saved.kind === 'error') problem ??= saved.message;
  if (!source) {
    const classic = PRESETS.find((p) => p.id === 'classic')!;
    if (await attempt(classic.raw, classic.title)) [source, presetId] = ['classic', classic.id];
  }
  if (!source) return null;

  core.set({ presetId });
  const setup = await core.call((api) => api.setup());
  if (!setup) return null;
  const entry = historyEntry(serializeScenario(setup), presetId);
  const fromAddress = source === 'link' || source === 'preset';
  const earlier =
    fromAddress && saved.kind === 'ok' && JSON.stringify(saved.saved.scenario) !== entry.key
      ? historyEntry(saved.saved.scenario, saved.saved.presetId)
      : null;

  if (problem !== null)
    core.set({ notice: { kind: 'error', text: `${problem} ${INSTEAD[source]}` } });
  else if (source === 'autosave' && saved.kind === 'ok' && saved.staleSince !== null) {
    const since = clockOf(saved.staleSince);
    core.set({
      notice: {
        kind: 'error',
        text:
          `Your autosaved setup was restored as it was at ${since}: changes made after that ` +
          'could not be saved (the browser’s storage was full), so they are not in it.',
      },
    });
  } else if (source === 'link' || earlier) {
    const what = source === 'link' ? `the shared scenario “${setup.name}”` : 'the preset';
    const undo = earlier ? ' Your own autosaved setup is one Undo away.' : '';
    core.set({ notice: { kind: 'info', text: `Opened ${what} from the link.${undo}` } });
  }
  return {
    entries: earlier ? [earlier, entry] : [entry],
    fromAddress,
    dropAddress: decoded.kind !== 'none' && source !== 'link',
    firstVisit:
      source === 'classic' &&
      decoded.kind === 'none' &&
      options.preset === null &&
      saved.kind === 'none',
  };
}
