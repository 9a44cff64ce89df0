/** What the benchmarks share to time and sum up runs. */
import type { Clocks } from './modelRuns.ts';

/**
 * CPU time (user + system) the process has used, ms: unlike the wall clock, it does not count
 * the time a run waited for a core that other jobs held.
 */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** This process's clocks, as the model runs take them: the wall clock and the CPU time used. */
export const processClocks: Clocks = { wallMs: () => performance.now(), cpuMs };

/** The middle value (the upper middle of an even count). */
export const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
