import { describe, expect, it } from 'vitest';
import { HedgeLedger } from './hedgeLedger.ts';

describe('hedge budget', () => {
  it('sends every hedge without a budget', () => {
    const h = new HedgeLedger(null);
    for (let i = 0; i < 10; i++) {
      expect(h.allow(1)).toBe(true);
      h.sent++;
    }
    expect(h.denied).toBe(0);
    expect(h.extraLoad(100)).toBeCloseTo(0.1, 12);
  });

  it('keeps hedges within budgetPercent of the requests so far', () => {
    const h = new HedgeLedger(5);
    const verdicts: boolean[] = [];
    // One hedge wanted per request: 5% of 100 requests allows exactly 5.
    for (let requests = 1; requests <= 100; requests++) {
      const ok = h.allow(requests);
      verdicts.push(ok);
      if (ok) h.sent++;
    }
    expect(h.sent).toBe(5);
    expect(h.denied).toBe(95);
    // The first allowed at 20 requests (1 <= 0.05 x 20), then at 40, 60, 80, 100.
    const allowedAt = verdicts.flatMap((ok, i) => (ok ? [i + 1] : []));
    expect(allowedAt).toEqual([20, 40, 60, 80, 100]);
    expect(h.extraLoad(100)).toBeCloseTo(0.05, 12);
  });

  it('reports no extra load before any request', () => {
    expect(new HedgeLedger(null).extraLoad(0)).toBe(0);
  });
});
