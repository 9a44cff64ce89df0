import type { RunFigures } from './figures.ts';
import { runCount, type SweepPlan } from './plan.ts';
import { runOne } from './runOne.ts';

/**
 * Runs of a sweep spread over workers. Each worker takes the next run as soon as it finishes one
 * (a shared queue, so fast and slow runs balance themselves), and each result is stored under its
 * run's index, so the results do not depend on how many workers there were or which ran what.
 * The scheduling is plain promises: the same code drives worker threads in Node and Web Workers in
 * the page, each behind a `SweepWorker`.
 *
 * In the page: `loadSweep(raw)` on the main thread gives the plan (or problems by path); each Web
 * Worker exposes `{ init(plan), run(index) => runOne(plan, index) }` over comlink, and a
 * `SweepWorker` adapter awaits `init` then calls `run`; `runSweep(plan, allRuns(plan.header),
 * workers, { onRun, cancelled })` streams runs in (rebuild `pointsSoFar` from them) and
 * `assembleResult` gives the final results. See `src/cli/sweep/threadPool.ts` for the Node twin.
 */

/**
 * Something that executes runs of one plan and answers with their figures. It runs them one at a
 * time in the order asked, but may be asked for the next before the last is answered (`depth`).
 */
export interface SweepWorker {
  run(index: number): Promise<RunFigures>;
  /**
   * Runs handed to this worker ahead of its answers (default 1). With 2, a worker in another
   * thread that finishes a run starts the next at once instead of waiting for this thread to hear
   * of it and answer, which on a busy machine (this thread not scheduled for a while) leaves
   * workers idle. A worker that runs in the caller's own thread gains nothing from a queue (it
   * cannot start the next run while this thread is busy anyway) and would only hold back runs
   * that an idle worker could take at the end.
   */
  readonly depth?: number;
}

export interface RunDone {
  readonly index: number;
  readonly figures: RunFigures;
  /** Runs finished so far, this one included, and runs asked for. */
  readonly done: number;
  readonly total: number;
}

export interface RunSweepOptions {
  /** Told as each run finishes, in the order they finish. */
  readonly onRun?: (done: RunDone) => void;
  /**
   * Asked before each run is handed out; once it answers true no more are, runs in progress
   * finish, and the promise resolves with `cancelled: true` and the figures so far.
   */
  readonly cancelled?: () => boolean;
}

export interface SweepRuns {
  /** Indexed by run; undefined for runs not asked for or not done. */
  readonly figures: (RunFigures | undefined)[];
  readonly cancelled: boolean;
}

/**
 * Executes `runs` (run indices of `plan`, handed out in this order) on `workers`. Rejects with the
 * first error a worker reports, after which no further run is handed out.
 */
export async function runSweep(
  plan: SweepPlan,
  runs: readonly number[],
  workers: readonly SweepWorker[],
  options: RunSweepOptions = {},
): Promise<SweepRuns> {
  if (workers.length === 0) throw new RangeError('a sweep needs at least one worker');
  const figures = new Array<RunFigures | undefined>(runCount(plan.header));
  let next = 0;
  let done = 0;
  let failed = false;
  let cancelled = false;
  const lane = async (worker: SweepWorker) => {
    while (next < runs.length && !failed) {
      if (options.cancelled?.()) {
        cancelled = true;
        return;
      }
      const index = runs[next++]!;
      try {
        figures[index] = await worker.run(index);
      } catch (e) {
        failed = true;
        throw e;
      }
      done++;
      options.onRun?.({ index, figures: figures[index], done, total: runs.length });
    }
  };
  const depthOf = (w: SweepWorker) => Math.max(1, Math.floor(w.depth ?? 1));
  await Promise.all(workers.flatMap((w) => Array.from({ length: depthOf(w) }, () => lane(w))));
  return { figures, cancelled };
}

/**
 * A worker that runs in the caller's own thread, for tests (the CLI's own thread times its runs:
 * src/cli/sweep/workers.ts). A page must not use it: a run would block the page while it lasts.
 */
export function inThreadWorker(plan: SweepPlan): SweepWorker {
  return { run: async (index) => runOne(plan, index) };
}
