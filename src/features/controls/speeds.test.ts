import { describe, expect, it } from 'vitest';
import { speedLabel, stepSpeed } from './speeds.ts';

describe('stepSpeed', () => {
  it('moves one step along the menu and stays at its ends', () => {
    expect(stepSpeed(1, 1)).toBe(2);
    expect(stepSpeed(1, -1)).toBe(0.5);
    expect(stepSpeed(1000, 1)).toBe('max');
    expect(stepSpeed('max', 1)).toBe('max');
    expect(stepSpeed('max', -1)).toBe(1000);
    expect(stepSpeed(0.1, -1)).toBe(0.1);
  });

  it('moves a speed the menu lacks to its neighbour', () => {
    expect(stepSpeed(3, 1)).toBe(5);
    expect(stepSpeed(3, -1)).toBe(2);
  });

  it('labels speeds as the menu does', () => {
    expect(speedLabel(0.25)).toBe('0.25×');
    expect(speedLabel('max')).toBe('max');
  });
});
