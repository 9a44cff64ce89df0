import { describe, expect, it } from 'vitest';
import { cannotKeepUp, formatSpeedUp, SpeedMeter } from './speedMeter.ts';

describe('SpeedMeter', () => {
  it('measures simulated time per wall time over the last moment', () => {
    const m = new SpeedMeter();
    expect(m.speedUp()).toBeNull();
    for (let wall = 0; wall <= 1000; wall += 100) m.push(wall, wall * 250, true);
    expect(m.speedUp()).toBe(250);
    // It slows down: the window forgets the fast start.
    for (let wall = 1100; wall <= 4000; wall += 100)
      m.push(wall, 250_000 + (wall - 1000) * 3, true);
    expect(m.speedUp()).toBeCloseTo(3, 5);
  });

  it('says nothing until enough wall time has passed, and starts over on a pause or a new run', () => {
    const m = new SpeedMeter();
    m.push(0, 0, true);
    m.push(200, 2000, true);
    expect(m.speedUp()).toBeNull();
    m.push(500, 5000, true);
    expect(m.speedUp()).toBe(10);
    m.push(600, 5000, false);
    expect(m.speedUp()).toBeNull();
    m.push(700, 9000, true);
    m.push(1200, 14_000, true);
    expect(m.speedUp()).toBe(10);
    m.push(1300, 0, true); // reset: the clock went back
    expect(m.speedUp()).toBeNull();
  });
});

describe('formatSpeedUp', () => {
  it('keeps two figures for slow runs and thousands separators for fast ones', () => {
    expect(formatSpeedUp(0.423)).toBe('0.42×');
    expect(formatSpeedUp(3.24)).toBe('3.2×');
    expect(formatSpeedUp(1250.4)).toBe('1,250×');
  });
});

describe('cannotKeepUp', () => {
  it('follows the worker at a set speed, and real time at max', () => {
    expect(cannotKeepUp(10, true, 3)).toBe(true);
    expect(cannotKeepUp(10, false, 3)).toBe(false);
    expect(cannotKeepUp('max', false, 0.4)).toBe(true);
    expect(cannotKeepUp('max', false, 850)).toBe(false);
    expect(cannotKeepUp('max', false, null)).toBe(false);
  });
});
