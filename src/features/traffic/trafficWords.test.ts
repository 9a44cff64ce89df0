import { describe, expect, it } from 'vitest';
import { spanOf, trafficWords } from './trafficWords.ts';

describe('traffic entries in words', () => {
  it('says each kind with its times as a clock', () => {
    expect(trafficWords({ kind: 'burst', at: 0, burst: 10 })).toBe('10 at once at 0:00');
    expect(trafficWords({ kind: 'poisson', from: 0, to: 3_600_000, ratePerSec: 20 })).toBe(
      'steady 20/s from 0:00 to 1:00',
    );
    expect(
      trafficWords({
        kind: 'diurnal',
        from: 0,
        to: 86_400_000,
        troughRatePerSec: 1,
        peakRatePerSec: 15,
        periodMs: 86_400_000,
        phaseMs: 50_400_000,
      }),
    ).toBe('daily pattern 1/s–15/s, peak at 14:00 every 24 h, from 0:00 to 24:00');
    expect(trafficWords({ kind: 'spike', from: 300_000, to: 600_000, multiplier: 5 })).toBe(
      'spike ×5 from 0:05 for 5 min',
    );
    expect(
      trafficWords({
        kind: 'trace',
        trace: [
          [0, 1],
          [90_000, 80],
        ],
      }),
    ).toBe('trace of 2 points, 0:00–0:01:30, up to 80/s');
  });

  it('formats spans in their unit', () => {
    expect(spanOf(45_000)).toBe('45 s');
    expect(spanOf(86_400_000)).toBe('24 h');
  });
});
