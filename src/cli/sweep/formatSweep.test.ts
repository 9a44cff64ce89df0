import { describe, expect, it } from 'vitest';
import type { RunFigures } from '../../engine/sweep/figures.ts';
import { pointOf, type SweepResult } from '../../engine/sweep/results.ts';
import { replicationSeeds } from '../../engine/sweep/seeds.ts';
import { planOf, smallSweep } from '../../engine/sweep/testing/planOf.ts';
import { formatFigure, formatSweep, printable } from './formatSweep.ts';

const figures = (meanMs: number, rejectedShare: number): RunFigures => ({
  meanMs,
  p50Ms: 8,
  p99Ms: 1234.5678,
  p999Ms: 2000,
  throughputPerSec: 400,
  rejectedShare,
  utilization: 0.5,
  hitRate: null,
});

function resultOf(replications: number, strategies: string[]): SweepResult {
  const { header } = planOf(
    smallSweep({ replications, strategies, vary: { field: 'servers', values: [4] } }),
  );
  const runs = [figures(10, 0.004), figures(12, 0.006), figures(14, 0.005)].slice(0, replications);
  return { ...header, points: [pointOf(header, 0, runs)] };
}

describe('sweep tables', () => {
  it('show ms and rates to readable precision, shares as percent, dollars with $', () => {
    expect(formatFigure('meanMs', 9.876)).toBe('9.88');
    expect(formatFigure('meanMs', 123.456)).toBe('123.5');
    expect(formatFigure('p99Ms', 12_345.6)).toBe('12,346');
    expect(formatFigure('rejectedShare', 0.004)).toBe('0.40%');
    expect(formatFigure('rejectedShare', 0)).toBe('0.0%');
    expect(formatFigure('utilization', 0.873)).toBe('87.3%');
    expect(formatFigure('hitRate', null)).toBe('-');
    expect(formatFigure('sloAttainment', 0.98765)).toBe('98.8%');
    expect(formatFigure('dollars', 0.0133)).toBe('$0.0133');
    expect(formatFigure('dollars', 14.4)).toBe('$14.40');
  });

  it('have a heading in words, one row per point, and say how the interval was computed', () => {
    const text = formatSweep(resultOf(3, ['random', 'least-connections']));
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      'Four queues by servers · base Four queues · servers at 1 value · 2 strategies · 3 replications per point',
    );
    expect(lines[1]).toBe(
      `each run: 0.5 s warm-up, then 2 s measured (simulated time); seeds ${replicationSeeds(7, 3).join(', ')}`,
    );
    expect(lines[3]).toMatch(
      /^strategy\s+servers\s+mean ms\s+±95%\s+p50 ms\s+p99 ms\s+±95%\s+p99\.9 ms\s+served\/s\s+rejected\s+utilization\s+hit rate$/,
    );
    // Mean 12 ± 4.303 · 2/√3 = 4.97; p99 is the same in every replication: ± 0.
    expect(lines[5]).toMatch(
      /^random\s+4\s+12\.0\s+± 4\.97\s+8\.00\s+1,235\s+± 0\.00\s+2,000\s+400\.0\s+0\.50%\s+50\.0%\s+-$/,
    );
    expect(text).toContain(
      "±95%: half-width of the 95% confidence interval of the mean over 3 replications (Student's t, 2 degrees of freedom: t = 4.303).",
    );
  });

  it('say so when there is no interval, in the singular where it is one', () => {
    const text = formatSweep(resultOf(1, ['random']));
    expect(text.split('\n')[0]).toMatch(/· 1 strategy · 1 replication per point$/);
    expect(text).toContain(
      'One replication per point: no confidence interval (ask for replications >= 2).',
    );
    expect(text.split('\n')[5]).toMatch(/^random\s+4\s+10\.0\s+-\s/);
  });

  it('escape control characters from names so they cannot redraw the terminal', () => {
    expect(printable('evil\u001b[2Jname\n')).toBe('evil\\u001b[2Jname\\u000a');
  });
});
