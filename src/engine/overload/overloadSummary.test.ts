import { describe, expect, it } from 'vitest';
import { OverloadMetrics } from '../metrics/overloadMetrics.ts';
import { summarizeOverload } from './overloadSummary.ts';

describe('overload summary', () => {
  it('reports rates per simulated second and hedges per request', () => {
    const m = new OverloadMetrics(10);
    m.deadlineMs = 250;
    for (let i = 0; i < 90; i++) m.onServed(100);
    for (let i = 0; i < 10; i++) m.onServed(300);
    m.onShed();
    m.onLimited();
    m.onLimited();
    for (let i = 0; i < 6; i++) m.onHedge();
    m.hedges.won = 4;
    m.hedges.cancelled = 5;
    const s = summarizeOverload(m, 100, 120, 20_000);
    expect(s).toEqual({
      rejectedByReason: { shed: 1, limited: 2, throttled: 0 },
      servedLate: 10,
      throughput: 5, // 100 served in 20 s
      goodput: 4.5, // 90 within the deadline
      hedging: { sent: 6, won: 4, extraLoad: 0.05, cancelled: 5, denied: 0 },
    });
  });

  it('has no rates before any time has passed', () => {
    const s = summarizeOverload(new OverloadMetrics(10), 0, 0, 0);
    expect([s.throughput, s.goodput, s.hedging.extraLoad]).toEqual([0, 0, 0]);
  });
});
