import { describe, expect, it } from 'vitest';
import { HEDGE_OFF, LIMITER_OFF, THROTTLING_OFF } from '../../engine/overload/specs.ts';
import { DEFAULT_SCENARIO } from '../../engine/scenario/schema.ts';
import { tailDefencesOn } from './tailDefences.ts';

const off = DEFAULT_SCENARIO.resilience;

describe('tailDefencesOn', () => {
  it('names nothing in the default setup: all three are off', () => {
    expect(off.limiter).toEqual(LIMITER_OFF);
    expect(off.throttling).toEqual(THROTTLING_OFF);
    expect(off.hedge).toEqual(HEDGE_OFF);
    expect(tailDefencesOn(off)).toEqual([]);
  });

  it('names each one that is on, the limiter by its algorithm, in the order shown', () => {
    const spec = {
      ...off,
      limiter: { ...off.limiter, algorithm: 'gradient2' as const },
      throttling: { ...off.throttling, enabled: true },
      hedge: { ...off.hedge, afterMs: 120 },
    };
    expect(tailDefencesOn(spec)).toEqual([
      'Gradient2 concurrency limit',
      'adaptive throttling',
      'hedged requests',
    ]);
    expect(tailDefencesOn({ ...off, limiter: { ...off.limiter, algorithm: 'aimd' } })).toEqual([
      'AIMD concurrency limit',
    ]);
  });
});
