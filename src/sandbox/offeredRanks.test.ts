import { describe, expect, test } from 'vitest';
import { Xoshiro128 } from '../engine/random.ts';
import { OfferedRanks } from './offeredRanks.ts';

describe('OfferedRanks: a slot’s position among the offered slots', () => {
  test('by hand: slots 1, 3 and 4 offered', () => {
    const ranks = new OfferedRanks();
    ranks.reset(6);
    for (const slot of [4, 1, 3]) ranks.set(slot, true);
    expect([0, 1, 2, 3, 4, 5].map((s) => ranks.below(s))).toEqual([0, 0, 1, 1, 2, 3]);
    ranks.set(3, false);
    ranks.set(3, false);
    expect([0, 1, 2, 3, 4, 5].map((s) => ranks.below(s))).toEqual([0, 0, 1, 1, 1, 2]);
    expect(ranks.has(4)).toBe(true);
    expect(ranks.has(3)).toBe(false);
  });

  test('agrees with counting, through 5,000 random changes', () => {
    const ranks = new OfferedRanks();
    ranks.reset(37);
    const offered = new Array<boolean>(37).fill(false);
    const rng = new Xoshiro128(3);
    for (let i = 0; i < 5000; i++) {
      const slot = rng.int(37);
      offered[slot] = rng.int(2) === 1;
      ranks.set(slot, offered[slot]);
      const probe = rng.int(38);
      expect(ranks.below(probe)).toBe(offered.slice(0, probe).filter(Boolean).length);
    }
  });
});
