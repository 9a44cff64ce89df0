import { describe, expect, it } from 'vitest';
import type { SweepHeader } from '../../engine/sweep/plan.ts';
import { pointOf, type SweepPoint } from '../../engine/sweep/results.ts';
import { runOne } from '../../engine/sweep/runOne.ts';
import { planOf, SMALL_BASE, smallSweep } from '../../engine/sweep/testing/planOf.ts';
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

  it('has SLO attainment and dollars columns only for a base with an slo and a cost', () => {
    const columnsOf = (base: object) => {
      const plan = planOf(smallSweep({ base, strategies: ['random'], replications: 2 }));
      const runs = [0, 1].map((i) => runOne(plan, i));
      const csv = sweepCsv(plan.header, [pointOf(plan.header, 0, runs)]);
      return csv.split('\r\n')[0]!.split(',');
    };
    const plain = columnsOf(SMALL_BASE);
    expect(plain.some((c) => c.startsWith('sloAttainment') || c.startsWith('dollars'))).toBe(false);
    const withObjectives = columnsOf({
      ...SMALL_BASE,
      slo: { thresholdMs: 30, objective: 0.9 },
      cost: { pricePerServerHour: 0.1 },
    });
    expect(withObjectives.slice(plain.length)).toEqual([
      'sloAttainment',
      'sloAttainment_ci95_lo',
      'sloAttainment_ci95_hi',
      'dollars',
      'dollars_ci95_lo',
      'dollars_ci95_hi',
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
    expect(figureAxisLabel('sloAttainment')).toBe('SLO attainment (%)');
    expect(figureAxisLabel('dollars')).toBe('cost ($ over each run’s measured window)');
  });
});
