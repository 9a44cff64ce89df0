import { describe, expect, it } from 'vitest';
import { allRuns } from '../../engine/sweep/plan.ts';
import { inThreadWorker, runSweep } from '../../engine/sweep/pool.ts';
import { assembleResult, resultJson } from '../../engine/sweep/results.ts';
import { planOf, smallSweep } from '../../engine/sweep/testing/planOf.ts';
import { startWorkers } from './workers.ts';

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

describe('a run that throws in this thread', () => {
  it('is reported as a thread reports one: which run, and the error', async () => {
    const plan = planOf(smallSweep());
    // A plan whose variants were lost on the way: runOne throws.
    const pool = await startWorkers({ ...plan, variants: [] }, 1);
    await expect(runSweep(plan, [2], pool.workers)).rejects.toThrow(/^run 2 failed: TypeError/);
  });
});
