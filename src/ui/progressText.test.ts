import { describe, expect, it } from 'vitest';
import { etaText, progressText } from './progressText.ts';

const job = (fraction: number, simulatedMs: number, endMs: number, elapsedMs = 0) => ({
  id: 1,
  fraction,
  simulatedMs,
  endMs,
  elapsedMs,
});

describe('progressText', () => {
  it('gives the percent done and the simulated time out of the traffic’s end', () => {
    expect(progressText(job(0.42, 12_600, 30_000))).toBe(
      '42% · 12.6 s of 30.0 s simulated · estimating time left',
    );
    // Rounded down: 99.9% is not yet 100%.
    expect(progressText(job(0.999, 29_970, 30_000, 9_990))).toBe(
      '99% · 30.0 s of 30.0 s simulated · less than a second left',
    );
  });

  it('adds the wall time left at the pace so far', () => {
    // 42% in 4.2 s of wall time: 58% more takes 5.8 s.
    expect(progressText(job(0.42, 12_600, 30_000, 4_200))).toBe(
      '42% · 12.6 s of 30.0 s simulated · about 6 seconds left',
    );
  });

  it('says the last requests are finishing once the traffic is over', () => {
    expect(progressText(job(1, 30_400, 30_000, 5_000))).toBe(
      '100% · 30.4 s simulated: traffic over, last requests finishing',
    );
  });

  it('has no “of” when all traffic comes at time 0 (a single burst)', () => {
    expect(progressText(job(0, 360, 0))).toBe('0% · 0.4 s simulated · estimating time left');
  });
});

describe('etaText', () => {
  it('waits for enough progress before estimating', () => {
    expect(etaText({ fraction: 0.01, elapsedMs: 5_000 })).toBe('estimating time left');
    expect(etaText({ fraction: 0.5, elapsedMs: 100 })).toBe('estimating time left');
  });

  it('says seconds in the singular and plural, and minutes for long waits', () => {
    expect(etaText({ fraction: 0.5, elapsedMs: 1_000 })).toBe('about 1 second left');
    expect(etaText({ fraction: 0.5, elapsedMs: 2_000 })).toBe('about 2 seconds left');
    expect(etaText({ fraction: 0.1, elapsedMs: 20_000 })).toBe('about 3 minutes left');
    expect(etaText({ fraction: 0.9, elapsedMs: 900 })).toBe('less than a second left');
  });

  it('has nothing to say once the work is done', () => {
    expect(etaText({ fraction: 1, elapsedMs: 3_000 })).toBeNull();
  });
});
