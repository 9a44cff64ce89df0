import { describe, expect, test } from 'vitest';
import { Xoshiro128 } from '../engine/random.ts';
import { createStrategy } from '../engine/strategies/index.ts';
import type { Strategy, StrategyName } from '../engine/strategies/strategy.ts';
import { FakePool } from '../engine/testing/fakePool.ts';
import { SandboxStrategy } from './sandboxStrategy.ts';
import { STRATEGY_TEMPLATES } from './templates.ts';
import { request, testHost } from './testing/sandboxed.ts';

const SERVERS = [
  { name: 'A', capacity: 3 },
  { name: 'B', capacity: 2 },
  { name: 'C', capacity: 4, queueLimit: 2 },
  { name: 'D', capacity: 1 },
];

/**
 * Drives a built-in and a sandboxed strategy through the same 3,000 picks on one pool, with
 * requests finishing at random between picks and a server leaving and coming back, and returns
 * both pick sequences and both random streams' next draws.
 */
async function sideBySide(name: StrategyName, code: string) {
  const host = await testHost();
  const custom = new SandboxStrategy(host.load(code));
  const builtIn: Strategy = createStrategy(name);
  const pool = new FakePool(SERVERS);
  pool.onChange = (slot) => {
    builtIn.onServerChange?.(pool, slot);
    custom.onServerChange(pool, slot);
  };
  const builtInRng = new Xoshiro128(7);
  const customRng = new Xoshiro128(7);
  const churn = new Xoshiro128(99);
  const picks: { builtIn: number[]; custom: number[] } = { builtIn: [], custom: [] };
  for (let i = 0; i < 3000; i++) {
    if (i === 1000) pool.setUp(1, false);
    if (i === 1500) pool.setUp(1, true);
    // Finish a few requests at random, as completions arrive between arrivals.
    for (let k = churn.int(3); k > 0; k--) {
      const slot = churn.int(pool.size);
      if (pool.outstanding(slot) > 0) {
        pool.complete(slot);
        custom.onComplete(slot, 100 + churn.int(400));
      }
    }
    if (pool.healthyCount === 0) continue;
    const a = builtIn.pick(pool, request(i), builtInRng);
    const b = custom.pick(pool, request(i), customRng);
    picks.builtIn.push(a);
    picks.custom.push(b);
    if (a >= 0) pool.dispatch(a);
  }
  expect(custom.failure).toBeNull();
  return { picks, nextDraws: [builtInRng.nextUint32(), customRng.nextUint32()] };
}

describe('the starter templates pick exactly as the built-ins they are named after', () => {
  test.each(STRATEGY_TEMPLATES.map((t) => [t.id, t.code] as const))('%s', async (id, code) => {
    const { picks, nextDraws } = await sideBySide(id, code);
    expect(picks.custom).toEqual(picks.builtIn);
    // Math.random drew from the run's strategy stream and left it where the built-in did.
    expect(nextDraws[1]).toBe(nextDraws[0]);
    // Not a vacuous comparison: the picks spread over the pool.
    expect(new Set(picks.custom).size).toBeGreaterThan(2);
  });
});
