import { describe, expect, it } from 'vitest';
import { Xoshiro128 } from '../random.ts';
import { allRuns } from './plan.ts';
import { inThreadWorker, runSweep, type SweepWorker } from './pool.ts';
import { assembleResult, resultJson } from './results.ts';
import { runOne } from './runOne.ts';
import { planOf, smallSweep } from './testing/planOf.ts';

const plan = planOf(smallSweep());
const runs = allRuns(plan.header);

/** Workers that answer after random numbers of event-loop turns, so runs finish out of order. */
function jitteryWorkers(count: number, seed: number, log?: number[][]): SweepWorker[] {
  const rng = new Xoshiro128(seed);
  return Array.from({ length: count }, (_, w) => ({
    run: async (index) => {
      log?.[w]!.push(index);
      for (let turns = rng.int(20); turns > 0; turns--) await Promise.resolve();
      return runOne(plan, index);
    },
  }));
}

describe('running a sweep on a pool of workers', () => {
  it('gives byte-identical results with 1 worker or many, whatever order runs finish in', async () => {
    const one = await runSweep(plan, runs, [inThreadWorker(plan)]);
    const expected = resultJson(assembleResult(plan.header, one.figures));
    for (const [count, seed] of [
      [2, 1],
      [3, 2],
      [8, 3],
      [27, 4],
      [40, 5],
    ] as const) {
      const order: number[] = [];
      const many = await runSweep(plan, runs, jitteryWorkers(count, seed), {
        onRun: (d) => order.push(d.index),
      });
      expect(resultJson(assembleResult(plan.header, many.figures))).toBe(expected);
      expect(order.sort((a, b) => a - b)).toEqual(runs);
    }
  });

  it('hands each run to one worker, the next run to whichever is free', async () => {
    const log: number[][] = [[], [], []];
    await runSweep(plan, runs, jitteryWorkers(3, 9, log));
    const all = log.flat();
    expect(all.sort((a, b) => a - b)).toEqual(runs);
    for (const own of log) expect(own.length).toBeGreaterThan(0);
  });

  it('with depth 2 keeps at most two runs at each worker, with the same results', async () => {
    const outstanding = [0, 0, 0];
    const most = [0, 0, 0];
    const counting: SweepWorker[] = jitteryWorkers(3, 11).map((w, i) => ({
      run: async (index) => {
        most[i] = Math.max(most[i]!, ++outstanding[i]!);
        const figures = await w.run(index);
        outstanding[i]!--;
        return figures;
      },
      depth: 2,
    }));
    const deep = await runSweep(plan, runs, counting);
    const one = await runSweep(plan, runs, [inThreadWorker(plan)]);
    expect(resultJson(assembleResult(plan.header, deep.figures))).toBe(
      resultJson(assembleResult(plan.header, one.figures)),
    );
    expect(most).toEqual([2, 2, 2]);
  });

  it('keeps each worker as many runs ahead as its own depth, with the same results', async () => {
    const outstanding = [0, 0, 0];
    const most = [0, 0, 0];
    const counting: SweepWorker[] = jitteryWorkers(3, 12).map((w, i) => ({
      run: async (index) => {
        most[i] = Math.max(most[i]!, ++outstanding[i]!);
        const figures = await w.run(index);
        outstanding[i]!--;
        return figures;
      },
      depth: [1, 3, 2][i],
    }));
    const mixed = await runSweep(plan, runs, counting);
    const one = await runSweep(plan, runs, [inThreadWorker(plan)]);
    expect(resultJson(assembleResult(plan.header, mixed.figures))).toBe(
      resultJson(assembleResult(plan.header, one.figures)),
    );
    expect(most).toEqual([1, 3, 2]);
  });

  it('reports progress as runs finish, and runs only the runs asked for', async () => {
    const done: string[] = [];
    const result = await runSweep(plan, [5, 2, 9], [inThreadWorker(plan)], {
      onRun: (d) => done.push(`${d.index}:${d.done}/${d.total}`),
    });
    expect(done).toEqual(['5:1/3', '2:2/3', '9:3/3']);
    expect(result.figures.flatMap((f, i) => (f === undefined ? [] : [i]))).toEqual([2, 5, 9]);
  });

  it('stops handing out runs once cancelled, and keeps what finished', async () => {
    let finished = 0;
    const result = await runSweep(plan, runs, jitteryWorkers(2, 3), {
      onRun: () => finished++,
      cancelled: () => finished >= 5,
    });
    expect(result.cancelled).toBe(true);
    const kept = result.figures.filter((f) => f !== undefined).length;
    expect(kept).toBe(finished);
    expect(kept).toBeGreaterThanOrEqual(5);
    expect(kept).toBeLessThanOrEqual(6); // the other worker's run in progress finishes too
  });

  it('rejects with the first failure and hands out nothing after it', async () => {
    const asked: number[] = [];
    const broken: SweepWorker = {
      run: async (index) => {
        asked.push(index);
        if (index === 3) throw new Error('out of memory');
        return runOne(plan, index);
      },
    };
    await expect(runSweep(plan, runs, [broken])).rejects.toThrow('out of memory');
    expect(asked).toEqual([0, 1, 2, 3]);
    await expect(runSweep(plan, runs, [])).rejects.toThrow(RangeError);
  });
});

describe('longest runs first', () => {
  it('orders runs by expected work, heaviest load first, ties by index', async () => {
    const { longestFirst } = await import('./effort.ts');
    const order = longestFirst(plan, runs);
    expect([...order].sort((a, b) => a - b)).toEqual(runs);
    // Load 0.9 (value 2) of the first strategy comes first, load 0.3 of the last strategy last.
    expect(order.slice(0, 3)).toEqual([6, 7, 8]);
    expect(order.at(-1)).toBe(20);
  });
});
