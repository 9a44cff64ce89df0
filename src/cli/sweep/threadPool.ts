import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RunFigures } from '../../engine/sweep/figures.ts';
import type { SweepPlan } from '../../engine/sweep/plan.ts';
import type { SweepWorker } from '../../engine/sweep/pool.ts';

/**
 * `SweepWorker`s on Node worker threads, each running its runs one at a time in the order sent
 * (several may wait in its queue). The plan is cloned into each thread once, at its start;
 * afterwards only run indices go out and figures come back.
 *
 * Threads run one script: runWorker.ts and the engine bundled by esbuild (about 0.2 s, once per
 * command). Threads do not inherit the parent's TypeScript loader, and loading the engine's
 * modules one by one through tsx's hooks took 1 to 1.5 s per thread on this project's machine,
 * which on a 10-second sweep is a tenth of the speed-up lost before the first run starts.
 */

/** What a thread answers for one run. */
export type ThreadReply =
  | { readonly index: number; readonly figures: RunFigures }
  | { readonly index: number; readonly error: string };

const ENTRY = fileURLToPath(new URL('./runWorker.ts', import.meta.url));

let bundled: Promise<string> | null = null;

/**
 * Starts bundling the worker's script now (esbuild works in a process of its own), so that it is
 * ready by the time the sweep has been read and checked. Safe to call more than once.
 */
export function prepareThreads(): void {
  void workerScript().catch(() => {
    // Reported by startThreadPool, which awaits the same promise.
  });
}

/**
 * The worker's script: runWorker.ts with everything it imports, as one CommonJS file. Stack traces
 * from it name the engine's functions (esbuild keeps names) at lines of "sweep-run-worker.js";
 * source maps are not applied to code a worker evaluates, so none is generated.
 */
function workerScript(): Promise<string> {
  bundled ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  }).then((result) => `${result.outputFiles[0]!.text}\n//# sourceURL=sweep-run-worker.js\n`);
  return bundled;
}

export interface ThreadPool {
  readonly workers: readonly SweepWorker[];
  /** Stops every thread (runs in progress are abandoned). */
  close(): Promise<void>;
}

function threadWorker(script: string, plan: SweepPlan): { worker: SweepWorker; thread: Worker } {
  const thread = new Worker(script, { eval: true, workerData: { plan } });
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
  thread.on('message', (reply: ThreadReply) => {
    const p = pending.get(reply.index);
    if (p === undefined) return;
    pending.delete(reply.index);
    if ('error' in reply) p.reject(new Error(`run ${reply.index} failed: ${reply.error}`));
    else p.resolve(reply.figures);
  });
  thread.on('error', (e) => fail(new Error(`a worker thread failed: ${e.stack ?? e.message}`)));
  thread.on('exit', (code) => fail(new Error(`a worker thread stopped (exit code ${code})`)));
  const worker: SweepWorker = {
    run: (index) =>
      new Promise<RunFigures>((resolve, reject) => {
        if (dead !== null) return reject(dead);
        pending.set(index, { resolve, reject });
        thread.postMessage(index);
      }),
  };
  return { worker, thread };
}

/** Starts `count` worker threads for `plan`. */
export async function startThreadPool(plan: SweepPlan, count: number): Promise<ThreadPool> {
  const script = await workerScript();
  const started = Array.from({ length: count }, () => threadWorker(script, plan));
  return {
    workers: started.map((s) => s.worker),
    close: async () => {
      await Promise.all(started.map((s) => s.thread.terminate()));
    },
  };
}
