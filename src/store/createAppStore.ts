import { createStore, type StoreApi } from 'zustand/vanilla';
import { compareSlice } from './compareSlice.ts';
import { learnSlice, type LearnCatalog } from './learnSlice.ts';
import { LogBook } from './logBook.ts';
import { callHelpers, playgroundSlice, type PlaygroundHost } from './playgroundSlice.ts';
import { recordingSlice } from './recordingSlice.ts';
import { strategyCodeSlice } from './strategyCodeSlice.ts';
import { RouteFeed } from './routeFeed.ts';
import { RunHistory } from './runHistory.ts';
import { ScalingHistory } from './scalingHistory.ts';
import { SimLink, type Connect } from './simLink.ts';
import { replaceStalled } from './workerLoss.ts';
import { SnapshotPump } from './snapshotPump.ts';
import { sweepSlice } from './sweepSlice.ts';
import type { SweepRunner } from '../worker/sweepClient.ts';
import { viewSlice } from './viewSlice.ts';
import type { AppState, PageEnv } from './types.ts';

export type AppStore = StoreApi<AppState>;

/** What a store is built from: the page's composition root passes the real ones, tests fakes. */
export interface StoreDeps {
  /** Starts the simulation worker's client; the store calls it once, on first use, and owns it. */
  readonly connect: Connect;
  /** Storage, the address bar, the clipboard and downloads. */
  readonly page: PageEnv;
  /** Loads the lessons and challenges (on demand: they are not part of the first screen). */
  readonly learning: () => Promise<LearnCatalog>;
  /** Calls back before the next repaint (requestAnimationFrame in the page). */
  readonly nextFrame: (callback: (now: number) => void) => void;
  /** Starts the pool of sweep workers, on first use; without it sweeps say they cannot run. */
  readonly sweepRunner?: () => Promise<SweepRunner>;
}

/**
 * The page's one store, built from its slices: playground (the live run and its setup), recording
 * (export, import, replay, the timeline's paused view), compare, sweep, learn and view (the
 * guide, the shortcut sheet, presentation mode). It owns the worker
 * client, the snapshot loop and the state kept outside React's (log, routes, history): nothing of
 * it lives at module level, so each store (the page's, or a test's) is independent.
 */
export function createAppStore(deps: StoreDeps): AppStore {
  return createStore<AppState>()((set, get, api) => {
    const feeds = {
      logBook: new LogBook(),
      routeFeed: new RouteFeed(),
      runHistory: new RunHistory(),
      scalingHistory: new ScalingHistory(),
    };
    // Every new snapshot feeds the autoscaling and SLO history (kept outside React state).
    let fed: AppState['snapshot'] = null;
    api.subscribe((state) => {
      if (state.snapshot === null || state.snapshot === fed) return;
      fed = state.snapshot;
      feeds.scalingHistory.append(state.snapshot);
    });
    const link = new SimLink(
      deps.connect,
      replaceStalled({
        crashed: (message) => set({ status: 'crashed', crash: message }),
        restart: () => get().restart(),
        notify: (text) => set({ notice: { kind: 'error', text } }),
      }),
    );
    const pump = new SnapshotPump({ get, set, link, nextFrame: deps.nextFrame, ...feeds });
    const subscribe = (listener: (state: AppState) => void) => api.subscribe(listener);
    const host: PlaygroundHost = { get, set, subscribe, link, pump, page: deps.page };
    const helpers = callHelpers(host);
    let learning: Promise<LearnCatalog> | null = null;

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
      firstVisit: false,
      otherTab: null,
      ...feeds,
      ...playgroundSlice(host, helpers),
      ...recordingSlice({
        get,
        set,
        subscribe,
        call: helpers.call,
        report: helpers.report,
        restartCursors: () => pump.restart(),
        page: deps.page,
        runHistory: feeds.runHistory,
      }),
      compare: compareSlice({ get, set, link }),
      strategyCode: strategyCodeSlice({ get, set, link, page: deps.page }),
      sweep: sweepSlice({
        get,
        set,
        runner: deps.sweepRunner,
        nextFrame: deps.nextFrame,
        now: () => performance.now(),
      }),
      learn: learnSlice({ get, set, link, catalog: () => (learning ??= deps.learning()) }),
      view: viewSlice({ set, page: deps.page }),
    };
  });
}
