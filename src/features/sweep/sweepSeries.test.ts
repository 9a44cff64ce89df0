import { describe, expect, it } from 'vitest';
import type { SweepHeader } from '../../engine/sweep/plan.ts';
import type { SweepPoint } from '../../engine/sweep/results.ts';
import { sweepSeries, wantsLogX } from './sweepSeries.ts';

const header: SweepHeader = {
  version: 1,
  name: 'knee',
  base: 'x',
  vary: { field: 'load', values: [0.2, 0.5, 0.8] },
  strategies: ['random', 'least-connections'],
  replications: 2,
  seeds: [1, 2],
  warmupMs: 0,
  durationMs: 1000,
  requests: null,
  figures: ['meanMs', 'rejectedShare'],
};

const point = (strategy: SweepPoint['strategy'], value: number, mean: number): SweepPoint => ({
  strategy,
  value,
  replications: 2,
  figures: {
    meanMs: { mean, ci95: [mean - 1, mean + 1], values: [mean - 0.5, mean + 0.5] },
    rejectedShare: { mean: 0.25, ci95: null, values: [0.25, 0.25] },
  },
});

describe('sweepSeries', () => {
  const points = [
    point('random', 0.8, 50),
    point('random', 0.2, 10),
    point('random', 0.5, 15),
    point('least-connections', 0.5, 11),
  ];

  it('gives each strategy its points in value order with their index in the sweep', () => {
    const [random, lc] = sweepSeries(header, points, 'meanMs');
    expect(random!.points.map((p) => [p.x, p.point, p.mean])).toEqual([
      [0.2, 0, 10],
      [0.5, 1, 15],
      [0.8, 2, 50],
    ]);
    expect(lc!.points.map((p) => p.point)).toEqual([4]);
  });

  it('marks the knee where latency reaches twice its low-load value (interpolated)', () => {
    const [random, lc] = sweepSeries(header, points, 'meanMs');
    // 20 ms is reached between 15 ms at 0.5 and 50 ms at 0.8: 0.5 + 5/35 × 0.3.
    expect(random!.knee).toBeCloseTo(0.5 + (5 / 35) * 0.3, 12);
    expect(lc!.knee).toBeNull();
  });

  it('shows shares as percentages and reads no knee off them', () => {
    const [random] = sweepSeries(header, points, 'rejectedShare');
    expect(random!.points[0]!.mean).toBe(25);
    expect(random!.points[0]!.values).toEqual([25, 25]);
    expect(random!.knee).toBeNull();
  });
});

describe('wantsLogX', () => {
  it('takes a log axis for values spanning 20 × or more, never with zero', () => {
    expect(wantsLogX([16, 64, 256, 4096])).toBe(true);
    expect(wantsLogX([0.1, 0.5, 0.9])).toBe(false);
    expect(wantsLogX([0, 10, 1000])).toBe(false);
  });
});
