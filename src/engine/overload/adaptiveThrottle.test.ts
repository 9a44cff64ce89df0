import { describe, expect, it } from 'vitest';
import { AdaptiveThrottle } from './adaptiveThrottle.ts';

describe('client-side adaptive throttling (SRE book)', () => {
  it('never throttles while the backends accept everything', () => {
    const t = new AdaptiveThrottle();
    for (let i = 0; i < 1000; i++) {
      expect(t.admit(i * 10, 0)).toBe(true);
      t.onAccept(i * 10 + 5);
    }
    expect(t.rejectProbability(10_000)).toBe(0);
  });

  it('rejects with probability (requests − K × accepts) / (requests + 1)', () => {
    const t = new AdaptiveThrottle(2);
    for (let i = 0; i < 100; i++) t.admit(i, 0.999); // 100 requests, all sent
    for (let i = 0; i < 30; i++) t.onAccept(200 + i); // 30 accepted
    // (100 − 2 × 30) / (100 + 1) = 40 / 101
    expect(t.rejectProbability(500)).toBeCloseTo(40 / 101, 12);
    // K = 1.1 keeps fewer requests in flight per accept: (100 − 33) / 101.
    const strict = new AdaptiveThrottle(1.1);
    for (let i = 0; i < 100; i++) strict.admit(i, 0.999);
    for (let i = 0; i < 30; i++) strict.onAccept(200 + i);
    expect(strict.rejectProbability(500)).toBeCloseTo(67 / 101, 12);
  });

  it('counts requests it rejected itself, so the probability keeps climbing while nothing is accepted', () => {
    const t = new AdaptiveThrottle(2);
    const p: number[] = [];
    for (let i = 0; i < 4; i++) {
      p.push(t.rejectProbability(i));
      t.admit(i, 0.5);
    }
    // 0/1, 1/2 (sent: 0.5 is not < 0.5), 2/3 (rejected: 0.5 < 0.667), 3/4
    expect(p).toEqual([0, 1 / 2, 2 / 3, 3 / 4]);
    expect(t.requestsInWindow(4)).toBe(4);
  });

  it('admits a request exactly when the draw is at or above the probability', () => {
    const t = new AdaptiveThrottle(2);
    for (let i = 0; i < 9; i++) t.admit(0, 0.999); // 9 requests, no accepts: p = 9/10
    expect(t.admit(1, 0.9)).toBe(true);
    expect(t.admit(1, 0.89)).toBe(false); // now 10/11 = 0.909
  });

  it('forgets what happened more than two minutes ago', () => {
    const t = new AdaptiveThrottle(2, 120_000);
    for (let i = 0; i < 50; i++) t.admit(500, 0.999); // bin 0: [0, 1000)
    for (let i = 0; i < 10; i++) t.admit(60_500, 0.999); // bin 60
    t.onAccept(60_600);
    expect(t.requestsInWindow(119_999)).toBe(60);
    expect(t.rejectProbability(119_999)).toBeCloseTo((60 - 2) / 61, 12);
    // At 120 s the window is (0 s, 120 s]: bin 0 has left it.
    expect(t.requestsInWindow(120_000)).toBe(10);
    expect(t.rejectProbability(120_000)).toBeCloseTo((10 - 2) / 11, 12);
    // Long after, everything has left it, even across several whole windows.
    expect(t.requestsInWindow(1_000_000)).toBe(0);
    expect(t.acceptsInWindow(1_000_000)).toBe(0);
    expect(t.rejectProbability(1_000_000)).toBe(0);
  });
});
