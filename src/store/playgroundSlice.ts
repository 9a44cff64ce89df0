import { serializeScenario } from '../engine/scenario/serialize.ts';
import type { CommandResult, LoadResult } from '../worker/protocol.ts';
import type { SimApi } from '../worker/simClient.ts';
import { scenarioActions } from './scenarioActions.ts';
import type { SimLink } from './simLink.ts';
import type { SnapshotPump } from './snapshotPump.ts';
import type { AppState, PageEnv, PlaygroundActions } from './types.ts';

/** What the playground slice needs from the store around it. */
export interface PlaygroundHost {
  readonly get: () => AppState;
  readonly set: (partial: Partial<AppState>) => void;
  readonly subscribe: (listener: (state: AppState) => void) => () => void;
  readonly link: SimLink;
  readonly pump: SnapshotPump;
  readonly page: PageEnv;
}

/** The worker calls every slice makes, with the failures turned into notices. */
export interface CallHelpers {
  /** Runs a worker call; a failure becomes a notice and the result undefined. */
  readonly call: <R>(fn: (api: SimApi) => Promise<R>) => Promise<R | undefined>;
  /** Shows a command's refusal as a notice; true when it was accepted. */
  readonly report: (result: CommandResult | undefined) => boolean;
}

export function callHelpers({ get, set, link }: PlaygroundHost): CallHelpers {
  return {
    async call(fn) {
      try {
        return await link.call(fn);
      } catch (e) {
        if (get().status !== 'crashed')
          set({
            notice: { kind: 'error', text: `The simulation refused that: ${(e as Error).message}` },
          });
        return undefined;
      }
    },
    report(result) {
      if (!result) return false;
      if (!result.ok) set({ notice: { kind: 'error', text: result.message } });
      return result.ok;
    },
  };
}

/**
 * The playground slice: the live run (play, pause, step, speed, restart after a crash) and, from
 * scenarioActions.ts, everything that changes which setup the page has.
 */
export function playgroundSlice(host: PlaygroundHost, helpers: CallHelpers): PlaygroundActions {
  const { get, set, link, pump } = host;
  const { call, report } = helpers;

  /** Loads raw JSON into the worker; a refusal leaves the run as it was and lists every problem. */
  async function load(raw: unknown, label: string): Promise<LoadResult | undefined> {
    pump.start();
    const result = await call<LoadResult>((api) => api.load(raw));
    if (!result) return undefined;
    if (!result.ok) {
      const lines = result.problems.map((p) => `${p.path || 'scenario'}: ${p.message}`);
      set({ notice: { kind: 'error', text: `${label} was not loaded. ${lines.join('; ')}` } });
      return result;
    }
    pump.restart();
    set({ presetId: null, notice: null });
    return result;
  }

  return {
    // Loads, edits, undo/redo, files, links and the autosave (see scenarioActions.ts).
    ...scenarioActions({
      get,
      set,
      subscribe: host.subscribe,
      call,
      load,
      report,
      restartCursors: () => pump.restart(),
      workerGeneration: () => link.generation,
      refreshSoon: () => pump.soon(),
      page: host.page,
    }),

    async play() {
      await call((api) => api.play());
      pump.soon(); // seen at once, not after a big pool's snapshot interval
    },
    async pause() {
      await call((api) => api.pause());
      pump.soon(); // seen at once, not after a big pool's snapshot interval
    },
    async step() {
      await call((api) => api.step());
      pump.soon(); // seen at once, not after a big pool's snapshot interval
    },
    async stepBy(ms) {
      report(await call<CommandResult>((api) => api.stepBy(ms)));
      pump.soon();
    },
    async reset() {
      await call((api) => api.reset());
      pump.restart();
    },
    async setSpeed(speed) {
      report(await call<CommandResult>((api) => api.setSpeed(speed)));
      pump.soon();
    },
    async restart() {
      const setup = get().snapshot?.setup;
      link.restart();
      set({ status: 'starting', crash: null });
      pump.restart();
      if (setup) await get().loadScenario(serializeScenario(setup), 'The last setup');
    },
    dismissNotice() {
      set({ notice: null });
    },
    closeShareLink() {
      set({ shareLink: null });
    },
  };
}
