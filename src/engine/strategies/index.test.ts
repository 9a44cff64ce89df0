import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FakePool } from '../testing/fakePool.ts';
import { Xoshiro128 } from '../random.ts';
import { STRATEGY_INFO, STRATEGY_NAMES, createStrategy } from './index.ts';

describe('createStrategy and STRATEGY_INFO', () => {
  it('builds every named strategy and describes it', () => {
    for (const name of STRATEGY_NAMES) {
      expect(createStrategy(name).name).toBe(name);
      const info = STRATEGY_INFO[name];
      expect(info.name).toBe(name);
      expect(info.label.length).toBeGreaterThan(0);
      const sentences = info.explanation.split(/(?<=[.!?])\s+/).length;
      expect(sentences).toBeGreaterThanOrEqual(2);
      expect(sentences).toBeLessThanOrEqual(3);
    }
  });

  it('passes options through', () => {
    expect(createStrategy('power-of-two-choices', { choices: 3 })).toMatchObject({ choices: 3 });
    expect(createStrategy('peak-ewma', { choices: 4, decayMs: 500 })).toMatchObject({
      choices: 4,
      tau: 500,
    });
    expect(createStrategy('consistent-hash', { virtualNodes: 7 })).toMatchObject({
      virtualNodes: 7,
    });
  });
});

const serverArb = fc.record({
  capacity: fc.integer({ min: 0, max: 4 }),
  queueLimit: fc.integer({ min: 0, max: 2 }),
  active: fc.integer({ min: 0, max: 4 }),
  queued: fc.integer({ min: 0, max: 2 }),
  up: fc.boolean(),
  weight: fc.integer({ min: 0, max: 5 }),
});

const opArb = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('pick' as const), key: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('complete' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('add' as const), server: serverArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('toggle' as const), at: fc.nat() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('reweigh' as const),
      at: fc.nat(),
      weight: fc.integer({ min: 0, max: 5 }),
    }),
  },
);

describe('every strategy', () => {
  it('returns a healthy member whenever one exists, through any history (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STRATEGY_NAMES),
        fc.record({
          choices: fc.integer({ min: 1, max: 5 }),
          virtualNodes: fc.integer({ min: 1, max: 20 }),
          decayMs: fc.integer({ min: 1, max: 20_000 }),
        }),
        fc.array(serverArb, { maxLength: 12 }),
        fc.array(opArb, { maxLength: 80 }),
        fc.integer(),
        (name, options, initial, ops, seed) => {
          let named = 0;
          const pool = new FakePool(initial.map((s) => ({ ...s, name: `s${named++}` })));
          const strategy = createStrategy(name, options);
          pool.onChange = (slot) => strategy.onServerChange?.(pool, slot);
          const rng = new Xoshiro128(seed);
          let now = 0;
          for (const op of ops) {
            now += 7;
            const at = 'at' in op && pool.size > 0 ? op.at % pool.size : -1;
            switch (op.op) {
              case 'pick': {
                if (pool.healthyCount === 0) break;
                const slot = strategy.pick(pool, { key: op.key, now, trace: null }, rng);
                expect(pool.member[slot]).toBe(1);
                expect(pool.healthy[slot]).toBe(1);
                pool.dispatch(slot);
                strategy.onDispatch?.(slot, now);
                break;
              }
              case 'complete':
                if (at >= 0 && pool.outstanding(at) > 0) {
                  pool.complete(at);
                  strategy.onComplete?.(at, 1 + (op.at % 50), now);
                }
                break;
              case 'add':
                pool.add({ ...op.server, name: `s${named++}` });
                break;
              case 'remove':
                if (at >= 0) pool.remove(at);
                break;
              case 'toggle':
                if (at >= 0) pool.setUp(at, pool.up[at] === 0);
                break;
              case 'reweigh':
                if (at >= 0) pool.setWeight(at, op.weight);
                break;
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
