import { describe, expect, it } from 'vitest';
import { LookupWindow, MIN_LOOKUPS, windowLabel } from './lookupWindow.ts';

describe('LookupWindow', () => {
  it('takes the rate over all lookups while there are fewer than the minimum', () => {
    const w = new LookupWindow();
    expect(w.rate()).toBeNull();
    w.push(0, 1); // one miss
    expect(w.rate()).toEqual({ rate: 0, lookups: 1, sinceStart: true });
    w.push(1, 1); // then a hit: 50%, not 100%
    expect(w.rate()).toEqual({ rate: 0.5, lookups: 2, sinceStart: true });
  });

  it('keeps at least the minimum of lookups in the window as the run goes on', () => {
    const w = new LookupWindow();
    // 1,000 lookups at 20% hits, then 200 at 90%.
    let hits = 0;
    let misses = 0;
    for (let i = 0; i < 100; i++) w.push((hits += 2), (misses += 8));
    expect(w.rate()!.rate).toBeCloseTo(0.2, 10);
    for (let i = 0; i < 20; i++) w.push((hits += 9), (misses += 1));
    const r = w.rate()!;
    expect(r.lookups).toBeGreaterThanOrEqual(MIN_LOOKUPS);
    expect(r.lookups).toBeLessThan(MIN_LOOKUPS + 10);
    expect(r.rate).toBeCloseTo(0.9, 10);
    expect(r.sinceStart).toBe(false);
  });

  it('does not jump between 0% and 100% when each snapshot has one lookup', () => {
    const w = new LookupWindow();
    let hits = 0;
    let misses = 0;
    const seen: number[] = [];
    for (let i = 0; i < 400; i++) {
      if (i % 2 === 0) hits++;
      else misses++;
      w.push(hits, misses);
      if (i >= MIN_LOOKUPS) seen.push(w.rate()!.rate);
    }
    expect(Math.min(...seen)).toBeGreaterThan(0.45);
    expect(Math.max(...seen)).toBeLessThan(0.55);
  });

  it('starts over when the totals go back (a new run)', () => {
    const w = new LookupWindow();
    w.push(50, 150);
    w.push(1, 2);
    expect(w.rate()).toEqual({ rate: 1 / 3, lookups: 3, sinceStart: true });
  });
});

describe('windowLabel', () => {
  it('says how many lookups the rate is over', () => {
    expect(windowLabel(null)).toBe('hit rate, recent lookups');
    expect(windowLabel({ rate: 1, lookups: 1, sinceStart: true })).toBe(
      'hit rate, the 1 lookup so far',
    );
    expect(windowLabel({ rate: 0.5, lookups: 37, sinceStart: true })).toBe(
      'hit rate, all 37 lookups so far',
    );
    expect(windowLabel({ rate: 0.5, lookups: 1204, sinceStart: false })).toBe(
      'hit rate, last 1,204 lookups',
    );
  });
});
