import { describe, expect, it } from 'vitest';
import { progressText } from './progressText.ts';

const job = (fraction: number, simulatedMs: number, endMs: number) => ({
  id: 1,
  fraction,
  simulatedMs,
  endMs,
});

describe('progressText', () => {
  it('gives the percent done and the simulated time out of the traffic’s end', () => {
    expect(progressText(job(0.42, 12_600, 30_000))).toBe('42% · 12.6 s of 30.0 s simulated');
    // Rounded down: 99.9% is not yet 100%.
    expect(progressText(job(0.999, 29_970, 30_000))).toBe('99% · 30.0 s of 30.0 s simulated');
  });

  it('says the last requests are finishing once the traffic is over', () => {
    expect(progressText(job(1, 30_400, 30_000))).toBe(
      '100% · 30.4 s simulated: traffic over, last requests finishing',
    );
  });

  it('has no “of” when all traffic comes at time 0 (a single burst)', () => {
    expect(progressText(job(0, 360, 0))).toBe('0% · 0.4 s simulated');
  });
});
