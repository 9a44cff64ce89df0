/**
 * The store's recording and timeline actions: export the run as a recording file, import one,
 * replay a recording (the imported one, else this run's own from its start), and the timeline's
 * paused view (`viewAt`). The store's whole-run history (RunHistory) is fed from here, from every
 * snapshot the store receives. The worker does the checking; zod stays out of the page.
 */
import { parseJsonText, scenarioFileName } from '../lib/scenarioFile.ts';
import type { CommandResult, Recording, RecordingCheck, Snapshot } from '../worker/protocol.ts';
import { recordingFileText } from './recordingFile.ts';
import type { RunHistory } from './runHistory.ts';
import type { PageEnv, PlaygroundState } from './types.ts';
import { countOf } from '../lib/words.ts';

/** Recording files may be larger than scenario files (10,000 actions), but not unboundedly. */
export const MAX_RECORDING_BYTES = 8 * 1_048_576;

/** A recording file read and checked, waiting to be replayed. */
export interface RecordingFile {
  readonly name: string;
  readonly raw: unknown;
  readonly actions: number;
  readonly endAt: number | null;
}

/** The state and actions this slice adds to the store. */
export interface RecordingState {
  /** The simulated time the timeline charts show, paused there; null follows the run (live). */
  readonly viewAt: number | null;
  /** An imported recording not yet replayed. */
  readonly recordingFile: RecordingFile | null;
  /** Shows the timeline at `ms` (a paused view; the run goes on), or live with null. */
  viewTime(ms: number | null): void;
  /** Downloads the run so far as a recording file. */
  exportRecording(): Promise<void>;
  /** Reads and checks a recording file; resolves to whether it can be replayed. */
  importRecording(file: File): Promise<boolean>;
  /** Replays the imported recording, or else this run's own from its start. */
  replay(): Promise<void>;
}

/** The worker calls this slice makes (a subset of SimApi). */
export interface RecordingApi {
  recording(): Promise<Recording>;
  checkRecording(raw: unknown): Promise<RecordingCheck>;
  replay(raw: unknown): Promise<CommandResult>;
}

/** What the slice needs from the store. */
export interface RecordingCore {
  readonly get: () => PlaygroundState;
  readonly set: (partial: Partial<PlaygroundState>) => void;
  readonly subscribe: (listener: (state: PlaygroundState) => void) => () => void;
  readonly call: <R>(fn: (api: RecordingApi) => Promise<R>) => Promise<R | undefined>;
  readonly report: (result: CommandResult | undefined) => boolean;
  readonly restartCursors: () => void;
  readonly page: Pick<PageEnv, 'download'>;
  /** The store's whole-run history, fed here from every new snapshot. */
  readonly runHistory: RunHistory;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The recording slice (see the header comment). */
export function recordingSlice(core: RecordingCore): RecordingState {
  const info = (text: string) => core.set({ notice: { kind: 'info', text } });
  const error = (text: string) => core.set({ notice: { kind: 'error', text } });

  // Every new snapshot feeds the whole-run history; a new run ends a paused view.
  let last: Snapshot | null = null;
  core.subscribe((state) => {
    const snap = state.snapshot;
    if (!snap || snap === last) return;
    last = snap;
    if (core.runHistory.append(snap) && state.viewAt !== null) core.set({ viewAt: null });
  });

  return {
    viewAt: null,
    recordingFile: null,

    viewTime(ms) {
      core.set({ viewAt: ms === null ? null : Math.max(0, ms) });
    },

    async exportRecording() {
      const rec = await core.call((api) => api.recording());
      if (!rec) return;
      const name = (rec.scenario as { name?: unknown }).name;
      const fileName = scenarioFileName(typeof name === 'string' ? name : 'run').replace(
        /\.json$/,
        '-recording.json',
      );
      core.page.download(fileName, recordingFileText(rec));
      const upTo = rec.end ? ` up to ${seconds(rec.end.at)}` : '';
      const cut = rec.truncated
        ? ' The run had more actions than a recording keeps: a replay matches it only up to the last one kept.'
        : '';
      info(
        `Exported the run as ${fileName}: ${countOf(rec.actions.length, 'action')}${upTo}.${cut}`,
      );
    },

    async importRecording(file) {
      const label = `“${file.name}”`;
      if (file.size > MAX_RECORDING_BYTES) {
        error(`${label} is too large for a recording (at most 8 MB). Nothing was loaded.`);
        return false;
      }
      let text: string;
      try {
        text = await file.text();
      } catch (e) {
        error(`${label} could not be read (${String(e)}).`);
        return false;
      }
      const read = parseJsonText(text, label);
      if (!read.ok) {
        error(`${read.message} Nothing was loaded.`);
        return false;
      }
      const check = await core.call((api) => api.checkRecording(read.value));
      if (!check) return false;
      if (!check.ok) {
        error(`${label} is not a recording that can be replayed: ${check.message}.`);
        return false;
      }
      const { actions, endAt } = check;
      core.set({ recordingFile: { name: file.name, raw: read.value, actions, endAt } });
      const span = endAt === null ? '' : ` over ${seconds(endAt)}`;
      info(`Loaded ${label}: ${countOf(actions, 'action')}${span}. Replay runs it from its start.`);
      return true;
    },

    async replay() {
      const file = core.get().recordingFile;
      const raw = file ? file.raw : await core.call((api) => api.recording());
      if (!raw) return;
      const label = file ? `“${file.name}”` : 'This run’s recording';
      const check = await core.call((api) => api.checkRecording(raw));
      if (!check) return;
      if (!check.ok) {
        error(`${label} was not replayed: ${check.message}.`);
        return;
      }
      // Through loadScenario first, so undo and the autosave know the setup the replay starts from.
      const scenario = (raw as { scenario: unknown }).scenario;
      if (!(await core.get().loadScenario(scenario, label))) return;
      if (!core.report(await core.call((api) => api.replay(raw)))) return;
      core.restartCursors();
      core.set({ recordingFile: null, viewAt: null });
      info(
        `Replaying ${file ? label : 'this run'} from its start: ${countOf(check.actions, 'action')}.`,
      );
    },
  };
}
