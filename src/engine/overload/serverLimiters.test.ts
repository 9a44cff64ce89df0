import { describe, expect, it } from 'vitest';
import { Xoshiro128 } from '../random.ts';
import { ServerLimiters } from './serverLimiters.ts';
import { resolveLimiter } from './specs.ts';

describe('per-server limiters at the balancer', () => {
  it('rejects an attempt once the server holds its limit, and admits again when one ends', () => {
    const spec = resolveLimiter({ algorithm: 'aimd', initialLimit: 2, minLimit: 1, maxLimit: 10 });
    const lim = new ServerLimiters(spec, new Xoshiro128(1));
    expect(lim.acquire(3)).toBe(1);
    expect(lim.acquire(3)).toBe(2);
    expect(lim.acquire(3)).toBe(0); // limited
    expect(lim.acquire(0)).toBe(1); // another server has its own limit
    // The first ends fine with 1 in flight at its send: 1 x 2 >= 2, so AIMD grows to 3.
    lim.release(3, 0, 100, 1, false);
    expect(lim.limitOf(3)).toBe(3);
    expect(lim.inflightAt(3)).toBe(1);
    expect(lim.acquire(3)).toBe(2);
    expect(lim.acquire(3)).toBe(3);
    expect(lim.acquire(3)).toBe(0);
  });

  it('learns from drops: a timed-out attempt backs the limit off', () => {
    const spec = resolveLimiter({ algorithm: 'aimd', initialLimit: 10, minLimit: 1 });
    const lim = new ServerLimiters(spec, new Xoshiro128(1));
    lim.acquire(0);
    lim.release(0, 0, 1000, 1, true);
    expect(lim.limitOf(0)).toBe(9);
    lim.acquire(0);
    lim.ignore(0); // cancelled: no sample
    expect(lim.limitOf(0)).toBe(9);
    expect(lim.inflightAt(0)).toBe(0);
  });

  it("takes each algorithm's library defaults, and the gradients learn per window", () => {
    expect(resolveLimiter({ algorithm: 'aimd' })).toMatchObject({ initialLimit: 20, minLimit: 20 });
    expect(resolveLimiter({ algorithm: 'gradient' })).toMatchObject({
      initialLimit: 50,
      minLimit: 1,
      maxLimit: 1000,
      rttTolerance: 2,
    });
    expect(resolveLimiter({ algorithm: 'gradient2', minLimit: 4 })).toMatchObject({
      initialLimit: 20,
      minLimit: 4,
      rttTolerance: 1.5,
    });
    const spec = resolveLimiter({ algorithm: 'gradient', initialLimit: 8, maxLimit: 100 });
    const lim = new ServerLimiters(spec, new Xoshiro128(1));
    // A window of one sample closes at once (too few), the next at 1200 with 11 samples, all with
    // one in flight: under half the limit, so the limit is not what holds traffic back.
    for (let i = 0; i < 12; i++) {
      const inflight = lim.acquire(0);
      lim.release(0, i * 100, 100, inflight, false);
    }
    expect(lim.limitOf(0)).toBe(8);
    // Four in flight (half the limit) until a sample ends after 2200: a window of 44 samples.
    for (let i = 12; i < 25; i++) {
      lim.acquire(0);
      lim.acquire(0);
      lim.acquire(0);
      lim.acquire(0);
      lim.release(0, i * 100, 100, 4, false);
      lim.release(0, i * 100, 100, 4, false);
      lim.release(0, i * 100, 100, 4, false);
      lim.release(0, i * 100, 100, 4, false);
    }
    // One window of >= 10 samples, RTT flat at the minimum: 8 x 1 + 4 = 12.
    expect(lim.limitOf(0)).toBe(12);
  });
});
