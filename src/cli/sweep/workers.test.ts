import { describe, expect, it } from 'vitest';
import { allRuns } from '../../engine/sweep/plan.ts';
import { inThreadWorker, runSweep } from '../../engine/sweep/pool.ts';
import { assembleResult, resultJson } from '../../engine/sweep/results.ts';
import { planOf, smallSweep } from '../../engine/sweep/testing/planOf.ts';
import { startWorkers, workerUse } from './workers.ts';

describe('the workers of a sweep command', () => {
  it('are this thread plus worker threads, with the results of one worker', async () => {
    const plan = planOf(smallSweep());
    const runs = allRuns(plan.header);
    const one = await runSweep(plan, runs, [inThreadWorker(plan)]);
    const pool = await startWorkers(plan, 3);
    try {
      expect(pool.workers).toHaveLength(3);
      expect(pool.workers.map((w) => w.depth)).toEqual([1, 2, 2]);
      const many = await runSweep(plan, runs, pool.workers);
      expect(resultJson(assembleResult(plan.header, many.figures))).toBe(
        resultJson(assembleResult(plan.header, one.figures)),
      );
      // Every run was logged once, by the worker that ran it; this thread took the first.
      const logged = pool.logs.flatMap((l) => l.runs.map((r) => r.index));
      expect(logged.sort((a, b) => a - b)).toEqual(runs);
      expect(pool.logs[0]!.runs[0]!.index).toBe(0);
      for (const log of pool.logs) {
        expect(log.onlineMs).not.toBeNull();
        for (const r of log.runs) expect(r.endMs).toBeGreaterThanOrEqual(r.startMs);
      }
    } finally {
      await pool.close();
    }
  });

  it('are this thread alone for one worker, with no threads and no script', async () => {
    const plan = planOf(smallSweep());
    const pool = await startWorkers(plan, 1);
    expect(pool.script).toBeNull();
    await runSweep(plan, [4, 1], pool.workers);
    expect(pool.logs[0]!.runs.map((r) => r.index)).toEqual([4, 1]);
  });
});

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

describe('a run that throws in this thread', () => {
  it('is reported as a thread reports one: which run, and the error', async () => {
    const plan = planOf(smallSweep());
    // A plan whose variants were lost on the way: runOne throws.
    const pool = await startWorkers({ ...plan, variants: [] }, 1);
    await expect(runSweep(plan, [2], pool.workers)).rejects.toThrow(/^run 2 failed: TypeError/);
  });
});
