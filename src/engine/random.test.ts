import { describe, expect, it } from 'vitest';
import { streamRng, Xoshiro128 } from './random.ts';

describe('Xoshiro128.peekUint32', () => {
  it('returns what the next nextUint32 returns, without drawing it', () => {
    const rng = new Xoshiro128(12345);
    const twin = new Xoshiro128(12345);
    for (let i = 0; i < 10_000; i++) {
      const peeked = rng.peekUint32();
      expect(rng.peekUint32()).toBe(peeked);
      expect(rng.nextUint32()).toBe(peeked);
      expect(twin.nextUint32()).toBe(peeked);
    }
  });

  it('matches next() and int() of the draw it foretells', () => {
    const rng = streamRng(42, 'keys');
    for (let i = 0; i < 1000; i++) {
      const word = rng.peekUint32();
      expect(rng.int(100_000)).toBe(Math.floor((word / 4294967296) * 100_000));
    }
  });
});
