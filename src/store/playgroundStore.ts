import { create } from 'zustand';
import { PRESETS } from '../engine/scenario/presets.ts';
import type { CommandResult, LoadResult, SimCommand, Snapshot, Speed } from '../worker/protocol.ts';
import { SimClient, type SimApi } from '../worker/simClient.ts';
import { LogBook } from './logBook.ts';
import { RouteFeed } from './routeFeed.ts';

/** A message for the person: what was refused and why, or what happened. */
export interface Notice {
  readonly kind: 'error' | 'info';
  readonly text: string;
}

export interface PlaygroundState {
  /** starting: the worker is loading; crashed: it died and can be restarted. */
  readonly status: 'starting' | 'ready' | 'crashed';
  readonly crash: string | null;
  readonly snapshot: Snapshot | null;
  readonly notice: Notice | null;
  readonly presetId: string | null;
  /** Bumped when the log book got new entries. */
  readonly logVersion: number;

  loadPreset(id: string): Promise<void>;
  /** Loads a scenario from raw JSON; refused ones leave the run as it was and explain why. */
  loadScenario(raw: unknown, label?: string): Promise<boolean>;
  play(): Promise<void>;
  pause(): Promise<void>;
  togglePlay(): Promise<void>;
  step(): Promise<void>;
  stepBy(ms: number): Promise<void>;
  reset(): Promise<void>;
  setSpeed(speed: Speed): Promise<void>;
  /** Sends a setup edit; resolves to whether it was accepted. */
  command(cmd: SimCommand): Promise<boolean>;
  /** Starts a fresh worker with the last known setup after a crash. */
  restart(): Promise<void>;
  dismissNotice(): void;
}

/** The page's copy of the run's log (read by the log view, see LogBook). */
export const logBook = new LogBook();
/** Routing decisions for the flow view, outside React state. */
export const routeFeed = new RouteFeed();

let client: SimClient | null = null;
let cursor = { sinceVersion: 0, logSeq: 0, routeSeq: 0 };
let polling = false;
let inFlight = false;

export const usePlayground = create<PlaygroundState>()((set, get) => {
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
    };
    routeFeed.publish(snap.routes, happened);
    const gotLog = snap.log.entries.length > 0 || snap.log.dropped > 0;
    if (gotLog) logBook.append(snap.log.entries, snap.log.dropped);
    set((s) => ({
      snapshot: snap,
      status: 'ready',
      logVersion: gotLog ? s.logVersion + 1 : s.logVersion,
    }));
  }

  /** Asks for a snapshot once per animation frame, never with one still on its way. */
  function frame(): void {
    if (!inFlight && get().status !== 'crashed') {
      inFlight = true;
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
    cursor = { sinceVersion: 0, logSeq: 0, routeSeq: 0 };
    logBook.clear();
    set((s) => ({ logVersion: s.logVersion + 1 }));
  }

  function startPolling(): void {
    if (polling) return;
    polling = true;
    requestAnimationFrame(frame);
  }

  return {
    status: 'starting',
    crash: null,
    snapshot: null,
    notice: null,
    presetId: null,
    logVersion: 0,

    async loadPreset(id) {
      const preset = PRESETS.find((p) => p.id === id);
      if (!preset) {
        set({ notice: { kind: 'error', text: `preset: no preset named ${id}` } });
        return;
      }
      if (await get().loadScenario(preset.raw, preset.title)) set({ presetId: id });
    },

    async loadScenario(raw, label) {
      startPolling();
      const result = await guarded<LoadResult>((api) => api.load(raw));
      if (!result) return false;
      if (!result.ok) {
        const lines = result.problems.map((p) => `${p.path || 'scenario'}: ${p.message}`);
        set({
          notice: {
            kind: 'error',
            text: `${label ?? 'Scenario'} was not loaded. ${lines.join('; ')}`,
          },
        });
        return false;
      }
      restartCursors();
      set({ presetId: null, notice: null });
      return true;
    },

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
    async command(cmd) {
      const ok = report(await guarded<CommandResult>((api) => api.command(cmd)));
      if (ok && cmd.type === 'setSeed') restartCursors();
      return ok;
    },
    async restart() {
      const setup = get().snapshot?.setup;
      sim().restart();
      set({ status: 'starting', crash: null });
      restartCursors();
      if (setup) {
        const { serializeScenario } = await import('../engine/scenario/serialize.ts');
        await get().loadScenario(serializeScenario(setup), 'The last setup');
      }
    },
    dismissNotice() {
      set({ notice: null });
    },
  };
});
