import { create } from 'zustand';
import { serializeScenario } from '../engine/scenario/serialize.ts';
import type { CommandResult, LoadResult, Snapshot } from '../worker/protocol.ts';
import { SimClient, type SimApi } from '../worker/simClient.ts';
import { LogBook } from './logBook.ts';
import { browserPage } from './page.ts';
import { RouteFeed } from './routeFeed.ts';
import { snapshotIntervalMs } from './snapshotInterval.ts';
import { scenarioActions } from './scenarioActions.ts';
import { recordingActions } from './recordingActions.ts';
import type { PlaygroundState } from './types.ts';

export type { Notice, PlaygroundState, StartupOptions } from './types.ts';

/** The page's copy of the run's log (read by the log view, see LogBook). */
export const logBook = new LogBook();
/** Routing decisions for the flow view, outside React state. */
export const routeFeed = new RouteFeed();

let client: SimClient | null = null;
let cursor = { sinceVersion: 0, logSeq: 0, routeSeq: 0, pickSeq: 0 };
let polling = false;
/** Explained routing decisions the inspector can show. */
const PICKS_KEPT = 20;
let inFlight = false;
let lastAsked = -Infinity;

export const usePlayground = create<PlaygroundState>()((set, get, store) => {
  const sim = () => {
    client ??= new SimClient((message) => set({ status: 'crashed', crash: message }));
    return client;
  };

  /** Runs a worker call, turning a failure into a notice instead of an unhandled rejection. */
  async function guarded<R>(fn: (api: SimApi) => Promise<R>): Promise<R | undefined> {
    try {
      return await sim().call(fn);
    } catch (e) {
      if (get().status !== 'crashed')
        set({
          notice: { kind: 'error', text: `The simulation refused that: ${(e as Error).message}` },
        });
      return undefined;
    }
  }

  function report(result: CommandResult | undefined): boolean {
    if (!result) return false;
    if (!result.ok) set({ notice: { kind: 'error', text: result.message } });
    return result.ok;
  }

  function apply(snap: Snapshot): void {
    const happened = snap.routes.nextSeq - cursor.routeSeq;
    cursor = {
      sinceVersion: snap.version,
      logSeq: snap.log.nextSeq,
      routeSeq: snap.routes.nextSeq,
      pickSeq: snap.picks.length > 0 ? snap.picks[snap.picks.length - 1]!.seq + 1 : cursor.pickSeq,
    };
    routeFeed.publish(snap.routes, happened);
    const gotLog = snap.log.entries.length > 0 || snap.log.dropped > 0;
    if (gotLog) logBook.append(snap.log.entries, snap.log.dropped);
    // Keep the setup's identity while it is unchanged, so what derives from it is not redone.
    const prev = get().snapshot;
    const kept =
      prev && prev.setupVersion === snap.setupVersion ? { ...snap, setup: prev.setup } : snap;
    set((s) => ({
      snapshot: kept,
      status: 'ready',
      logVersion: gotLog ? s.logVersion + 1 : s.logVersion,
      picks: snap.picks.length > 0 ? [...s.picks, ...snap.picks].slice(-PICKS_KEPT) : s.picks,
    }));
  }

  /**
   * Asks for a snapshot at most once per animation frame (less often for big pools, see
   * snapshotIntervalMs), never with one still on its way.
   */
  function frame(now: number): void {
    const servers = get().snapshot?.servers.length ?? 0;
    if (!inFlight && get().status !== 'crashed' && now - lastAsked >= snapshotIntervalMs(servers)) {
      inFlight = true;
      lastAsked = now;
      sim()
        .call((api) => api.snapshot(cursor))
        .then((snap) => {
          if (snap) apply(snap);
        })
        .catch(() => undefined)
        .finally(() => {
          inFlight = false;
        });
    }
    requestAnimationFrame(frame);
  }

  /** A new run starts: the page's log and cursors start over too. */
  function restartCursors(): void {
    cursor = { sinceVersion: 0, logSeq: 0, routeSeq: 0, pickSeq: 0 };
    set({ picks: [] });
    logBook.clear();
    set((s) => ({ logVersion: s.logVersion + 1 }));
  }

  function startPolling(): void {
    if (polling) return;
    polling = true;
    requestAnimationFrame(frame);
  }

  /** Loads raw JSON into the worker; a refusal leaves the run as it was and lists every problem. */
  async function load(raw: unknown, label: string): Promise<LoadResult | undefined> {
    startPolling();
    const result = await guarded<LoadResult>((api) => api.load(raw));
    if (!result) return undefined;
    if (!result.ok) {
      const lines = result.problems.map((p) => `${p.path || 'scenario'}: ${p.message}`);
      set({ notice: { kind: 'error', text: `${label} was not loaded. ${lines.join('; ')}` } });
      return result;
    }
    restartCursors();
    set({ presetId: null, notice: null });
    return result;
  }

  return {
    status: 'starting',
    crash: null,
    snapshot: null,
    notice: null,
    presetId: null,
    logVersion: 0,
    canUndo: false,
    canRedo: false,
    shareLink: null,
    picks: [],

    // Loads, edits, undo/redo, files, links and the autosave (see scenarioActions.ts).
    ...scenarioActions({
      get,
      set: (partial) => set(partial),
      subscribe: (listener) => store.subscribe(listener),
      call: guarded,
      load,
      report,
      restartCursors,
      page: browserPage,
    }),

    // Recording export/import/replay, the timeline's paused view and the whole-run history.
    ...recordingActions({
      get,
      set: (partial) => set(partial),
      subscribe: (listener) => store.subscribe(listener),
      call: guarded,
      report,
      restartCursors,
      page: browserPage,
    }),

    async play() {
      await guarded((api) => api.play());
    },
    async pause() {
      await guarded((api) => api.pause());
    },
    async togglePlay() {
      await (get().snapshot?.playing ? get().pause() : get().play());
    },
    async step() {
      await guarded((api) => api.step());
    },
    async stepBy(ms) {
      report(await guarded<CommandResult>((api) => api.stepBy(ms)));
    },
    async reset() {
      await guarded((api) => api.reset());
      restartCursors();
    },
    async setSpeed(speed) {
      report(await guarded<CommandResult>((api) => api.setSpeed(speed)));
    },
    async restart() {
      const setup = get().snapshot?.setup;
      sim().restart();
      set({ status: 'starting', crash: null });
      restartCursors();
      if (setup) await get().loadScenario(serializeScenario(setup), 'The last setup');
    },
    dismissNotice() {
      set({ notice: null });
    },
    closeShareLink() {
      set({ shareLink: null });
    },
  };
});

/**
 * Calls the simulation worker for another store (compare mode): the same client, started on first
 * use with the same crash handling as the playground's own actions. Rejects if the worker dies.
 */
export function callSimulation<R>(fn: (api: SimApi) => Promise<R>): Promise<R> {
  client ??= new SimClient((message) =>
    usePlayground.setState({ status: 'crashed', crash: message }),
  );
  return client.call(fn);
}
