import { describe, expect, it } from 'vitest';
import type { Rng } from '../../random.ts';
import { AIMD_DEFAULTS, AimdLimit } from './aimdLimit.ts';
import type { ConcurrencyLimit } from './concurrencyLimit.ts';
import { ExpAverage, GRADIENT2_DEFAULTS, Gradient2Limit } from './gradient2Limit.ts';
import { GRADIENT_DEFAULTS, GradientLimit, sqrtQueueSize } from './gradientLimit.ts';
import { WindowedLimit } from './windowedLimit.ts';

const zeroRng: Rng = { next: () => 0, int: () => 0 };

describe('AimdLimit (Netflix AIMDLimit)', () => {
  it("reproduces the library's own tests", () => {
    // AIMDLimitTest.increaseOnSuccess: 20, a 1 ms success with 10 in flight -> 21.
    const grow = new AimdLimit({ ...AIMD_DEFAULTS, initialLimit: 20 });
    grow.onSample(0, 1, 10, false);
    expect(grow.limit).toBe(21);
    // decreaseOnDrops: 30, a drop -> 27.
    const drop = new AimdLimit({ ...AIMD_DEFAULTS, initialLimit: 30 });
    drop.onSample(0, 0, 0, true);
    expect(drop.limit).toBe(27);
    // successOverflow: at the maximum, a success keeps it there.
    const full = new AimdLimit({ ...AIMD_DEFAULTS, initialLimit: 21, maxLimit: 21, minLimit: 0 });
    full.onSample(0, 1, 10, false);
    expect(full.limit).toBe(21);
  });

  it('adds one while the limit is in use, multiplies by 0.9 on a drop or a slow answer', () => {
    const aimd = new AimdLimit({ ...AIMD_DEFAULTS, initialLimit: 10, minLimit: 1, maxLimit: 20 });
    const seen: number[] = [];
    const step = (rtt: number, inflight: number, drop: boolean) => {
      aimd.onSample(0, rtt, inflight, drop);
      seen.push(aimd.limit);
    };
    step(100, 5, false); // 5 x 2 >= 10: 11
    step(100, 3, false); // 3 x 2 < 11: the limit is not in use, stays 11
    step(100, 11, true); // trunc(11 x 0.9) = 9
    step(6000, 9, false); // slower than the 5 s timeout counts as a drop: trunc(8.1) = 8
    step(100, 4, false); // 4 x 2 >= 8: 9
    expect(seen).toEqual([11, 11, 9, 8, 9]);
  });

  it('never goes below the minimum', () => {
    const aimd = new AimdLimit({ ...AIMD_DEFAULTS, initialLimit: 1, minLimit: 1, maxLimit: 20 });
    aimd.onSample(0, 100, 1, true); // trunc(0.9) = 0, held at 1
    expect(aimd.limit).toBe(1);
  });
});

describe('GradientLimit (Netflix GradientLimit)', () => {
  const settings = {
    ...GRADIENT_DEFAULTS,
    initialLimit: 10,
    minLimit: 1,
    maxLimit: 100,
    probeInterval: -1,
  };

  it('queues max(4, sqrt(limit)) as SquareRootFunction.create(4) does', () => {
    expect(sqrtQueueSize(10)).toBe(4);
    expect(sqrtQueueSize(25)).toBe(5);
    expect(sqrtQueueSize(99.9)).toBe(9);
    expect(sqrtQueueSize(2000)).toBe(44);
  });

  it('grows while RTT stays within tolerance of the minimum and shrinks, smoothed, as it rises', () => {
    const g = new GradientLimit(settings, zeroRng);
    const estimates: number[] = [];
    const step = (rtt: number, inflight: number, drop = false) => {
      g.onSample(0, rtt, inflight, drop);
      estimates.push(g.estimatedLimit);
    };
    step(100, 10); // min 100, gradient min(1, 2 x 100/100) = 1: 10 + 4 = 14
    step(150, 14); // gradient min(1, 200/150) = 1: 18
    step(400, 18); // gradient 200/400 = 0.5: 18 x 0.5 + 4 = 13, smoothed 18 x 0.8 + 13 x 0.2 = 17
    step(300, 5); // 5 < 17 / 2: not limited by the limit, no change
    step(250, 17, true); // drop: 17 x 0.9 = 15.3, smoothed 17 x 0.8 + 15.3 x 0.2 = 16.66
    step(50, 16); // a new minimum, gradient 1: 16.66 + 4 = 20.66
    const want = [14, 18, 17, 17, 16.66, 20.66];
    want.forEach((w, i) => expect(estimates[i]).toBeCloseTo(w, 9));
    expect(g.limit).toBe(20);
    expect(g.rttNoLoad).toBe(50);
  });

  it('probes for a new no-load RTT after probeInterval (plus a random share) updates', () => {
    const g = new GradientLimit({ ...settings, probeInterval: 2 }, zeroRng);
    g.onSample(0, 100, 10, false); // countdown 2 -> 1
    g.onSample(0, 100, 14, false); // 1 -> 0
    expect(g.estimatedLimit).toBe(18);
    g.onSample(0, 500, 18, false); // 0: probe, restart from max(minLimit, queueSize) = 4
    expect(g.estimatedLimit).toBe(4);
    expect(g.rttNoLoad).toBe(0);
    g.onSample(0, 500, 4, false); // the minimum starts again from 500: gradient 1, 4 + 4
    expect(g.estimatedLimit).toBe(8);
    expect(g.rttNoLoad).toBe(500);
  });
});

describe('Gradient2Limit (Netflix Gradient2Limit)', () => {
  it('compares the latest RTT with a long average and moves the limit by a fifth of the change', () => {
    const g = new Gradient2Limit({ ...GRADIENT2_DEFAULTS, minLimit: 5 });
    const estimates: number[] = [];
    const step = (rtt: number, inflight: number) => {
      g.onSample(0, rtt, inflight, false);
      estimates.push(g.estimatedLimit);
    };
    step(100, 20); // long 100: gradient 1, 20 + 4 = 24, smoothed 20.8
    step(300, 20); // long 200: gradient min(1, 1.5 x 200/300) = 1: 24.8, smoothed 21.6
    step(600, 21); // long 333.3: gradient 0.8333: 22, smoothed 21.68
    step(2000, 21); // long 750: gradient 0.5625: 16.195, smoothed 20.583
    const want = [20.8, 21.6, 21.68, 20.583];
    want.forEach((w, i) => expect(estimates[i]).toBeCloseTo(w, 3));
    expect(g.limit).toBe(20);
  });

  it('cuts the long average by 5% when it is over twice the latest RTT, and ignores app-limited samples', () => {
    const g = new Gradient2Limit({ ...GRADIENT2_DEFAULTS, minLimit: 5 });
    for (const rtt of [100, 300, 600, 2000]) g.onSample(0, rtt, 21, false);
    const before = g.estimatedLimit;
    g.onSample(0, 10, 1, false); // long (3000 + 10) / 5 = 602 > 2 x 10
    expect(g.longRtt.value).toBeCloseTo(602 * 0.95, 9);
    expect(g.estimatedLimit).toBe(before); // 1 in flight < limit / 2
  });

  it('averages the first ten samples, then takes an exponential average of factor 2 / (window + 1)', () => {
    const avg = new ExpAverage(600);
    for (let i = 0; i < 10; i++) avg.add(100);
    expect(avg.value).toBe(100);
    expect(avg.add(701)).toBeCloseTo(102, 12); // 100 + 601 x 2/601
  });
});

describe('WindowedLimit', () => {
  class Recorder implements ConcurrencyLimit {
    limit = 7;
    readonly calls: [number, number, number, boolean][] = [];
    onSample(start: number, rtt: number, inflight: number, drop: boolean): void {
      this.calls.push([start, rtt, inflight, drop]);
    }
  }

  it('hands the delegate one sample per window: mean RTT, most in flight, any drop', () => {
    const rec = new Recorder();
    const w = new WindowedLimit(rec);
    w.onSample(0, 100, 1, false); // ends at 100 > 0: closes a window of 1 sample (too few)
    expect(rec.calls).toEqual([]);
    // The next window closes with the first sample ending after 100 + 1000.
    for (let k = 1; k <= 10; k++) w.onSample(100 * k, 50 + 10 * k, k, k === 4);
    // RTTs 60..150: mean 105; inflight up to 10; sample 4 dropped. Sample 10 ends at 1150.
    expect(rec.calls).toEqual([[1000, 105, 10, true]]);
    expect(w.limit).toBe(7);
  });

  it('ignores samples under 0.1 ms and windows of fewer than 10 samples', () => {
    const rec = new Recorder();
    const w = new WindowedLimit(rec);
    w.onSample(0, 0.05, 1, false);
    for (let k = 0; k < 9; k++) w.onSample(2000 * k, 100, 1, false);
    expect(rec.calls).toEqual([]);
  });
});
