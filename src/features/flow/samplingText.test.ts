import { describe, expect, it } from 'vitest';
import { samplingText } from './samplingText.ts';

describe('samplingText', () => {
  it('says the picture counts real seconds, tied to simulated ones by the speed', () => {
    expect(samplingText({ shown: 10, happened: 10 }, true, 1)).toBe(
      'showing all 10 requests routed in the last second of real time (at 1×, one simulated second)',
    );
    expect(samplingText({ shown: 60, happened: 5000 }, true, 10)).toBe(
      'showing 60 of the 5,000 requests routed in the last second of real time, a sample (at 10×: 500 per simulated second)',
    );
    expect(samplingText({ shown: 1, happened: 1 }, false, 'max')).toBe(
      'counting the 1 request routed in the last second of real time',
    );
    expect(samplingText({ shown: 3, happened: 3 }, true, 0.25)).toBe(
      'showing all 3 requests routed in the last second of real time (at 0.25×: 12 per simulated second)',
    );
  });

  it('keeps a decimal for slow rates only', () => {
    expect(samplingText({ shown: 7, happened: 7 }, true, 10)).toContain(
      '(at 10×: 0.7 per simulated second)',
    );
  });

  it('says when nothing was routed', () => {
    expect(samplingText({ shown: 0, happened: 0 }, true, 1)).toBe(
      'No request was routed in the last second of real time.',
    );
  });
});
