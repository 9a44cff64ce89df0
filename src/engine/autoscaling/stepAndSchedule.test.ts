import { describe, expect, it } from 'vitest';
import { ScheduledScaling } from './scheduledScaling.ts';
import { percentAdjustment, StepScaler, stepHolds, type StepSettings } from './stepScaling.ts';

const STEPS: StepSettings = {
  minServers: 1,
  maxServers: 20,
  steps: [
    { lower: null, upper: 0.3, change: -1 },
    { lower: 0.7, upper: 0.9, change: 2 },
    { lower: 0.9, upper: null, change: 4 },
  ],
  adjustmentType: 'ChangeInCapacity',
  cooldownMs: 300_000,
  evaluationPeriods: 1,
};

describe('step scaling (AWS step adjustments and cooldown)', () => {
  it('matches intervals as StepAdjustment does: scale-out [lower, upper), scale-in (lower, upper]', () => {
    const [scaleIn, two, four] = STEPS.steps;
    expect(stepHolds(scaleIn!, 0.3)).toBe(true);
    expect(stepHolds(scaleIn!, 0.31)).toBe(false);
    expect(stepHolds(two!, 0.7)).toBe(true);
    expect(stepHolds(two!, 0.9)).toBe(false);
    expect(stepHolds(four!, 0.9)).toBe(true);
  });

  it('during a scale-out cooldown counts what the first scale-out added; a scale-in cooldown blocks', () => {
    const p = new StepScaler();
    const at = (t: number, current: number, m: number) => p.evaluate(t, STEPS, current, m);
    expect(at(0, 4, 0.75)).toMatchObject({ to: 6, adjustment: 2, limit: 'none' });
    // Same step again within 300 s: 4 + 2 is what we have: nothing more.
    expect(at(60_000, 6, 0.8)).toMatchObject({ to: 6, limit: 'cooldown' });
    // A larger step: 4 + 4 = 8, so only 2 more.
    expect(at(120_000, 6, 0.95)).toMatchObject({ to: 8, limit: 'none' });
    // Scale-in is not blocked by a scale-out cooldown, but blocks further scale-ins.
    expect(at(150_000, 8, 0.2)).toMatchObject({ to: 7, adjustment: -1 });
    expect(at(180_000, 7, 0.2)).toMatchObject({ to: 7, limit: 'cooldown' });
    // A scale-out during the scale-in cooldown happens at once and ends it.
    expect(at(200_000, 7, 0.95)).toMatchObject({ to: 8 });
    expect(at(210_000, 8, 0.1)).toMatchObject({ to: 7 });
    // Long after every cooldown: the full step from the current count.
    expect(at(800_000, 7, 0.95)).toMatchObject({ to: 11 });
    expect(at(900_000, 11, 0.5)).toMatchObject({ to: 11, limit: 'noStep' });
  });

  it('waits for the alarm to be breached evaluationPeriods times in a row', () => {
    const s = { ...STEPS, evaluationPeriods: 3 };
    const p = new StepScaler();
    expect(p.evaluate(0, s, 4, 0.8).limit).toBe('alarmPending');
    expect(p.evaluate(15_000, s, 4, 0.8).limit).toBe('alarmPending');
    expect(p.evaluate(30_000, s, 4, 0.5).limit).toBe('noStep'); // streak broken
    expect(p.evaluate(45_000, s, 4, 0.8).limit).toBe('alarmPending');
    expect(p.evaluate(60_000, s, 4, 0.8).limit).toBe('alarmPending');
    expect(p.evaluate(75_000, s, 4, 0.8)).toMatchObject({ to: 6, limit: 'none' });
  });

  it('rounds percent changes as EC2 Auto Scaling does', () => {
    expect(percentAdjustment(10, 25)).toBe(2); // 2.5 -> 2
    expect(percentAdjustment(3, 25)).toBe(1); // 0.75 -> 1
    expect(percentAdjustment(3, -25)).toBe(-1); // -0.75 -> -1
    expect(percentAdjustment(10, -67)).toBe(-6); // -6.7 -> -6
    expect(percentAdjustment(10, 0)).toBe(0);
  });

  it('stays within [min, max]', () => {
    const p = new StepScaler();
    expect(p.evaluate(0, STEPS, 18, 0.95)).toMatchObject({ to: 20, limit: 'tooMany' });
    expect(new StepScaler().evaluate(0, STEPS, 1, 0.1)).toMatchObject({ to: 1, limit: 'tooFew' });
    expect(new StepScaler().evaluate(0, STEPS, 25, 0.5)).toMatchObject({
      to: 20,
      limit: 'aboveMax',
    });
    expect(new StepScaler().evaluate(0, STEPS, 3, null).limit).toBe('noReadyServers');
  });
});

describe('scheduled scaling', () => {
  const H = 3_600_000;

  it('holds the last action at or before the time, every day', () => {
    const s = new ScheduledScaling(
      [
        { at: 8 * H, servers: 10 },
        { at: 0, servers: 2 },
        { at: 20 * H, servers: 4 },
      ],
      24 * H,
    );
    expect(s.actionAt(7 * H)?.servers).toBe(2);
    expect(s.actionAt(8 * H)?.servers).toBe(10);
    expect(s.actionAt(21 * H)?.servers).toBe(4);
    expect(s.actionAt(24 * H + 1)?.servers).toBe(2);
    expect(s.nextAfter(0)).toBe(8 * H);
    expect(s.nextAfter(20 * H)).toBe(24 * H);
    expect(s.nextAfter(32 * H)).toBe(44 * H);
  });

  it("before the first action of a day, yesterday's last one holds; once, nothing", () => {
    const daily = new ScheduledScaling([{ at: 6 * H, servers: 5 }], 24 * H);
    expect(daily.actionAt(H)).toBeNull();
    expect(daily.actionAt(25 * H)?.servers).toBe(5);
    const once = new ScheduledScaling([{ at: 6 * H, servers: 5 }], null);
    expect(once.nextAfter(6 * H)).toBe(Infinity);
    expect(once.actionAt(100 * H)?.servers).toBe(5);
  });
});
