import { Worker } from 'node:worker_threads';
import type { RunFigures } from '../../engine/sweep/figures.ts';
import type { SweepPlan } from '../../engine/sweep/plan.ts';
import type { SweepWorker } from '../../engine/sweep/pool.ts';

/**
 * `SweepWorker`s on Node worker threads, one run at a time each. The plan is cloned into each
 * thread once, at its start; afterwards only run indices go out and figures come back.
 */

/** What a thread answers for one run. */
export type ThreadReply =
  | { readonly index: number; readonly figures: RunFigures }
  | { readonly index: number; readonly error: string };

const BOOT = new URL('./runWorker.boot.mjs', import.meta.url);

export interface ThreadPool {
  readonly workers: readonly SweepWorker[];
  /** Stops every thread (runs in progress are abandoned). */
  close(): Promise<void>;
}

function threadWorker(plan: SweepPlan): { worker: SweepWorker; thread: Worker } {
  const thread = new Worker(BOOT, { workerData: { plan } });
  let pending: {
    index: number;
    resolve: (f: RunFigures) => void;
    reject: (e: Error) => void;
  } | null = null;
  let dead: Error | null = null;
  const fail = (e: Error) => {
    dead ??= e;
    pending?.reject(dead);
    pending = null;
  };
  thread.on('message', (reply: ThreadReply) => {
    const p = pending;
    pending = null;
    if (p === null || p.index !== reply.index) return;
    if ('error' in reply) p.reject(new Error(`run ${reply.index} failed: ${reply.error}`));
    else p.resolve(reply.figures);
  });
  thread.on('error', (e) => fail(new Error(`a worker thread failed: ${e.stack ?? e.message}`)));
  thread.on('exit', (code) => fail(new Error(`a worker thread stopped (exit code ${code})`)));
  const worker: SweepWorker = {
    run: (index) =>
      new Promise<RunFigures>((resolve, reject) => {
        if (dead !== null) return reject(dead);
        if (pending !== null) return reject(new Error('a worker runs one run at a time'));
        pending = { index, resolve, reject };
        thread.postMessage(index);
      }),
  };
  return { worker, thread };
}

/** Starts `count` worker threads for `plan`. */
export function startThreadPool(plan: SweepPlan, count: number): ThreadPool {
  const started = Array.from({ length: count }, () => threadWorker(plan));
  return {
    workers: started.map((s) => s.worker),
    close: async () => {
      await Promise.all(started.map((s) => s.thread.terminate()));
    },
  };
}
