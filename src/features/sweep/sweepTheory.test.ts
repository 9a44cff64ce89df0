import { describe, expect, it } from 'vitest';
import { loadSweep } from '../../engine/sweep/loadSweep.ts';
import { SWEEP_PRESETS } from '../../engine/sweep/presets.ts';
import { noTheoryReasons, theoryCurves } from './sweepTheory.ts';

function presetPlan(id: string, values: number[], base: Record<string, unknown> = {}) {
  const raw = SWEEP_PRESETS.find((p) => p.id === id)!.raw as Record<string, unknown>;
  const vary = raw.vary as { field: string };
  const withBase = { ...(raw.base as Record<string, unknown>), ...base };
  const loaded = loadSweep({ ...raw, base: withBase, vary: { field: vary.field, values } });
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
  return loaded.plan;
}

describe('theoryCurves', () => {
  const knee = presetPlan('the-knee', [0.5, 0.95]);

  it('gives random M/M/1 at each load: 10 ms service / (1 − load)', () => {
    const random = theoryCurves(knee, 'meanMs').find((c) => c.strategy === 'random')!;
    expect(random.label).toBe('M/M/1');
    expect(random.points.map((p) => p.x)).toEqual([0.5, 0.95]);
    expect(random.points[0]!.y).toBeCloseTo(20, 9);
    expect(random.points[1]!.y).toBeCloseTo(200, 9);
    expect(random.outside).toEqual([]);
  });

  it('gives two choices the supermarket model up to 90% load and says why not beyond', () => {
    const p2c = theoryCurves(knee, 'meanMs').find((c) => c.strategy === 'power-of-two-choices')!;
    expect(p2c.label).toBe('supermarket model');
    expect(p2c.points.map((p) => p.x)).toEqual([0.5]);
    // Σ_{i≥1} λ^{2^i − 2} at λ = 0.5 (mean sojourn in service times): 1 + 0.25 + 0.0039… .
    expect(p2c.points[0]!.y / 10).toBeCloseTo(1 + 0.5 ** 2 + 0.5 ** 6 + 0.5 ** 14, 6);
    expect(p2c.outside).toHaveLength(1);
    expect(p2c.outside[0]).toMatch(/^at load 0\.95: .*needs ≤ 90%/);
  });

  it('draws no curve for least connections and says so', () => {
    expect(theoryCurves(knee, 'meanMs').map((c) => c.strategy)).not.toContain('least-connections');
    expect(noTheoryReasons('meanMs', knee.header.strategies, (s) => s)).toEqual([
      'least-connections: no closed-form mean latency here (M/M/1 covers random routing, the supermarket model power of d choices).',
    ]);
    expect(theoryCurves(knee, 'p99Ms')).toEqual([]);
    expect(noTheoryReasons('p99Ms', knee.header.strategies, (s) => s)).toHaveLength(1);
  });

  it('gives the cache sweep one Che curve that rises with the capacity', () => {
    const plan = presetPlan('cache-size', [64, 1024]);
    const curves = theoryCurves(plan, 'hitRate');
    expect(curves).toHaveLength(1);
    expect(curves[0]!.label).toBe('Che approximation');
    const [small, big] = curves[0]!.points;
    expect(small!.y).toBeGreaterThan(0);
    expect(big!.y).toBeGreaterThan(small!.y);
    expect(big!.y).toBeLessThan(1);
  });

  it('gives random routing M/M/1’s SLO attainment, 1 − e^(−t/W), and says why not the others', () => {
    // 10 ms service: W = 10 / (1 − load) ms; a 50 ms threshold at loads 0.5 and 0.95.
    const plan = presetPlan('the-knee', [0.5, 0.95], { slo: { thresholdMs: 50, objective: 0.99 } });
    const curves = theoryCurves(plan, 'sloAttainment');
    expect(curves.map((c) => [c.strategy, c.label])).toEqual([['random', 'M/M/1']]);
    const [half, high] = curves[0]!.points;
    expect(half!.y).toBeCloseTo(1 - Math.exp(-50 / 20), 12);
    expect(high!.y).toBeCloseTo(1 - Math.exp(-50 / 200), 12);
    expect(noTheoryReasons('sloAttainment', plan.header.strategies, (s) => s)).toEqual([
      'power-of-two-choices: no closed-form SLO attainment here (M/M/1 covers random routing).',
      'least-connections: no closed-form SLO attainment here (M/M/1 covers random routing).',
    ]);
  });
});
