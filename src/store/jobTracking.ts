import type { JobRefusal } from '../worker/protocol.ts';
import type { SimApi } from '../worker/simClient.ts';
import type { SimLink } from './simLink.ts';

/** A headless job on its way in the worker, and how far it has got. */
export interface JobState {
  /** The id to cancel it by. */
  readonly id: number;
  /** Share of its simulated time done, 0 to 1. */
  readonly fraction: number;
  /** Simulated time its current run has reached, and where that run's traffic ends. */
  readonly simulatedMs: number;
  readonly endMs: number;
  /** Wall-clock ms since it started, as the worker measures it. */
  readonly elapsedMs: number;
}

/**
 * Starts a headless job in the worker under a fresh id and reports its progress through
 * `onState` until it resolves. A worker that dies on the way resolves it as a refusal.
 */
export async function trackJob<R extends { readonly ok: boolean }>(
  link: SimLink,
  start: (id: number, api: SimApi) => Promise<R>,
  onState: (state: JobState) => void,
): Promise<R | JobRefusal> {
  const id = link.nextJobId();
  onState({ id, fraction: 0, simulatedMs: 0, endMs: 0, elapsedMs: 0 });
  const stop = link.onJobProgress((p) => {
    if (p.job !== id) return;
    const { fraction, simulatedMs, endMs, elapsedMs } = p;
    onState({ id, fraction, simulatedMs, endMs, elapsedMs });
  });
  try {
    return await link.call((api) => start(id, api));
  } catch (e) {
    return { ok: false, message: `The simulation stopped: ${(e as Error).message}` };
  } finally {
    stop();
  }
}
