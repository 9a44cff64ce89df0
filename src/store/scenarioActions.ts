import { PRESETS } from '../engine/scenario/presets.ts';
import type { RawScenario } from '../engine/scenario/schema.ts';
import { serializeScenario } from '../engine/scenario/serialize.ts';
import { formatRate } from '../lib/format.ts';
import { readScenarioFile, scenarioFileName, scenarioFileText } from '../lib/scenarioFile.ts';
import { decodeScenarioHash, encodeScenarioHash, shareUrl } from '../lib/shareLink.ts';
import type { CommandResult, LoadResult, SimCommand } from '../worker/protocol.ts';
import { isSetupEdit, planEdit, type EditPlan } from './editSteps.ts';
import { historyEntry, SetupHistory } from './history.ts';
import { Autosaver, watchAutosave } from './persistence.ts';
import { SetupMirror } from './setupMirror.ts';
import { openInitialSetup } from './startup.ts';
import type { PageEnv, PlaygroundState, ScenarioApi, StartupOptions } from './types.ts';
import { applyMove } from './undoMove.ts';

/** What the scenario actions need from the store. */
export interface StoreCore {
  readonly get: () => PlaygroundState;
  readonly set: (partial: Partial<PlaygroundState>) => void;
  readonly subscribe: (listener: (state: PlaygroundState) => void) => () => void;
  /** A worker call; undefined when it failed (the failure is already a notice). */
  readonly call: <R>(fn: (api: ScenarioApi) => Promise<R>) => Promise<R | undefined>;
  /** Loads raw JSON into the worker; a refusal becomes a notice listing every problem. */
  readonly load: (raw: unknown, label: string) => Promise<LoadResult | undefined>;
  /** Shows a command's refusal as a notice; true when it was accepted. */
  readonly report: (result: CommandResult | undefined) => boolean;
  /** A new run started: the page's log and cursors start over. */
  readonly restartCursors: () => void;
  /** Which worker answers calls: it changes when a fresh one replaces a lost one (SimLink). */
  readonly workerGeneration: () => number;
  /** A change the person waits to see: the next frame asks for a snapshot (optional in tests). */
  readonly refreshSoon?: () => void;
  /** Storage, address bar, clipboard, downloads. */
  readonly page: PageEnv;
}

/** The parts of the store state these actions provide. */
export type ScenarioActions = Pick<
  PlaygroundState,
  | 'loadPreset'
  | 'loadScenario'
  | 'command'
  | 'startup'
  | 'exportScenario'
  | 'importFile'
  | 'copyShareLink'
  | 'openShareLink'
  | 'undo'
  | 'redo'
  | 'resetToDefaults'
  | 'keepThisTab'
  | 'useOtherTab'
>;

/**
 * Everything that changes which setup the page has (loads, edits, undo and redo) runs one at a
 * time in the order asked, so the history always matches the run; each accepted change is recorded
 * in a bounded undo history and autosaved.
 */
export function scenarioActions(core: StoreCore): ScenarioActions {
  const history = new SetupHistory(100);
  const { page } = core;
  const autosaver = new Autosaver(page, (text) => core.set({ notice: { kind: 'error', text } }));
  let chain: Promise<unknown> = Promise.resolve();
  let started: Promise<void> | null = null;
  /** The page still shows, unedited, what its address asked for (a share link or ?preset=). */
  let fromAddress = false;

  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = chain.then(fn);
    chain = run.catch(() => undefined);
    return run;
  }

  const info = (text: string) => core.set({ notice: { kind: 'info', text } });
  const error = (text: string) => core.set({ notice: { kind: 'error', text } });
  const showHistory = () => core.set({ canUndo: history.canUndo, canRedo: history.canRedo });

  // Two tabs share one autosave slot: when the other one saves a different setup, offer both.
  watchAutosave(page, (saved) => {
    const current = history.current;
    if (current && JSON.stringify(saved.scenario) === current.key) return;
    const name = (saved.scenario as { name?: unknown }).name;
    core.set({
      otherTab: {
        name: typeof name === 'string' ? name : 'Untitled',
        scenario: saved.scenario,
        presetId: saved.presetId,
      },
    });
  });

  /** The worker's setup, crossing as the changes since the page's copy (setupMirror.ts). */
  const mirror = new SetupMirror();
  const readSetup = () =>
    mirror.read(core.workerGeneration(), (known) => core.call((api) => api.setupSince(known)));

  async function liveSetup(): Promise<RawScenario | undefined> {
    const read = await readSetup();
    return read && serializeScenario(read.setup);
  }

  /**
   * Autosaves the current setup. Once the person changes what a link opened, the link leaves the
   * address bar: a reload then restores the autosave (their edits), not the link again.
   */
  function save(): void {
    const current = history.current;
    if (!current) return;
    autosaver.schedule({ scenario: current.setup, presetId: current.presetId });
    if (fromAddress) forgetAddress();
  }

  function forgetAddress(): void {
    fromAddress = false;
    const url = new URL(page.address().href);
    if (url.hash === '' && !url.searchParams.has('preset')) return;
    url.searchParams.delete('preset');
    page.replaceAddress(`${url.pathname}${url.search}`);
  }

  /** Records the run's setup after an accepted change; `persist` false skips the autosave. */
  async function record(presetId: string | null, plan: EditPlan | null, persist = true) {
    const read = await readSetup();
    if (!read) return;
    const setup = serializeScenario(read.setup);
    // Known to differ from the copy read before (the setup before this change): no comparison.
    const added = history.push(historyEntry(setup, presetId, plan), read.changed === true);
    showHistory();
    if (added) core.set({ shareLink: null }); // a link shown now would open the old setup
    if (persist && added) save();
  }

  async function loadAndRecord(raw: unknown, label: string, presetId: string | null) {
    const result = await core.load(raw, label);
    if (!result?.ok) return false;
    if (presetId !== null) core.set({ presetId });
    await record(presetId, null);
    return true;
  }

  function move(direction: 'undo' | 'redo'): Promise<void> {
    return serial(async () => {
      const step = direction === 'undo' ? history.undo() : history.redo();
      if (!step) return;
      if (!(await applyMove(core, step, direction))) history.revert(step);
      else {
        const setup = await liveSetup();
        if (setup) history.refresh(setup);
        core.set({ shareLink: null });
        save();
      }
      showHistory();
    });
  }

  return {
    loadPreset: (id) =>
      serial(async () => {
        const preset = PRESETS.find((p) => p.id === id);
        if (!preset) error(`preset: no preset named ${id}`);
        else await loadAndRecord(preset.raw, preset.title, id);
      }),

    loadScenario: (raw, label) => serial(() => loadAndRecord(raw, label ?? 'Scenario', null)),

    command: (cmd: SimCommand) =>
      serial(async () => {
        if (!isSetupEdit(cmd)) {
          const sent = core.report(await core.call<CommandResult>((api) => api.command(cmd)));
          if (sent) core.refreshSoon?.();
          return sent;
        }
        // Per edit, work on the page stays small however big the pool: the setup crosses as
        // the changes since the page's copy, and the history compares nothing it already knows.
        const before = (await readSetup())?.setup;
        const servers = core.get().snapshot?.servers;
        const nameOf = (slot: number) => servers?.find((s) => s.slot === slot)?.name;
        const ok = core.report(await core.call<CommandResult>((api) => api.command(cmd)));
        if (ok) core.refreshSoon?.();
        if (ok && cmd.type === 'setSeed') core.restartCursors();
        if (!ok) return ok;
        await record(null, before ? planEdit(cmd, before, nameOf) : null);
        return ok;
      }),

    startup: (options: StartupOptions) => {
      started ??= serial(async () => {
        const opened = await openInitialSetup(core, options);
        if (!opened) return;
        history.reset(opened.entries);
        showHistory();
        core.set({ firstVisit: opened.firstVisit });
        fromAddress = opened.fromAddress;
        if (opened.dropAddress) forgetAddress();
      });
      return started;
    },

    exportScenario: () =>
      serial(async () => {
        // The page's copy, brought up to date by the changes since (not the whole setup again).
        const setup = (await readSetup())?.setup;
        if (!setup) return;
        const fileName = scenarioFileName(setup.name);
        page.download(fileName, scenarioFileText(setup));
        const rate = core.get().snapshot?.steadyRate ?? 0;
        const live =
          rate > 0
            ? ` The steady rate (${formatRate(rate)}) is live traffic and is not in the file.`
            : '';
        info(`Exported the setup as ${fileName}.${live}`);
      }),

    importFile: (file) =>
      serial(async () => {
        const read = await readScenarioFile(file);
        if (!read.ok) {
          error(`${read.message} Nothing was loaded; the setup is unchanged.`);
          return false;
        }
        const ok = await loadAndRecord(read.value, `“${file.name}”`, null);
        if (ok) info(`Loaded “${file.name}”. Undo goes back to the previous setup.`);
        return ok;
      }),

    copyShareLink: () =>
      serial(async () => {
        const setup = (await readSetup())?.setup;
        if (!setup) return;
        const encoded = await encodeScenarioHash(setup);
        if (!encoded.ok) {
          error(encoded.message);
          return;
        }
        const url = shareUrl(page.address(), encoded.hash);
        core.set({ shareLink: { url, copied: await page.copy(url) } });
      }),

    openShareLink: (hash) =>
      serial(async () => {
        const decoded = await decodeScenarioHash(hash);
        if (decoded.kind === 'none') return;
        if (decoded.kind === 'error') {
          forgetAddress();
          error(`${decoded.message} The setup is unchanged.`);
          return;
        }
        const result = await core.load(decoded.raw, 'The share link');
        if (!result?.ok) {
          forgetAddress();
          return;
        }
        await record(null, null, false);
        fromAddress = true;
        info(`Opened the shared scenario “${result.scenario.name}”. Undo goes back.`);
      }),

    keepThisTab: () => {
      core.set({ otherTab: null });
      // Saved again now, over the other tab's (which then hears of it and may choose in turn).
      const current = history.current;
      if (!current) return;
      autosaver.schedule({ scenario: current.setup, presetId: current.presetId });
      autosaver.flush();
    },

    useOtherTab: () =>
      serial(async () => {
        const other = core.get().otherTab;
        if (!other) return;
        core.set({ otherTab: null });
        if (await loadAndRecord(other.scenario, 'The other tab’s setup', other.presetId))
          info(`Loaded “${other.name}” from the other tab. Undo goes back to this tab’s setup.`);
      }),

    undo: () => move('undo'),
    redo: () => move('redo'),

    resetToDefaults: () =>
      serial(async () => {
        autosaver.clear();
        const classic = PRESETS.find((p) => p.id === 'classic')!;
        const result = await core.load(classic.raw, classic.title);
        if (!result?.ok) return;
        core.set({ presetId: classic.id });
        await record(classic.id, null, false);
        forgetAddress();
        info('Back to the classic demo, and the autosave is cleared. Undo brings your setup back.');
      }),
  };
}
