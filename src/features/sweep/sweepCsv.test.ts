import { describe, expect, it } from 'vitest';
import type { SweepHeader } from '../../engine/sweep/plan.ts';
import type { SweepPoint } from '../../engine/sweep/results.ts';
import { figureAxisLabel, sweepCsv } from './sweepCsv.ts';

const header: SweepHeader = {
  version: 1,
  name: 'test',
  base: 'classic',
  vary: { field: 'load', values: [0.5, 0.9] },
  strategies: ['random'],
  replications: 2,
  seeds: [1, 2],
  warmupMs: 0,
  durationMs: 1000,
  requests: null,
  figures: ['meanMs', 'hitRate'],
};

describe('sweepCsv', () => {
  it('writes one row per point with mean and interval ends, empty cells for nothing measured', () => {
    const points: SweepPoint[] = [
      {
        strategy: 'random',
        value: 0.5,
        replications: 2,
        figures: {
          meanMs: { mean: 20, ci95: [7.294, 32.706], values: [19, 21] },
          hitRate: { mean: null, ci95: null, values: [null, null] },
        },
      },
      {
        strategy: 'random',
        value: 0.9,
        replications: 1,
        figures: { meanMs: { mean: 100, ci95: null, values: [100] } },
      },
    ];
    expect(sweepCsv(header, points).split('\r\n')).toEqual([
      'strategy,load,replications,meanMs,meanMs_ci95_lo,meanMs_ci95_hi,hitRate,hitRate_ci95_lo,hitRate_ci95_hi',
      'random,0.5,2,20,7.294,32.706,,,',
      'random,0.9,1,100,,,,,',
      '',
    ]);
  });

  it('quotes a varied field whose path needs it', () => {
    const csv = sweepCsv({ ...header, vary: { field: 'a,"b"', values: [1] }, figures: [] }, []);
    expect(csv).toBe('strategy,"a,""b""",replications\r\n');
  });
});

describe('figureAxisLabel', () => {
  it('says the unit of each kind of figure', () => {
    expect(figureAxisLabel('p99Ms')).toBe('p99 latency (ms)');
    expect(figureAxisLabel('throughputPerSec')).toBe('served/s (per simulated second)');
    expect(figureAxisLabel('hitRate')).toBe('hit rate (%)');
  });
});
