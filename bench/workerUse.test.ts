import { describe, expect, it } from 'vitest';
import { workerUse } from './workerUse.ts';

describe("each worker's use of a sweep", () => {
  it('is its start-up, busy time, idle tail and CPU time, computed by hand', () => {
    // Each run: [startMs, endMs, thread CPU ms at its end].
    const log = (startCpuMs: number | null, onlineCpuMs: number | null, runs: number[][]) => ({
      onlineMs: 1000,
      startCpuMs,
      onlineCpuMs,
      runs: runs.map(([startMs, endMs, cpuMs], index) => ({
        index,
        startMs: startMs!,
        endMs: endMs!,
        cpuMs: cpuMs ?? null,
      })),
    });
    const use = workerUse(
      [
        // This thread: 5,000 ms of CPU before the sweep.
        log(5000, 5000, [
          [1000, 1400, 5390],
          [1400, 2000, 5980],
        ]),
        // A thread started for the sweep: 30 ms of CPU to come online.
        log(0, 30, [
          [1050, 1700, 660],
          [1710, 1900, 850],
        ]),
        log(0, null, []),
      ],
      1000,
    );
    expect(use).toEqual([
      { startupMs: 0, busyMs: 1000, tailMs: 0, runs: 2, startupCpuMs: 0, cpuMs: 980 },
      { startupMs: 50, busyMs: 840, tailMs: 100, runs: 2, startupCpuMs: 30, cpuMs: 850 },
      // A worker that ran nothing waited the whole sweep and idled through all of it.
      { startupMs: 1000, busyMs: 0, tailMs: 1000, runs: 0, startupCpuMs: null, cpuMs: null },
    ]);
  });
});
