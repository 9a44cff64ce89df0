import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/scenario/schema.ts';
import { addStep, initialSpec, metricText, suggestedSteps } from './autoscalingForm.ts';

const accepted = (autoscaling: unknown) => {
  const r = parseScenario({ autoscaling });
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('the Autoscaling panel’s starting points', () => {
  it('switches on with Kubernetes’ defaults around the pool, valid for every policy', () => {
    const spec = initialSpec(3);
    expect(spec).toMatchObject({
      minServers: 2,
      maxServers: 12,
      target: 0.5,
      syncPeriodMs: 15_000,
    });
    for (const policy of ['hpa', 'step', 'scheduled'] as const)
      expect(accepted({ ...spec, policy })).toEqual([]);
  });

  it('adds steps that never overlap', () => {
    let steps = suggestedSteps(0.5);
    for (let i = 0; i < 4; i++) {
      steps = addStep(steps, 0.5);
      expect(accepted({ ...initialSpec(2), policy: 'step', steps })).toEqual([]);
    }
    expect(addStep([{ lower: null, upper: 0.3, change: -1 }], 0.5)).toEqual([
      { lower: null, upper: 0.3, change: -1 },
      { lower: 0.3, upper: null, change: 1 },
    ]);
  });

  it('shows utilization in percent and other metrics as they are', () => {
    expect(metricText('utilization', 0.823)).toBe('82%');
    expect(metricText('inFlightPerServer', 8.333)).toBe('8.33 in flight');
    expect(metricText('requestsPerSecondPerServer', 12.5)).toBe('12.5/s');
    expect(metricText('utilization', null)).toBe('–');
  });
});
