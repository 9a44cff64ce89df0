import { describe, expect, it } from 'vitest';
import { JobRunner, type SlicedJob } from './jobs.ts';
import type { JobProgress } from './protocol.ts';

/** A job of `total` steps that reports its progress in simulated ms (one step = 100 ms). */
class Counting implements SlicedJob<{ ok: true; steps: number }> {
  steps = 0;
  constructor(private readonly total: number) {}
  advance(events: number): boolean {
    this.steps = Math.min(this.total, this.steps + events);
    return this.steps >= this.total;
  }
  progress() {
    return {
      fraction: this.steps / this.total,
      simulatedMs: this.steps * 100,
      endMs: this.total * 100,
    };
  }
  result() {
    return { ok: true as const, steps: this.steps };
  }
}

/** A runner whose clock moves 30 ms per slice and whose yield is a resolved promise. */
function harness(reportEveryMs = 100) {
  let wall = 0;
  const reports: JobProgress[] = [];
  let yields = 0;
  const runner = new JobRunner({
    yieldToLoop: async () => {
      yields++;
      wall += 30;
    },
    clock: () => wall,
    slice: 10,
    reportEveryMs,
  });
  runner.watch((p) => reports.push(p));
  return { runner, reports, yields: () => yields };
}

describe('JobRunner', () => {
  it('runs a job a slice at a time, yielding between slices, and returns its result', async () => {
    const h = harness();
    const result = await h.runner.run(1, 'run', () => new Counting(100));
    expect(result).toEqual({ ok: true, steps: 100 });
    expect(h.yields()).toBe(9); // 10 slices of 10 steps, a yield after each but the last
  });

  it('reports progress at the start, at most every reportEveryMs, and at the end', async () => {
    const h = harness(100);
    await h.runner.run(7, 'compare', () => new Counting(100));
    const fractions = h.reports.map((p) => p.fraction);
    // Each slice costs 30 ms of wall time and a slice's report comes before its yield: at 0 ms
    // (the start), at 120 ms (after 50 steps), at 240 ms (90 steps), then the end.
    expect(fractions).toEqual([0, 0.5, 0.9, 1]);
    // The wall time since the job started rides along, for the page's estimate of time left.
    expect(h.reports.map((p) => p.elapsedMs)).toEqual([0, 120, 240, 270]);
    expect(h.reports.every((p) => p.job === 7 && p.kind === 'compare')).toBe(true);
    expect(h.reports[h.reports.length - 1]).toMatchObject({ simulatedMs: 10_000, endMs: 10_000 });
  });

  it('stops a cancelled job at its next slice and says it was stopped', async () => {
    const h = harness();
    const job = new Counting(1_000);
    const running = h.runner.run(3, 'run', () => job);
    h.runner.cancel(3);
    expect(await running).toEqual({ ok: false, message: 'Stopped.', cancelled: true });
    expect(job.steps).toBe(10);
    // The kind is free again: the next job runs.
    expect(await h.runner.run(4, 'run', () => new Counting(10))).toEqual({ ok: true, steps: 10 });
  });

  it('ignores a cancel for a job that is not running', async () => {
    const h = harness();
    h.runner.cancel(99);
    expect(await h.runner.run(99, 'run', () => new Counting(20))).toEqual({ ok: true, steps: 20 });
  });

  it('refuses a second job of a kind already running, and runs one of another kind', async () => {
    const h = harness();
    const first = h.runner.run(1, 'compare', () => new Counting(50));
    expect(await h.runner.run(2, 'compare', () => new Counting(5))).toEqual({
      ok: false,
      message: 'compare: a comparison is already running',
    });
    expect(await h.runner.run(3, 'run', () => new Counting(5))).toEqual({ ok: true, steps: 5 });
    expect(await first).toEqual({ ok: true, steps: 50 });
  });

  it('passes a refusal through, and turns a throw into a message', async () => {
    const h = harness();
    const refusal = { ok: false as const, message: 'The scenario was refused: x' };
    expect(await h.runner.run(1, 'run', () => refusal)).toBe(refusal);
    const broken: SlicedJob<never> = {
      advance: () => {
        throw new Error('boom');
      },
      progress: () => ({ fraction: 0, simulatedMs: 0, endMs: 0 }),
      result: () => {
        throw new Error('unreachable');
      },
    };
    expect(await h.runner.run(2, 'compare', () => broken)).toEqual({
      ok: false,
      message: 'compare: the simulation failed (boom)',
    });
  });
});
