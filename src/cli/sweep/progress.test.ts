import { describe, expect, it } from 'vitest';
import { allRuns } from '../../engine/sweep/plan.ts';
import { planOf, SMALL_BASE } from '../../engine/sweep/testing/planOf.ts';
import { formatDuration, SweepProgress } from './progress.ts';

/** Two points of 2 replications; the second point's runs send three times the requests. */
const plan = planOf({
  base: SMALL_BASE,
  vary: { field: 'load', values: [0.25, 0.75] },
  replications: 2,
  durationMs: 100_000,
});
const runs = allRuns(plan.header);

function recorder(isTTY: boolean) {
  const written: string[] = [];
  let now = 0;
  const out = { isTTY, columns: 200, write: (t: string) => written.push(t) };
  const progress = new SweepProgress(plan, runs, out, () => now, 0);
  return { written, progress, at: (ms: number) => (now = ms) };
}

describe('sweep progress', () => {
  it('formats durations for people', () => {
    expect(formatDuration(400)).toBe('0.4 s');
    expect(formatDuration(5000)).toBe('5 s');
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(60_000)).toBe('1 min');
    expect(formatDuration(200_000)).toBe('3 min 20 s');
    expect(formatDuration(7_500_000)).toBe('2 h 05 min');
  });

  it('off a terminal: a plain line per tenth of the work and none for the rest', () => {
    const { written, progress, at } = recorder(false);
    progress.draw();
    at(1000);
    // Work: cheap runs 2,000 (setup) + 0.1/ms · 100,000 ms = 12,000 requests each, heavy runs
    // 2,000 + 30,000 = 32,000; 88,000 in all, so one cheap run is 14% and two are 27%.
    progress.runDone(0);
    at(2000);
    progress.runDone(1);
    progress.finish('sweep: 4 runs in 9 s');
    expect(written).toEqual([
      'sweep: 0% · 0/2 points · 0/4 runs · 0 s · estimating time left\n',
      'sweep: 14% · 0/2 points · 1/4 runs · 1 s · about 6.3 s left\n',
      'sweep: 27% · 1/2 points · 2/4 runs · 2 s · about 5.3 s left\n',
      'sweep: 4 runs in 9 s\n',
    ]);
  });

  it('on a terminal: one line redrawn in place, at most ten times a second', () => {
    const { written, progress, at } = recorder(true);
    progress.draw();
    at(50);
    progress.runDone(0); // within 100 ms of the last draw: not drawn
    at(500);
    progress.runDone(1);
    progress.finish('done');
    expect(written).toHaveLength(3);
    expect(written[0]).toBe(
      '\r\x1b[Ksweep [------------------------] 0/2 points · 0/4 runs · 0 s · estimating time left',
    );
    expect(written[1]).toBe(
      '\r\x1b[Ksweep [#######-----------------] 1/2 points · 2/4 runs · 0.5 s · about 2.4 s left',
    );
    expect(written[2]).toBe('\r\x1b[Kdone\n');
  });

  it('estimates the time left from the work, not the count of runs', () => {
    const { progress, at } = recorder(false);
    // The cheap point's two runs took 2 s after a 3 s start-up; what is left is the heavy point.
    at(3000);
    progress.runDone(0);
    at(4000);
    progress.runDone(1);
    // The rate since the first run is 12,000 requests a second, so 64,000 more take about 5.3 s
    // (counting runs, half done in 4 s, would promise 4 s; from the start, 16 s).
    expect(progress.status()).toBe('1/2 points · 2/4 runs · 4 s · about 5.3 s left');
  });
});
