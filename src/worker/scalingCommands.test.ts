import { describe, expect, it } from 'vitest';
import { FLEET_COLUMNS } from '../engine/autoscaling/fleetSeries.ts';
import { PRESETS } from '../engine/scenario/presets.ts';
import { DEFAULT_SCENARIO } from '../engine/scenario/schema.ts';
import { SimSession } from './simSession.ts';

const cursor = { sinceVersion: 0, logSeq: 0, routeSeq: 0, pickSeq: 0 };
const frozenClock = () => 0;

function session(id: string): SimSession {
  const s = new SimSession(DEFAULT_SCENARIO);
  expect(s.load(PRESETS.find((p) => p.id === id)!.raw).ok).toBe(true);
  return s;
}

describe('autoscaling, cost and SLO in a session', () => {
  it('has no scaling part without them, and one with them', () => {
    expect(session('classic').snapshot(cursor)!.scaling).toBeUndefined();
    const s = session('cold-starts');
    s.stepBy(60_000);
    const scaling = s.snapshot(cursor)!.scaling!;
    expect(scaling.counts.desired).toBe(2);
    expect(scaling.decision?.reason).toMatch(/^utilization 0\.\d+ (under|within)/);
    expect(scaling.cost!.serverHours).toBeCloseTo((2 * 60) / 3600, 6);
    expect(scaling.slo!.fromWindow).toBe(0);
    expect(scaling.slo!.ended.length).toBe(2); // minute 0, and minute 1 just begun
  });

  it('sends only the fleet rows and SLO windows the page does not have', () => {
    const s = session('cold-starts');
    s.stepBy(120_000);
    const first = s.snapshot(cursor)!.scaling!;
    const rows = first.fleet.length / FLEET_COLUMNS.length;
    const lastTime = first.fleet[(rows - 1) * FLEET_COLUMNS.length]!;
    s.stepBy(15_000);
    const next = s.snapshot({
      ...cursor,
      sinceVersion: 1,
      fleetSince: lastTime,
      sloWindow: 2,
    })!.scaling!;
    expect(next.fleet[0]).toBe(lastTime); // the newest row again: it may have changed
    expect(next.fleet.length / FLEET_COLUMNS.length).toBeLessThan(rows);
    expect(next.slo!.fromWindow).toBe(2);
  });

  it('takes live changes, refuses bad ones naming the field, and records them for undo', () => {
    const s = session('steady-poisson');
    expect(
      s.command({
        type: 'setAutoscaling',
        autoscaling: { ...PRESETS_AUTOSCALING, minServers: 4, maxServers: 2 },
      }),
    ).toEqual({
      ok: false,
      message: 'setAutoscaling.autoscaling.maxServers: must be >= minServers (4)',
    });
    expect(s.command({ type: 'setAutoscaling', autoscaling: PRESETS_AUTOSCALING })).toEqual({
      ok: true,
    });
    expect(s.setup().autoscaling?.maxServers).toBe(6);
    expect(s.command({ type: 'setSlo', slo: { thresholdMs: 300, objective: 0.99 } }).ok).toBe(true);
    expect(
      s.command({
        type: 'setCost',
        cost: { pricePerServerHour: 0.2, pricePerMillionRequests: null },
      }).ok,
    ).toBe(true);
    s.stepBy(30_000);
    const scaling = s.snapshot(cursor)!.scaling!;
    expect(scaling.decision).not.toBeNull();
    expect(scaling.slo!.thresholdMs).toBe(300);
    expect(s.command({ type: 'setAutoscaling', autoscaling: null }).ok).toBe(true);
    expect(s.setup().autoscaling).toBeUndefined();
    expect(s.recording().actions.map((a) => a.command.type)).toEqual([
      'setAutoscaling',
      'setSlo',
      'setCost',
      'setAutoscaling',
    ]);
  });

  it('new traffic starts the run over with it', () => {
    const s = session('steady-poisson');
    s.stepBy(5000);
    const ok = s.command({
      type: 'setTraffic',
      traffic: [{ from: 0, to: 60_000, troughRatePerSec: 5, peakRatePerSec: 20, periodMs: 60_000 }],
    });
    expect(ok).toEqual({ ok: true });
    expect(s.simulation.now).toBe(0);
    expect(s.setup().traffic[0]).toMatchObject({ kind: 'diurnal', phaseMs: 30_000 });
    expect(
      s.command({
        type: 'setTraffic',
        traffic: [
          {
            trace: [
              [0, 1],
              [0, 2],
            ],
          },
        ],
      }),
    ).toEqual({
      ok: false,
      message: "setTraffic.traffic[0].trace[1][0]: must be > the previous point's time (0)",
    });
    s.setSpeed('max');
    s.play();
    for (let i = 0; i < 50 && !s.snapshot(cursor)!.finished; i++) s.advance(100, 50, frozenClock);
    expect(s.snapshot(cursor)!.summary.requests.total).toBeGreaterThan(500);
  });
});

const PRESETS_AUTOSCALING = {
  policy: 'hpa' as const,
  metric: 'utilization' as const,
  target: 0.5,
  minServers: 1,
  maxServers: 6,
  template: null,
  syncPeriodMs: 15_000,
  tolerance: 0.1,
  scaleDownStabilizationMs: 300_000,
  scaleUpStabilizationMs: 0,
  scaleUpPolicies: [],
  scaleUpSelectPolicy: 'Max' as const,
  scaleDownPolicies: [],
  scaleDownSelectPolicy: 'Max' as const,
  provisioningMs: 30_000,
  steps: [],
  adjustmentType: 'ChangeInCapacity' as const,
  cooldownMs: 300_000,
  evaluationPeriods: 1,
  schedule: [],
  scheduleRepeatMs: null,
};
