import { describe, expect, it } from 'vitest';
import { allRuns } from '../../engine/sweep/plan.ts';
import { inThreadWorker, runSweep } from '../../engine/sweep/pool.ts';
import { assembleResult, resultJson } from '../../engine/sweep/results.ts';
import { planOf, smallSweep } from '../../engine/sweep/testing/planOf.ts';
import { startThreadPool } from './threadPool.ts';

describe('worker threads', () => {
  it('give byte-identical results to one in-process worker', async () => {
    const plan = planOf(smallSweep());
    const runs = allRuns(plan.header);
    const one = await runSweep(plan, runs, [inThreadWorker(plan)]);
    const pool = await startThreadPool(plan, 3);
    try {
      const byThread: number[] = [];
      const many = await runSweep(plan, runs, pool.workers, {
        onRun: (d) => byThread.push(d.index),
      });
      expect(resultJson(assembleResult(plan.header, many.figures))).toBe(
        resultJson(assembleResult(plan.header, one.figures)),
      );
      expect(byThread.sort((a, b) => a - b)).toEqual(runs);
    } finally {
      await pool.close();
    }
  });

  it("report a run that throws as a failure, with the thread's message", async () => {
    const plan = planOf(smallSweep());
    // A plan whose variants were lost on the way: the thread's runOne throws.
    const pool = await startThreadPool({ ...plan, variants: [] }, 1);
    try {
      await expect(runSweep(plan, [0], pool.workers)).rejects.toThrow(/run 0 failed: TypeError/);
    } finally {
      await pool.close();
    }
  });
});
