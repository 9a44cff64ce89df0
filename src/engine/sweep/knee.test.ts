import { describe, expect, it } from 'vitest';
import { mm1 } from '../theory.ts';
import { kneeOf, kneesOf } from './knee.ts';
import { pointOf, type SweepResult } from './results.ts';
import type { RunFigures } from './figures.ts';
import { planOf, smallSweep } from './testing/planOf.ts';

describe('the knee', () => {
  it('is where the curve first reaches twice its first value, interpolated', () => {
    // 10 at 0.1, 15 at 0.5, 30 at 0.7: 20 is reached a third of the way from 0.5 to 0.7.
    expect(
      kneeOf([
        { x: 0.7, y: 30 },
        { x: 0.1, y: 10 },
        { x: 0.5, y: 15 },
      ]),
    ).toBeCloseTo(0.5 + 0.2 / 3, 12);
    expect(
      kneeOf([
        { x: 0.1, y: 10 },
        { x: 0.3, y: 20 },
      ]),
    ).toBe(0.3);
  });

  it('is null when the curve never doubles, or cannot be read', () => {
    expect(
      kneeOf([
        { x: 0.1, y: 10 },
        { x: 0.9, y: 19.9 },
      ]),
    ).toBeNull();
    expect(kneeOf([{ x: 0.1, y: 10 }])).toBeNull();
    expect(
      kneeOf([
        { x: 0.1, y: null },
        { x: 0.5, y: 10 },
        { x: 0.9, y: 30 },
      ]),
    ).toBe(0.7);
  });

  it('of M/M/1 (W = S / (1 − ρ), twice its ρ → 0 value at ρ = 0.5) is found from sampled loads', () => {
    const curve = [0.01, 0.2, 0.4, 0.45, 0.55, 0.6, 0.8].map((rho) => ({
      x: rho,
      y: mm1(rho / 10, 1 / 10)!.meanResponseMs,
    }));
    // Twice the value at 0.01 is reached at ρ = 0.505; the chord from 0.45 to 0.55 is within 0.01.
    expect(Math.abs(kneeOf(curve)! - 0.505)).toBeLessThan(0.01);
  });

  it('per strategy in a sweep over load, and none for other fields', () => {
    const { header } = planOf(smallSweep({ strategies: ['random', 'least-connections'] }));
    const run = (meanMs: number) => ({ meanMs }) as RunFigures;
    const means = [10, 16, 40, 10, 11, 12]; // random doubles between 0.6 and 0.9; JSQ never
    const result: SweepResult = {
      ...header,
      points: means.map((m, point) => pointOf(header, point, [run(m), run(m)])),
    };
    const [random, jsq] = kneesOf(result);
    expect(random!.strategy).toBe('random');
    expect(random!.load).toBeCloseTo(0.6 + (4 / 24) * 0.3, 12);
    expect(jsq).toEqual({ strategy: 'least-connections', load: null });
    expect(kneesOf({ ...result, vary: { field: 'capacity', values: [1, 2, 3] } })).toEqual([]);
    expect(kneesOf({ ...result, vary: { field: 'load', values: [0.5] } })).toEqual([]);
  });
});
