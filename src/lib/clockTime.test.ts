import { describe, expect, it } from 'vitest';
import { clockTime } from './clockTime.ts';

describe('clockTime', () => {
  it('reads as minutes, seconds and tenths, rounding without a 60th second', () => {
    expect(clockTime(0)).toBe('0:00.0');
    expect(clockTime(42_300)).toBe('0:42.3');
    expect(clockTime(59_960)).toBe('1:00.0');
    expect(clockTime(725_000)).toBe('12:05.0');
    expect(clockTime(3_723_400)).toBe('1:02:03.4');
  });
});
