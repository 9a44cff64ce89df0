import type { RawScenario } from '../../../engine/scenario/schema.ts';
import type { Snapshot, Speed } from '../../../worker/protocol.ts';
import { scenarioEnd } from './scenarioFacts.ts';
import type { RunRecord } from './types.ts';

/** The part of the playground store a scripted run drives (the store itself, or a test fake). */
export interface RunHost {
  getState(): {
    readonly status: 'starting' | 'ready' | 'crashed';
    readonly snapshot: Snapshot | null;
    loadScenario(raw: unknown, label?: string): Promise<boolean>;
    setSpeed(speed: Speed): Promise<void>;
    play(): Promise<void>;
    pause(): Promise<void>;
  };
  subscribe(listener: () => void): () => void;
}

export interface RunOptions {
  /** How the load is named in a refusal notice. */
  readonly label: string;
  readonly speed: Speed;
  /** Simulated time now and the time the traffic and events end, on every new snapshot. */
  readonly onProgress?: (now: number, end: number) => void;
  readonly signal?: AbortSignal;
}

export type RunOutcome =
  | { readonly ok: true; readonly record: RunRecord }
  | { readonly ok: false; readonly reason: string };

/** Whether a snapshot shows the run over: everything finished, or the duration reached. */
export function runIsOver(snap: Snapshot): boolean {
  if (snap.finished) return true;
  return snap.setup.durationMs !== null && snap.now >= snap.setup.durationMs && !snap.playing;
}

/**
 * Loads a scenario through the store (so Undo brings the previous setup back), plays it at
 * `speed` and resolves with the summary once the run is over; then pauses and puts the learner's
 * speed back. Only the store's public actions are used: the worker is not touched directly.
 */
export async function runScenario(
  host: RunHost,
  raw: RawScenario,
  options: RunOptions,
): Promise<RunOutcome> {
  const before = host.getState().snapshot;
  const speedBefore = before?.speed ?? 1;
  const name = raw.name ?? 'Untitled';
  if (!(await host.getState().loadScenario(raw, options.label)))
    return { ok: false, reason: `${options.label} could not be loaded.` };
  if (options.signal?.aborted) return { ok: false, reason: 'Stopped.' };
  await host.getState().setSpeed(options.speed);
  await host.getState().play();

  const outcome = await new Promise<RunOutcome>((resolve) => {
    let ours = false;
    let done = false;
    let lastNow = -1;
    const finish = (result: RunOutcome) => {
      if (done) return;
      done = true;
      unsubscribe();
      options.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAbort = () => finish({ ok: false, reason: 'Stopped.' });
    const check = () => {
      const { status, snapshot: snap } = host.getState();
      if (status === 'crashed') return finish({ ok: false, reason: 'The simulation crashed.' });
      if (!snap) return;
      // Snapshots of the previous setup may still arrive: wait for the one this load produced.
      const isOurs = snap.setupVersion !== before?.setupVersion && snap.setup.name === name;
      if (!ours) {
        if (!isOurs) return;
        ours = true;
      } else if (snap.setup.name !== name)
        return finish({ ok: false, reason: 'Another setup was loaded during the run.' });
      if (snap.now !== lastNow) {
        lastNow = snap.now;
        options.onProgress?.(snap.now, scenarioEnd(snap.setup));
      }
      if (runIsOver(snap))
        finish({ ok: true, record: { summary: snap.summary, setup: snap.setup } });
    };
    const unsubscribe = host.subscribe(check);
    options.signal?.addEventListener('abort', onAbort);
    check();
  });
  if (outcome.ok) {
    await host.getState().pause();
    await host.getState().setSpeed(speedBefore);
  }
  return outcome;
}
