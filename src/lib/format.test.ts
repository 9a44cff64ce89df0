import { describe, expect, it } from 'vitest';
import { formatCount, formatMs, formatPercent, formatSimTime } from './format.ts';

describe('format', () => {
  it('groups counts by thousands, rounding', () => {
    expect([0, 7, 999, 1000, 12345, 1234567.6, -4321].map(formatCount)).toEqual([
      '0',
      '7',
      '999',
      '1,000',
      '12,345',
      '1,234,568',
      '-4,321',
    ]);
    expect(formatCount(-0.2)).toBe('0');
  });
  it('picks a unit for durations and says – for none', () => {
    expect([0.25, 412.4, 3200, 90_000, null].map(formatMs)).toEqual([
      '0.3 ms',
      '412 ms',
      '3.20 s',
      '1.5 min',
      '–',
    ]);
  });
  it('formats shares and simulated time', () => {
    expect(formatPercent(0.6234)).toBe('62.3%');
    expect(formatPercent(NaN)).toBe('–');
    expect(formatSimTime(12402)).toBe('12.402 s');
  });
});
