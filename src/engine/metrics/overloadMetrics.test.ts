import { describe, expect, it } from 'vitest';
import { OverloadMetrics } from './overloadMetrics.ts';

describe('overload metrics', () => {
  it('keeps no series until started, then pads them to line up with the run', () => {
    const m = new OverloadMetrics(600);
    m.onShed();
    m.sample(100, 3, null);
    expect(m.started).toBe(false);
    m.start(4);
    m.onShed();
    m.onShed();
    m.onLimited();
    m.onThrottled();
    m.onHedge();
    m.deadlineMs = 100;
    m.onServed(90);
    m.onServed(100);
    m.onServed(101);
    m.sample(100, 3, null);
    const s = m.series!;
    expect(s.shedPerSec.toArray()).toEqual([0, 0, 0, 0, 20]);
    // Goodput was not measured before: NaN, not a false zero.
    expect(s.goodputPerSec.toArray()).toEqual([NaN, NaN, NaN, NaN, 20]); // 2 in time per 100 ms
    expect(s.limitedPerSec.last()).toBe(10);
    expect(s.throttledPerSec.last()).toBe(10);
    expect(s.hedgesPerSec.last()).toBe(10);
    expect([m.shed, m.servedInTime, m.servedLate, m.hedges.sent]).toEqual([3, 2, 1, 1]);
    m.sample(100, 3, null);
    expect(s.shedPerSec.last()).toBe(0); // the interval counters restart
    expect(m.limits).toEqual([]); // no limiter, no limit series
  });

  it("records each server's limit, NaN before its limiter ran", () => {
    const m = new OverloadMetrics(600);
    m.start(2);
    m.sample(100, 1, (slot) => 10 + slot);
    m.sample(100, 2, (slot) => 20 + slot);
    m.sample(100, 2, null); // the limiter was switched off
    expect(m.limits[0]!.toArray()).toEqual([NaN, NaN, 10, 20, NaN]);
    expect(m.limits[1]!.toArray()).toEqual([NaN, NaN, NaN, 21, NaN]);
  });

  it('counts every served request as goodput without a deadline', () => {
    const m = new OverloadMetrics(10);
    m.onServed(1e9);
    expect([m.servedInTime, m.servedLate]).toEqual([1, 0]);
  });
});
