import { describe, expect, it } from 'vitest';
import { figureValueText } from './figureText.ts';

describe('figureValueText', () => {
  it('reads each unit with its size', () => {
    expect(figureValueText('meanMs', 4.567)).toBe('4.57 ms');
    expect(figureValueText('p99Ms', 412.4)).toBe('412 ms');
    expect(figureValueText('p999Ms', 3200)).toBe('3.20 s');
    expect(figureValueText('hitRate', 62.34)).toBe('62.3%');
    expect(figureValueText('rejectedShare', 0.125)).toBe('0.13%');
    expect(figureValueText('throughputPerSec', 1250.4)).toBe('1,250 per simulated second');
    expect(figureValueText('throughputPerSec', 7.25)).toBe('7.3 per simulated second');
    expect(figureValueText('sloAttainment', 99.123)).toBe('99.1%');
    expect(figureValueText('dollars', 0.0133)).toBe('$0.0133');
    expect(figureValueText('dollars', 14.4)).toBe('$14.40');
  });

  it('shows a dash where nothing was measured', () => {
    expect(figureValueText('meanMs', null)).toBe('–');
  });
});
