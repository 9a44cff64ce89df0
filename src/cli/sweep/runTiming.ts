import { readFileSync } from 'node:fs';
import type { RunFigures } from '../../engine/sweep/figures.ts';
import type { SweepPlan } from '../../engine/sweep/plan.ts';
import { runOne } from '../../engine/sweep/runOne.ts';

/**
 * When a worker ran what, for benchmarks: how long each worker took to start, how busy it was and
 * how long it sat idle at the end while another finished. Times are wall-clock milliseconds since
 * the epoch as the worker itself read them (`performance.timeOrigin + performance.now()`), so a
 * thread's times do not include the wait for this thread to hear of them.
 */
export interface RunTiming {
  readonly index: number;
  readonly startMs: number;
  readonly endMs: number;
  /** CPU time the worker's thread had used by the run's end (see `threadCpuMs`). */
  readonly cpuMs: number | null;
}

/** Runs `index` of `plan` in this thread, timed; what the run throws is thrown on. */
export function timedRun(plan: SweepPlan, index: number): { figures: RunFigures } & RunTiming {
  const startMs = wallNow();
  const figures = runOne(plan, index);
  return { index, figures, startMs, endMs: wallNow(), cpuMs: threadCpuMs() };
}

/** What a failed run threw, as its message says it (the stack where there is one). */
export const describeError = (e: unknown): string =>
  e instanceof Error ? (e.stack ?? e.message) : String(e);

/** Now, in the epoch milliseconds every thread of the process agrees on. */
export const wallNow = (): number => performance.timeOrigin + performance.now();

/**
 * CPU time this thread has used, in ms (Linux's per-thread scheduler statistics, nanoseconds); null
 * where there are none. Node 20 has no per-thread CPU clock (`process.threadCpuUsage` came in 23),
 * and `process.cpuUsage()` counts every thread of the process.
 */
export function threadCpuMs(): number | null {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}
