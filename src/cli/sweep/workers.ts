import type { RunFigures } from '../../engine/sweep/figures.ts';
import type { SweepPlan } from '../../engine/sweep/plan.ts';
import type { SweepWorker } from '../../engine/sweep/pool.ts';
import { describeError, threadCpuMs, timedRun, wallNow } from './runTiming.ts';
import { runFailed, startThreadPool, type ThreadLog, type ThreadPool } from './threadPool.ts';

/**
 * The workers of one `npm run sweep`: this thread is always one of them, and each further worker
 * is a worker thread. So `--workers 2` on 2 cores is this thread plus one thread, not two threads
 * beside an idle one.
 *
 * Why: every thread is a new V8 isolate that boots, compiles its script and warms its JIT from
 * cold (the optimising compiler alone spends 0.3-0.4 s of CPU on it for the knee preset), while
 * this thread has the engine loaded already and, in a process that sweeps more than once,
 * compiled. On 2 cores that is one cold isolate instead of two: `npm run bench:sweep --
 * --threads-only` measured the compiler threads' CPU per sweep at 0.31-0.51 s instead of
 * 0.60-0.92 s, and the CPU time over one worker at a median +7% instead of +11% (README, Sweeps).
 *
 * A run in this thread blocks its event loop for the run's length (tens of milliseconds), so the
 * threads are kept two runs ahead (their next run is already queued when they finish one), and
 * this thread lets its event loop turn before each of its runs, which is when threads' answers
 * are heard and their next runs sent.
 */

export interface SweepWorkers {
  readonly workers: readonly SweepWorker[];
  /** Per worker, in the order of `workers`: when it came online and what it ran when. */
  readonly logs: readonly ThreadLog[];
  /** The threads' script: from the cache or bundled, and how long that took; null without. */
  readonly script: ThreadPool['script'] | null;
  close(): Promise<void>;
}

/** Resolves after the event loop has turned once (I/O, so threads' messages, included). */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A worker that runs in this thread, recording when it ran what. */
function thisThreadWorker(plan: SweepPlan, log: ThreadLog, yieldFirst: boolean): SweepWorker {
  return {
    depth: 1,
    run: async (index): Promise<RunFigures> => {
      if (yieldFirst) await turn();
      try {
        const { figures, ...timing } = timedRun(plan, index);
        log.runs.push(timing);
        return figures;
      } catch (e) {
        throw runFailed(index, describeError(e), e);
      }
    },
  };
}

/**
 * `count` workers for `plan`: this thread, plus `count - 1` worker threads (started first, so
 * they start up while this thread already runs).
 */
export async function startWorkers(plan: SweepPlan, count: number): Promise<SweepWorkers> {
  const cpu = threadCpuMs();
  const here: ThreadLog = { onlineMs: wallNow(), startCpuMs: cpu, onlineCpuMs: cpu, runs: [] };
  if (count <= 1) {
    return {
      workers: [thisThreadWorker(plan, here, false)],
      logs: [here],
      script: null,
      close: async () => {},
    };
  }
  const pool = await startThreadPool(plan, count - 1);
  return {
    workers: [thisThreadWorker(plan, here, true), ...pool.workers],
    logs: [here, ...pool.logs],
    script: pool.script,
    close: () => pool.close(),
  };
}
