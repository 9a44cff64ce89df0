/**
 * How a sweep's workers spent it, for `npm run bench:sweep`: read from the run logs the CLI's
 * workers keep (src/cli/sweep/workers.ts), which the sweep itself never needs.
 */
import type { RunTiming } from '../src/cli/sweep/runTiming.ts';
import type { ThreadLog } from '../src/cli/sweep/threadPool.ts';

/** How a sweep's workers spent it: start-up, busy time and idle tail of each (ms). */
export interface WorkerUse {
  /** From the sweep's start to the worker's first run. */
  readonly startupMs: number;
  /** Sum of its runs' wall times. */
  readonly busyMs: number;
  /** From its last run's end to the end of the sweep's last run. */
  readonly tailMs: number;
  readonly runs: number;
  /** CPU time of its thread until it was online (starting up) and in all; null if unknown. */
  readonly startupCpuMs: number | null;
  readonly cpuMs: number | null;
}

/** Each worker's use of a sweep that started at `startMs` (epoch ms, see runTiming.ts). */
export function workerUse(logs: readonly ThreadLog[], startMs: number): WorkerUse[] {
  const last = (runs: readonly RunTiming[]) => Math.max(startMs, ...runs.map((r) => r.endMs));
  const endMs = Math.max(...logs.map((l) => last(l.runs)));
  const since = (cpuMs: number | null | undefined, start: number | null) =>
    cpuMs === null || cpuMs === undefined || start === null ? null : cpuMs - start;
  return logs.map(({ runs, startCpuMs, onlineCpuMs }) => ({
    startupMs:
      runs.length === 0 ? endMs - startMs : Math.min(...runs.map((r) => r.startMs)) - startMs,
    busyMs: runs.reduce((sum, r) => sum + (r.endMs - r.startMs), 0),
    tailMs: endMs - last(runs),
    runs: runs.length,
    startupCpuMs: since(onlineCpuMs, startCpuMs),
    cpuMs: since(runs.at(-1)?.cpuMs ?? onlineCpuMs, startCpuMs),
  }));
}
