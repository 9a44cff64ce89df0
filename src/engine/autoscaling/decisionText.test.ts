import { describe, expect, it } from 'vitest';
import {
  durationWords,
  hpaReason,
  policyWords,
  scheduleReason,
  stepReason,
} from './decisionText.ts';
import { HorizontalController, type HpaSettings } from './horizontalController.ts';
import { DEFAULT_SCALE_DOWN_POLICIES, DEFAULT_SCALE_UP_POLICIES } from './scalingRules.ts';
import { StepScaler } from './stepScaling.ts';

const S: HpaSettings = {
  minServers: 1,
  maxServers: 50,
  target: 0.3,
  tolerance: 0.1,
  quantum: 0.01,
  scaleUp: { stabilizationMs: 0, selectPolicy: 'Max', policies: DEFAULT_SCALE_UP_POLICIES },
  scaleDown: {
    stabilizationMs: 300_000,
    selectPolicy: 'Max',
    policies: DEFAULT_SCALE_DOWN_POLICIES,
  },
};
const WINDOWS = { upMs: 0, downMs: 300_000 };
const reason = (
  at: number,
  current: number,
  avg: number,
  unready = 0,
  hpa = new HorizontalController(),
  s = S,
) =>
  hpaReason(
    hpa.reconcile(at, s, current, {
      readyCount: current - unready,
      unreadyCount: unready,
      metricSum: (current - unready) * avg,
    }),
    'utilization',
    s.target,
    WINDOWS,
    s.tolerance,
  );

describe('autoscaling decisions in words', () => {
  it('says what the metric asked and the rule that limited it', () => {
    expect(reason(15_000, 10, 0.9)).toBe(
      'utilization 0.9 over target 0.3: 10 -> 20 (30 asked), limited to +100% per 15 s',
    );
    expect(reason(15_000, 10, 0.41, 0, undefined, { ...S, target: 0.5 })).toBe(
      'utilization 0.41 under target 0.5: stays at 10 (9 asked), held by the highest recommendation of the last 5 min (10)',
    );
    expect(reason(15_000, 10, 0.31)).toBe('utilization 0.31 within 10% of target 0.3: stays at 10');
    expect(reason(15_000, 8, 0.5, 4)).toBe(
      'utilization 0.5 over target 0.3, but 0.25 counting the servers still starting at 0: stays at 8',
    );
    expect(reason(15_000, 60, 0.5)).toBe('60 servers, above maxServers 50: 60 -> 50');
    expect(reason(15_000, 40, 0.9)).toBe(
      'utilization 0.9 over target 0.3: 40 -> 50 (120 asked), limited by maxServers 50',
    );
  });

  it('words rate policies and durations', () => {
    expect(policyWords({ type: 'Pods', value: 1, periodMs: 60_000 }, false)).toBe(
      '-1 server per 60 s',
    );
    expect(policyWords({ type: 'Pods', value: 4, periodMs: 15_000 }, true)).toBe(
      '+4 servers per 15 s',
    );
    expect(durationWords(300_000)).toBe('5 min');
    expect(durationWords(90_000)).toBe('90 s');
    expect(durationWords(7_200_000)).toBe('2 h');
  });

  it('words step scaling and schedules', () => {
    const settings = {
      minServers: 1,
      maxServers: 20,
      steps: [
        { lower: null, upper: 0.3, change: -1 },
        { lower: 0.7, upper: null, change: 2 },
      ],
      adjustmentType: 'ChangeInCapacity' as const,
      cooldownMs: 300_000,
      evaluationPeriods: 1,
    };
    const p = new StepScaler();
    const words = { evaluationPeriods: 1, cooldownMs: 300_000, percent: false };
    expect(stepReason(p.evaluate(0, settings, 4, 0.8), 'utilization', 0.8, words)).toBe(
      'utilization 0.8 in step [0.7, inf) (+2): 4 -> 6',
    );
    expect(stepReason(p.evaluate(10, settings, 6, 0.2), 'utilization', 0.2, words)).toBe(
      'utilization 0.2 in step (-inf, 0.3] (-1): 6 -> 5',
    );
    expect(stepReason(p.evaluate(20, settings, 5, 0.1), 'utilization', 0.1, words)).toBe(
      'utilization 0.1 in step (-inf, 0.3] (-1), blocked by the 5 min scale-in cooldown: stays at 5',
    );
    expect(scheduleReason(2, 10, 10, 8 * 3_600_000)).toBe(
      'scheduled 10 servers at 8:00:00: 2 -> 10',
    );
  });
});
