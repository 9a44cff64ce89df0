import { describe, expect, it } from 'vitest';
import { FakePool } from '../testing/fakePool.ts';
import { Xoshiro128 } from '../random.ts';
import { PEAK_EWMA_PENALTY, PeakEwmaStrategy } from './peakEwma.ts';

function twoServers(): FakePool {
  return new FakePool([
    { name: 'fast', capacity: 100 },
    { name: 'slow', capacity: 100 },
  ]);
}

describe('PeakEwmaStrategy', () => {
  it('takes a higher latency at once and moves toward a lower one with time-weighted decay', () => {
    const ew = new PeakEwmaStrategy({ decayMs: 1000 });
    ew.onComplete(0, 100, 0);
    expect(ew.costOf(0)).toBe(100);
    ew.onComplete(0, 400, 10);
    expect(ew.costOf(0)).toBe(400); // the peak, not an average
    ew.onComplete(0, 100, 1010); // one time constant later: weight e^-1 on the old cost
    expect(ew.costOf(0)).toBeCloseTo(400 * Math.exp(-1) + 100 * (1 - Math.exp(-1)), 9);
    ew.onComplete(0, 50, 1010); // no time passed: the old cost keeps all its weight
    expect(ew.costOf(0)).toBeCloseTo(400 * Math.exp(-1) + 100 * (1 - Math.exp(-1)), 9);
  });

  it('scores cost x (outstanding + 1), decaying the cost on every read', () => {
    const pool = twoServers();
    const ew = new PeakEwmaStrategy({ decayMs: 10_000 });
    ew.onComplete(0, 20, 0);
    pool.setLoad(0, 2, 1);
    expect(ew.load(pool, 0, 0)).toBe(20 * 4);
    expect(ew.load(pool, 0, 10_000)).toBeCloseTo(20 * Math.exp(-1) * 4, 9);
    expect(ew.costOf(0)).toBeCloseTo(20 * Math.exp(-1), 9);
  });

  it('penalizes a server with requests out but no latency yet, and probes an idle unknown one', () => {
    const pool = twoServers();
    const ew = new PeakEwmaStrategy();
    ew.onComplete(1, 500, 0);
    pool.setLoad(0, 1);
    expect(ew.load(pool, 0, 0)).toBe(PEAK_EWMA_PENALTY + 1);
    expect(ew.pick(pool, { key: 0, now: 0, trace: null }, new Xoshiro128(1))).toBe(1);
    pool.setLoad(0, 0);
    expect(ew.load(pool, 0, 0)).toBe(0);
    expect(ew.pick(pool, { key: 0, now: 0, trace: null }, new Xoshiro128(1))).toBe(0);
  });

  it('prefers the server with lower observed latency', () => {
    const pool = new FakePool(
      Array.from({ length: 6 }, (_, i) => ({ name: `s${i}`, capacity: 100 })),
    );
    const latency = [50, 50, 10, 50, 50, 50];
    const ew = new PeakEwmaStrategy();
    const rng = new Xoshiro128(8);
    const counts = new Array<number>(6).fill(0);
    // Every request completes before the next arrives, so only latency tells servers apart.
    for (let i = 0; i < 6000; i++) {
      const now = i * 20;
      const slot = ew.pick(pool, { key: 0, now, trace: null }, rng);
      counts[slot]!++;
      ew.onComplete(slot, latency[slot]!, now + latency[slot]!);
    }
    // With two choices the fast server wins every pair it is in: about 1/3 of picks, versus 1/6.
    expect(counts[2]! / 6000).toBeGreaterThan(0.28);
    for (const s of [0, 1, 3, 4, 5]) expect(counts[s]! / 6000).toBeLessThan(0.16);
  });

  it('reacts to a latency spike at once and drifts back as the spike decays', () => {
    const pool = twoServers();
    const ew = new PeakEwmaStrategy({ decayMs: 10_000 });
    const rng = new Xoshiro128(3);
    const trueLatency = [10, 20];
    let now = 0;
    const step = (): number => {
      const slot = ew.pick(pool, { key: 0, now, trace: null }, rng);
      ew.onComplete(slot, trueLatency[slot]!, now + trueLatency[slot]!);
      now += 100;
      return slot;
    };
    for (let i = 0; i < 50; i++) step();
    expect(step()).toBe(0);
    // One very slow reply from the fast server.
    ew.onComplete(0, 2000, now);
    expect(ew.costOf(0)).toBe(2000);
    const afterSpike = Array.from({ length: 100 }, step); // the next 10 s
    expect(afterSpike.every((s) => s === 1)).toBe(true);
    // Its cost decays while it is not used (2000 -> under 20 takes about tau * ln 100 = 46 s),
    // then it wins the traffic back.
    for (let i = 0; i < 600; i++) step();
    const later = Array.from({ length: 100 }, step);
    expect(later.filter((s) => s === 0).length).toBeGreaterThan(90);
  });

  it('weighs outstanding requests, so a fast but busy server loses to a slower idle one', () => {
    const pool = twoServers();
    const ew = new PeakEwmaStrategy();
    ew.onComplete(0, 10, 0);
    ew.onComplete(1, 30, 0);
    pool.setLoad(0, 4); // 10 x 5 = 50 > 30 x 1
    expect(ew.pick(pool, { key: 0, now: 0, trace: null }, new Xoshiro128(1))).toBe(1);
    pool.setLoad(0, 1); // 10 x 2 = 20 < 30
    expect(ew.pick(pool, { key: 0, now: 0, trace: null }, new Xoshiro128(1))).toBe(0);
  });

  it('never picks an unhealthy server, however cheap', () => {
    const pool = new FakePool([
      { name: 'a', capacity: 1, up: false },
      { name: 'b', capacity: 1, active: 1 },
      { name: 'c', capacity: 5 },
      { name: 'd', capacity: 5 },
    ]);
    const ew = new PeakEwmaStrategy();
    ew.onComplete(2, 900, 0);
    ew.onComplete(3, 800, 0);
    const rng = new Xoshiro128(1);
    for (let i = 0; i < 20; i++)
      expect(ew.pick(pool, { key: 0, now: 0, trace: null }, rng)).toBe(3);
  });

  it('rejects a non-positive decay time', () => {
    expect(() => new PeakEwmaStrategy({ decayMs: 0 })).toThrow(RangeError);
  });
});
