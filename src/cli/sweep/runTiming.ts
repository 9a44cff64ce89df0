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
}

/** Now, in the epoch milliseconds every thread of the process agrees on. */
export const wallNow = (): number => performance.timeOrigin + performance.now();
