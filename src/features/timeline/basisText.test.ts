import { describe, expect, it } from 'vitest';
import { basisText } from './basisText.ts';

describe('basisText', () => {
  it('names the basis and what one request reads as', () => {
    expect(basisText(100)).toBe(
      'Rates per simulated second, each point one 100 ms interval: a single request in an ' +
        'interval reads 10/s. The outcomes chart averages over 1 s.',
    );
    expect(basisText(400)).toContain(
      'each point one 400 ms interval: a single request in an interval reads 2.5/s',
    );
    expect(basisText(3200)).toContain('each point one 3.20 s interval');
  });
});
