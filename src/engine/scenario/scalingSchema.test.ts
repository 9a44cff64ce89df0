import { describe, expect, it } from 'vitest';
import { parseScenario } from './schema.ts';

function parsed(input: Record<string, unknown>) {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

function lines(input: Record<string, unknown>): string[] {
  const r = parseScenario(input);
  if (r.ok) throw new Error('expected problems');
  return r.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('scenario fields of autoscaling, cost and SLOs', () => {
  it('are absent unless set, so every existing file means what it meant', () => {
    const s = parsed({});
    expect('autoscaling' in s || 'cost' in s || 'slo' in s).toBe(false);
    expect(parsed({ autoscaling: null, cost: null, slo: null }).autoscaling).toBeUndefined();
  });

  it('fill in Kubernetes and AWS defaults', () => {
    const s = parsed({ autoscaling: {}, cost: {}, slo: { thresholdMs: 300, objective: 0.99 } });
    expect(s.autoscaling).toEqual({
      policy: 'hpa',
      metric: 'utilization',
      target: 0.5,
      minServers: 1,
      maxServers: 10,
      template: null,
      syncPeriodMs: 15_000,
      tolerance: 0.1,
      scaleDownStabilizationMs: 300_000,
      scaleUpStabilizationMs: 0,
      scaleUpPolicies: [
        { type: 'Pods', value: 4, periodMs: 15_000 },
        { type: 'Percent', value: 100, periodMs: 15_000 },
      ],
      scaleUpSelectPolicy: 'Max',
      scaleDownPolicies: [{ type: 'Percent', value: 100, periodMs: 15_000 }],
      scaleDownSelectPolicy: 'Max',
      provisioningMs: 30_000,
      steps: [],
      adjustmentType: 'ChangeInCapacity',
      cooldownMs: 300_000,
      evaluationPeriods: 1,
      schedule: [],
      scheduleRepeatMs: null,
    });
    expect(s.cost).toEqual({ pricePerServerHour: 0.1, pricePerMillionRequests: null });
    expect(s.slo).toEqual({ thresholdMs: 300, objective: 0.99 });
  });

  it('refuses bounds, targets, steps and schedules that cannot work, saying why', () => {
    expect(lines({ autoscaling: { minServers: 5, maxServers: 2 } })).toEqual([
      'autoscaling.maxServers: must be >= minServers (5)',
    ]);
    expect(lines({ autoscaling: { target: 1.5 } })).toEqual([
      'autoscaling.target: must be <= 1: a server cannot be busier than its capacity',
    ]);
    expect(lines({ autoscaling: { target: 0.555 } })).toEqual([
      'autoscaling.target: must be a whole percent (0.01 steps), as Kubernetes keeps utilization',
    ]);
    expect(lines({ autoscaling: { metric: 'inFlightPerServer' } })).toEqual([
      'autoscaling.target: is required with metric "inFlightPerServer"',
    ]);
    expect(lines({ autoscaling: { policy: 'step' } })).toEqual([
      'autoscaling.steps: must list at least one step with policy "step"',
    ]);
    expect(
      lines({
        autoscaling: {
          policy: 'step',
          steps: [
            { lower: 0.7, change: 2 },
            { lower: 0.8, upper: 0.9, change: 1 },
            { upper: 0.3, change: 0 },
          ],
        },
      }),
    ).toEqual([
      'autoscaling.steps[2].change: must not be 0',
      'autoscaling.steps[1]: overlaps steps[0]: each metric value may fall in one step only',
    ]);
    expect(
      lines({
        autoscaling: {
          policy: 'scheduled',
          maxServers: 4,
          schedule: [{ at: 90_000_000, servers: 6 }],
          scheduleRepeatMs: 86_400_000,
        },
      }),
    ).toEqual([
      'autoscaling.schedule[0].servers: must be within minServers and maxServers (1–4)',
      'autoscaling.schedule[0].at: must be < scheduleRepeatMs (86,400,000)',
    ]);
  });

  it('refuses an SLO of 100% (no error budget) and prices below zero', () => {
    expect(lines({ slo: { thresholdMs: 300, objective: 1 } })).toEqual([
      'slo.objective: must be < 1: an objective of 100% leaves no error budget',
    ]);
    expect(lines({ cost: { pricePerServerHour: -1 } })).toEqual([
      'cost.pricePerServerHour: must be a number >= 0',
    ]);
  });
});

describe('traffic that changes over the day', () => {
  it('reads daily patterns (peak mid-period by default), spikes and traces', () => {
    const s = parsed({
      traffic: [
        { from: 0, to: 86_400_000, troughRatePerSec: 5, peakRatePerSec: 50 },
        { from: 1000, to: 2000, multiplier: 5 },
        {
          trace: [
            [0, 1],
            [60_000, 20],
          ],
        },
      ],
    });
    expect(s.traffic).toEqual([
      {
        kind: 'diurnal',
        from: 0,
        to: 86_400_000,
        troughRatePerSec: 5,
        peakRatePerSec: 50,
        periodMs: 86_400_000,
        phaseMs: 43_200_000,
      },
      { kind: 'spike', from: 1000, to: 2000, multiplier: 5 },
      {
        kind: 'trace',
        trace: [
          [0, 1],
          [60_000, 20],
        ],
      },
    ]);
  });

  it('names the point of a trace that goes back in time, and a pattern upside down', () => {
    expect(
      lines({
        traffic: [
          {
            trace: [
              [0, 1],
              [500, 2],
              [400, 3],
            ],
          },
        ],
      }),
    ).toEqual(["traffic[0].trace[2][0]: must be > the previous point's time (500)"]);
    expect(
      lines({ traffic: [{ from: 0, to: 10, troughRatePerSec: 9, peakRatePerSec: 3 }] }),
    ).toEqual(['traffic[0].peakRatePerSec: must be >= troughRatePerSec (9)']);
    expect(
      lines({
        traffic: [
          {
            trace: [
              [0, 0],
              [10, 0],
            ],
          },
        ],
      }),
    ).toEqual(['traffic[0].trace: every rate is 0: the trace would send nothing']);
  });
});
