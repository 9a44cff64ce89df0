import { readdirSync, readFileSync } from 'node:fs';

/**
 * How much of the wall time Chromium's simulation worker thread ran, and how long it waited for a
 * core while ready to run, read from Linux's per-thread scheduler statistics
 * (`/proc/<pid>/task/<tid>/schedstat`: nanoseconds on a CPU, nanoseconds runnable but waiting).
 * It splits the "max" figure in two: the engine's speed per CPU second, and the share of the
 * wall time the worker got a core (on 2 cores the page's drawing competes for them). Null where
 * /proc is not there (not Linux) or no worker thread is found: the benchmark then says so.
 */
export interface ThreadTime {
  /** ns on a CPU. */
  readonly run: number;
  /** ns runnable but waiting for a CPU. */
  readonly wait: number;
}

/** Each dedicated-worker thread's times, by thread id. */
export type ThreadTimes = ReadonlyMap<string, ThreadTime>;

/** Chromium names a dedicated worker's thread "DedicatedWorker thread" (15 characters kept). */
const WORKER_THREAD = 'DedicatedWorker';

/** Times of every dedicated-worker thread in Chromium renderer processes now, or null. */
export function readWorkerThreads(): ThreadTimes | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  const times = new Map<string, ThreadTime>();
  for (const pid of pids) {
    let tids: string[];
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // the process ended while we looked
    }
    for (const tid of tids) {
      try {
        const base = `/proc/${pid}/task/${tid}`;
        if (!readFileSync(`${base}/comm`, 'utf8').startsWith(WORKER_THREAD)) continue;
        const [onCpu, waiting] = readFileSync(`${base}/schedstat`, 'utf8').trim().split(' ');
        times.set(tid, { run: Number(onCpu), wait: Number(waiting) });
      } catch {
        // the thread ended while we looked
      }
    }
  }
  return times.size > 0 ? times : null;
}

export interface WorkerShare {
  /** Share of the wall time the busiest worker thread ran on a CPU. */
  readonly onCpu: number;
  /** Share of the wall time it was ready to run but waited for a CPU. */
  readonly waiting: number;
}

/**
 * The busiest worker thread's shares of `wallMs` between two readings (the simulation's worker at
 * "max"; an idle sweep worker, if one started, barely moves).
 */
export function workerShare(
  before: ThreadTimes | null,
  after: ThreadTimes | null,
  wallMs: number,
): WorkerShare | null {
  if (before === null || after === null || !(wallMs > 0)) return null;
  let best: WorkerShare | null = null;
  for (const [tid, now] of after) {
    const then = before.get(tid) ?? { run: 0, wait: 0 };
    const share = {
      onCpu: (now.run - then.run) / 1e6 / wallMs,
      waiting: (now.wait - then.wait) / 1e6 / wallMs,
    };
    if (best === null || share.onCpu > best.onCpu) best = share;
  }
  return best;
}
