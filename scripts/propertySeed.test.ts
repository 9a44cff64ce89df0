import { describe, expect, it } from 'vitest';
import { propertySeed } from './propertySeed.ts';

describe('the property tests’ seed', () => {
  it('is fixed by default, given by FC_SEED, or left to fast-check with "random"', () => {
    expect(propertySeed(undefined)).toBe(20_261_203);
    expect(propertySeed('')).toBe(20_261_203);
    expect(propertySeed('1319324139')).toBe(1_319_324_139);
    expect(propertySeed('random')).toBeUndefined();
  });

  it('refuses a seed that is not an integer, naming the variable', () => {
    expect(() => propertySeed('abc')).toThrow('FC_SEED must be an integer or "random", not "abc"');
  });
});
