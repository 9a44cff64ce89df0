import { Worker } from 'node:worker_threads';
import type { RunFigures } from '../../engine/sweep/figures.ts';
import type { SweepPlan } from '../../engine/sweep/plan.ts';
import type { SweepWorker } from '../../engine/sweep/pool.ts';
import type { RunTiming } from './runTiming.ts';
import { workerScript, type WorkerScript } from './workerBundle.ts';

/**
 * `SweepWorker`s on Node worker threads, each running its runs one at a time in the order sent
 * (several may wait in its queue). The plan is cloned into each thread once, at its start;
 * afterwards only run indices go out and figures (plus when the run started and ended) come back.
 * Every thread runs one script, runWorker.ts bundled with the engine (see workerBundle.ts).
 */

/** What a thread says: that it is running (first), then one answer per run. */
export type ThreadMessage =
  | { readonly onlineMs: number; readonly cpuMs: number | null }
  | ({ readonly figures: RunFigures } & RunTiming)
  | { readonly index: number; readonly error: string };

/**
 * Starts reading (or bundling) the worker's script now, so that it is ready by the time the sweep
 * has been read and checked. Safe to call more than once.
 */
export function prepareThreads(): void {
  void workerScript().catch(() => {
    // Reported by startThreadPool, which awaits the same promise.
  });
}

/** One thread's life as its own clock saw it (epoch ms, see runTiming.ts). */
export interface ThreadLog {
  /** When the thread started running its script; null until it has. */
  onlineMs: number | null;
  /** The thread's CPU time when the sweep started (0 for a thread started for it) and online. */
  readonly startCpuMs: number | null;
  onlineCpuMs: number | null;
  /** Its runs, in the order they finished. */
  readonly runs: RunTiming[];
}

export interface ThreadPool {
  readonly workers: readonly SweepWorker[];
  /** Where the threads' script came from and how long getting it took. */
  readonly script: Omit<WorkerScript, 'code'>;
  /** Per thread, in the order of `workers`. */
  readonly logs: readonly ThreadLog[];
  /** Stops every thread (runs in progress are abandoned). */
  close(): Promise<void>;
}

/** How a failed run is reported, whichever worker (a thread, or the command's own) ran it. */
export function runFailed(index: number, why: string, cause?: unknown): Error {
  return new Error(`run ${index} failed: ${why}`, { cause });
}

/**
 * Runs a thread keeps in hand: a thread that finishes a run starts the next at once instead of
 * waiting for this thread to hear of it and answer, which on a busy machine, or while this thread
 * runs a run of its own, leaves it idle.
 */
const THREAD_DEPTH = 2;

function threadWorker(
  script: string,
  plan: SweepPlan,
): { worker: SweepWorker; thread: Worker; log: ThreadLog } {
  // The script is self-contained: without execArgv the thread skips the `--import tsx` its parent
  // was started with (loading tsx again in each thread, for nothing).
  const thread = new Worker(script, { eval: true, workerData: { plan }, execArgv: [] });
  const log: ThreadLog = { onlineMs: null, startCpuMs: 0, onlineCpuMs: null, runs: [] };
  // Runs sent and not yet answered; the thread answers them in the order sent.
  const pending = new Map<
    number,
    { resolve: (f: RunFigures) => void; reject: (e: Error) => void }
  >();
  let dead: Error | null = null;
  const fail = (e: Error) => {
    dead ??= e;
    for (const p of pending.values()) p.reject(dead);
    pending.clear();
  };
  thread.on('message', (message: ThreadMessage) => {
    if ('onlineMs' in message) {
      log.onlineMs = message.onlineMs;
      log.onlineCpuMs = message.cpuMs;
      return;
    }
    const p = pending.get(message.index);
    if (p === undefined) return;
    pending.delete(message.index);
    if ('error' in message) return p.reject(runFailed(message.index, message.error));
    const { index, startMs, endMs, cpuMs } = message;
    log.runs.push({ index, startMs, endMs, cpuMs });
    p.resolve(message.figures);
  });
  thread.on('error', (e) => fail(new Error(`a worker thread failed: ${e.stack ?? e.message}`)));
  thread.on('exit', (code) => fail(new Error(`a worker thread stopped (exit code ${code})`)));
  const worker: SweepWorker = {
    depth: THREAD_DEPTH,
    run: (index) =>
      new Promise<RunFigures>((resolve, reject) => {
        if (dead !== null) return reject(dead);
        pending.set(index, { resolve, reject });
        thread.postMessage(index);
      }),
  };
  return { worker, thread, log };
}

/** Starts `count` worker threads for `plan`, each kept THREAD_DEPTH runs ahead. */
export async function startThreadPool(plan: SweepPlan, count: number): Promise<ThreadPool> {
  const { code, ...script } = await workerScript();
  const started = Array.from({ length: count }, () => threadWorker(code, plan));
  return {
    workers: started.map((s) => s.worker),
    script,
    logs: started.map((s) => s.log),
    close: async () => {
      await Promise.all(started.map((s) => s.thread.terminate()));
    },
  };
}
