import type { PickRecord } from '../engine/metrics/pickLog.ts';
import type { Scenario } from '../engine/scenario/types.ts';
import type { CompareState } from './compareSlice.ts';
import type { SweepState } from './sweepSlice.ts';
import type { LearnState } from './learnSlice.ts';
import type { LogBook } from './logBook.ts';
import type { RecordingState } from './recordingSlice.ts';
import type { StrategyCodeState } from './strategyCodeSlice.ts';
import type { RouteFeed } from './routeFeed.ts';
import type { RunHistory } from './runHistory.ts';
import type { ScalingHistory } from './scalingHistory.ts';
import type { ViewState } from './viewSlice.ts';
import type { CommandResult, LoadResult, SimCommand, Snapshot, Speed } from '../worker/protocol.ts';
import type { SetupUpdate } from '../worker/setupDelta.ts';

/**
 * The store's state and actions, apart from the store itself so that the scenario actions (and
 * their tests, which run in Node) need neither the worker client nor the DOM.
 */

/** What the page's address asks for. */
export interface StartupOptions {
  /** `location.hash`; a share link is `#s=…`. */
  readonly hash: string;
  /** `?preset=`, or null. */
  readonly preset: string | null;
}

/** The worker calls the scenario actions make (a subset of SimApi). */
export interface ScenarioApi {
  load(raw: unknown): Promise<LoadResult>;
  command(cmd: SimCommand): Promise<CommandResult>;
  setup(): Promise<Scenario>;
  /** The setup for a holder of version `known`: nothing new, the changes, or all of it. */
  setupSince(known: number | null): Promise<SetupUpdate>;
}

/** The part of localStorage the autosave uses. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What the scenario actions need from the page around them; tests pass a fake. */
export interface PageEnv {
  /** localStorage, or null where storage is unavailable (reading it may throw). */
  readonly storage: () => KeyValueStore | null;
  /** The page's address (href, origin, pathname). */
  readonly address: () => {
    readonly href: string;
    readonly origin: string;
    readonly pathname: string;
  };
  /** Replaces the address without loading (history.replaceState). */
  readonly replaceAddress: (url: string) => void;
  /** Puts text on the clipboard; false when not allowed. */
  readonly copy: (text: string) => Promise<boolean>;
  /** Offers text as a file download. */
  readonly download: (fileName: string, text: string) => void;
  /** Calls `flush` when the page is being hidden or left. */
  readonly onLeave: (flush: () => void) => void;
  /**
   * Calls `listener` with the new value whenever another tab of the site writes `key` in
   * storage (the `storage` event); absent where there are no other tabs (tests, Node).
   */
  readonly onStorageChange?: (key: string, listener: (value: string | null) => void) => void;
}

/** Another tab saved a different setup into the one autosave slot this tab also writes. */
export interface OtherTabSetup {
  /** Its scenario's name, to tell the two apart. */
  readonly name: string;
  /** The setup as saved (a v1 file), to load if the person takes it. */
  readonly scenario: unknown;
  readonly presetId: string | null;
}

/** A message for the person: what was refused and why, or what happened. */
export interface Notice {
  readonly kind: 'error' | 'info';
  readonly text: string;
}

/** The playground slice's data: the live run as the page last saw it. */
export interface PlaygroundData {
  /** starting: the worker is loading; crashed: it died and can be restarted. */
  readonly status: 'starting' | 'ready' | 'crashed';
  readonly crash: string | null;
  readonly snapshot: Snapshot | null;
  readonly notice: Notice | null;
  readonly presetId: string | null;
  /** Bumped when the log book got new entries. */
  readonly logVersion: number;
  /** Whether undo / redo have a setup to go back / forward to. */
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** The share link last made, shown so it can be copied by hand; `copied`: it is on the clipboard. */
  readonly shareLink: { readonly url: string; readonly copied: boolean } | null;
  /** The last explained routing decisions ("why this server?"), oldest first. */
  readonly picks: readonly PickRecord[];
  /** The page opened the classic demo because it had nothing else: no autosave, link or preset. */
  readonly firstVisit: boolean;
  /** Another tab saved a different setup over this tab's autosave; null when none did. */
  readonly otherTab: OtherTabSetup | null;
}

/** The playground slice's actions: the live run and which setup it has. */
export interface PlaygroundActions {
  loadPreset(id: string): Promise<void>;
  /** Loads a scenario from raw JSON; refused ones leave the run as it was and explain why. */
  loadScenario(raw: unknown, label?: string): Promise<boolean>;
  play(): Promise<void>;
  pause(): Promise<void>;
  step(): Promise<void>;
  stepBy(ms: number): Promise<void>;
  reset(): Promise<void>;
  setSpeed(speed: Speed): Promise<void>;
  /** Sends a setup edit; resolves to whether it was accepted. */
  command(cmd: SimCommand): Promise<boolean>;
  /** Starts a fresh worker with the last known setup after a crash. */
  restart(): Promise<void>;
  dismissNotice(): void;

  /**
   * Opens the first setup the page should show: a share link in the hash, `?preset=`, the
   * autosave, or the classic demo (in that order). Runs once; later calls return the same promise.
   */
  startup(options: StartupOptions): Promise<void>;
  /** Downloads the current setup as a v1 scenario file named after the scenario. */
  exportScenario(): Promise<void>;
  /** Loads a scenario file (at most 1 MB of JSON); resolves to whether it was loaded. */
  importFile(file: File): Promise<boolean>;
  /** Makes a share link of the current setup and copies it to the clipboard. */
  copyShareLink(): Promise<void>;
  /** Hides the share link. */
  closeShareLink(): void;
  /** Opens the share link in `hash` (`#s=…`), as when the person pastes one into the address bar. */
  openShareLink(hash: string): Promise<void>;
  /** Goes back to the setup before the last change, keeping the run going where it can. */
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Loads the classic demo and forgets the autosave (undo still brings the setup back). */
  resetToDefaults(): Promise<void>;
  /** Another tab saved over the autosave: keep this tab's setup (saved again, over theirs). */
  keepThisTab(): void;
  /** Another tab saved over the autosave: load its setup here (undo comes back to this one). */
  useOtherTab(): Promise<void>;
}

/**
 * The state the page keeps outside React's: the log, the routing decisions for the flow view and
 * the whole-run history. Each store owns one of each for its whole life (never replaced).
 */
export interface RunFeeds {
  readonly logBook: LogBook;
  readonly routeFeed: RouteFeed;
  readonly runHistory: RunHistory;
  /** The autoscaler's fleet and the SLO's windows over the whole run. */
  readonly scalingHistory: ScalingHistory;
}

export interface PlaygroundState
  extends PlaygroundData, PlaygroundActions, RecordingState, RunFeeds {}

/** The page's one store: the playground, recording, compare, learn and strategy-code slices. */
export interface AppState extends PlaygroundState {
  readonly compare: CompareState;
  readonly sweep: SweepState;
  readonly learn: LearnState;
  readonly strategyCode: StrategyCodeState;
  readonly view: ViewState;
}
