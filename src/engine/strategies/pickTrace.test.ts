import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FakePool } from '../testing/fakePool.ts';
import { Xoshiro128 } from '../random.ts';
import { ConsistentHashStrategy } from './consistentHash.ts';
import { STRATEGY_NAMES, createStrategy } from './index.ts';
import { hashKey } from './keyHash.ts';
import { LeastConnectionsStrategy } from './leastConnections.ts';
import { MaglevStrategy } from './maglev.ts';
import { ModuloHashStrategy } from './moduloHash.ts';
import { PEAK_EWMA_PENALTY, PeakEwmaStrategy } from './peakEwma.ts';
import { PowerOfTwoChoicesStrategy } from './powerOfTwoChoices.ts';
import { RandomStrategy } from './randomChoice.ts';
import { RoundRobinStrategy } from './roundRobin.ts';
import {
  MAX_TRACE_CANDIDATES,
  newPickTrace,
  resetPickTrace,
  type PickTrace,
  type Strategy,
} from './strategy.ts';
import { WeightedRoundRobinStrategy } from './weightedRoundRobin.ts';

/** Picks once with a fresh trace; returns the slot and what the strategy recorded. */
function traced(strategy: Strategy, pool: FakePool, key = 0, seed = 1) {
  const trace = newPickTrace();
  const slot = strategy.pick(pool, { key, now: 0, trace }, new Xoshiro128(seed));
  return { slot, trace };
}

/** The trace's score for one slot. */
function scoreOf(trace: PickTrace, slot: number): number | undefined {
  const i = trace.slots.indexOf(slot);
  return i < 0 ? undefined : trace.scores[i];
}

function named(n: number, extra: { capacity?: number } = {}) {
  return Array.from({ length: n }, (_, i) => ({ name: `s${i}`, capacity: 10, ...extra }));
}

describe('newPickTrace and resetPickTrace', () => {
  it('start and reset to an empty trace, keeping the arrays', () => {
    const t = newPickTrace();
    t.slots.push(1);
    t.scores.push(2);
    t.considered = 3;
    t.scoreName = 'x';
    t.lowerWins = true;
    t.rule = 'y';
    const slots = t.slots;
    resetPickTrace(t);
    expect(t).toEqual(newPickTrace());
    expect(t.slots).toBe(slots);
  });
});

describe('every strategy, traced', () => {
  it('picks exactly what it picks untraced and names the chosen slot (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STRATEGY_NAMES),
        fc.array(fc.record({ load: fc.nat(12), up: fc.boolean() }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 30 }),
        fc.integer(),
        (name, servers, keys, seed) => {
          const specs = servers.map((s, i) => ({
            name: `s${i}`,
            capacity: 10,
            active: Math.min(s.load, 10),
            up: s.up,
          }));
          const a = new FakePool(specs);
          const b = new FakePool(specs);
          const plain = createStrategy(name, { choices: 3, virtualNodes: 10 });
          const withTrace = createStrategy(name, { choices: 3, virtualNodes: 10 });
          a.onChange = (slot) => plain.onServerChange?.(a, slot);
          b.onChange = (slot) => withTrace.onServerChange?.(b, slot);
          const rngA = new Xoshiro128(seed);
          const rngB = new Xoshiro128(seed);
          const trace = newPickTrace();
          for (const [i, key] of keys.entries()) {
            if (a.healthyCount === 0) break;
            const expected = plain.pick(a, { key, now: i, trace: null }, rngA);
            resetPickTrace(trace);
            expect(withTrace.pick(b, { key, now: i, trace }, rngB)).toBe(expected);
            expect(trace.slots).toContain(expected);
            expect(trace.scores).toHaveLength(trace.slots.length);
            expect(trace.slots.length).toBeLessThanOrEqual(MAX_TRACE_CANDIDATES);
            expect(trace.considered).toBeGreaterThanOrEqual(trace.slots.length);
            expect(trace.scoreName).not.toBe('');
            expect(trace.rule).toContain(a.names[expected]!);
            a.dispatch(expected);
            b.dispatch(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('round robin trace', () => {
  it('lists the healthy servers from the one whose turn it is, with their places', () => {
    const pool = new FakePool(named(4));
    pool.setUp(1, false);
    const rr = new RoundRobinStrategy();
    rr.pick(pool, { key: 0, now: 0, trace: null }, new Xoshiro128(1)); // counter 0 -> 1
    const { slot, trace } = traced(rr, pool);
    expect(slot).toBe(2);
    expect(trace.slots).toEqual([2, 3, 0]);
    expect(trace.scores).toEqual([1, 2, 0]);
    expect(trace.considered).toBe(3);
    expect(trace.lowerWins).toBe(false);
    expect(trace.rule).toContain('1 mod 3');
    expect(trace.rule).toContain('s2');
  });
});

describe('random trace', () => {
  it('gives every healthy server the same chance and says it was uniform', () => {
    const pool = new FakePool(named(5));
    pool.setUp(0, false);
    const { slot, trace } = traced(new RandomStrategy(), pool, 0, 7);
    expect(trace.slots).toEqual([1, 2, 3, 4]);
    expect(trace.scores).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(trace.rule).toContain('uniformly at random');
    expect(trace.rule).toContain(`s${slot}`);
  });

  it('keeps the chosen server even when more than a trace holds are healthy', () => {
    const pool = new FakePool(named(40));
    for (let seed = 0; seed < 20; seed++) {
      const { slot, trace } = traced(new RandomStrategy(), pool, 0, seed);
      expect(trace.slots).toHaveLength(MAX_TRACE_CANDIDATES);
      expect(trace.slots).toContain(slot);
      expect(trace.considered).toBe(40);
    }
  });
});

describe('weighted round robin trace', () => {
  it('shows the credits compared, the richest winning', () => {
    const pool = new FakePool([
      { name: 'a', capacity: 9, weight: 5 },
      { name: 'b', capacity: 9, weight: 1 },
      { name: 'c', capacity: 9, weight: 1 },
    ]);
    const wrr = new WeightedRoundRobinStrategy();
    const first = traced(wrr, pool);
    expect(first.slot).toBe(0);
    expect(first.trace.scores).toEqual([5, 1, 1]);
    // a paid back 7: credits are now -2, 1, 1; adding the weights gives 3, 2, 2.
    const second = traced(wrr, pool);
    expect(second.slot).toBe(0);
    expect(second.trace.scores).toEqual([3, 2, 2]);
    const third = traced(wrr, pool);
    expect(third.slot).toBe(1);
    expect(third.trace.scores).toEqual([1, 3, 3]);
    expect(third.trace.rule).toContain('b with 3');
  });
});

describe('least connections trace', () => {
  it('lists the least loaded first, ties in list order, and names the first', () => {
    const pool = new FakePool(
      [4, 1, 3, 1, 0, 2].map((active, i) => ({ name: `s${i}`, capacity: 9, active })),
    );
    pool.setUp(4, false);
    const lc = new LeastConnectionsStrategy();
    const { slot, trace } = traced(lc, pool);
    expect(slot).toBe(1);
    expect(trace.slots).toEqual([1, 3, 5, 2, 0]);
    expect(trace.scores).toEqual([1, 1, 2, 3, 4]);
    expect(trace.considered).toBe(5);
    expect(trace.lowerWins).toBe(true);
    expect(trace.rule).toContain('ties go to the first');
  });
});

describe('power of two choices trace', () => {
  it('records the d sampled servers and their loads', () => {
    const pool = new FakePool(
      [5, 2, 9, 0, 7, 1].map((active, i) => ({ name: `s${i}`, capacity: 20, active })),
    );
    for (let seed = 0; seed < 20; seed++) {
      const { slot, trace } = traced(new PowerOfTwoChoicesStrategy({ choices: 3 }), pool, 0, seed);
      expect(trace.slots).toHaveLength(3);
      expect(trace.considered).toBe(3);
      expect(new Set(trace.slots).size).toBe(3);
      for (const [i, s] of trace.slots.entries()) expect(trace.scores[i]).toBe(pool.active[s]);
      expect(scoreOf(trace, slot)).toBe(Math.min(...trace.scores));
      expect(trace.rule).toContain('3 of the 6 healthy servers');
    }
  });
});

describe('peak EWMA trace', () => {
  it('records the sampled servers and their costs', () => {
    const pool = new FakePool(named(2, { capacity: 100 }));
    const ew = new PeakEwmaStrategy();
    ew.onComplete(0, 10, 0);
    ew.onComplete(1, 40, 0);
    pool.setLoad(0, 4);
    const { slot, trace } = traced(ew, pool);
    expect(slot).toBe(1);
    expect(scoreOf(trace, 0)).toBe(10 * 5);
    expect(scoreOf(trace, 1)).toBe(40 * 1);
    expect(trace.rule).toContain('All 2 healthy servers');
  });

  it('names the penalty of servers with requests out and no reply yet', () => {
    const pool = new FakePool(named(2, { capacity: 100 }));
    pool.setLoad(0, 1);
    pool.setLoad(1, 2);
    const { slot, trace } = traced(new PeakEwmaStrategy(), pool);
    expect(slot).toBe(0);
    expect(trace.scores).toEqual([PEAK_EWMA_PENALTY + 1, PEAK_EWMA_PENALTY + 2]);
    expect(trace.rule).toContain('a penalty');
  });
});

describe('consistent hash trace', () => {
  it("names the key's ring position and its home", () => {
    const pool = new FakePool(named(5));
    const ch = new ConsistentHashStrategy();
    const { slot, trace } = traced(ch, pool, 42);
    expect(slot).toBe(ch.ownerOf(pool, 42));
    expect(trace.slots).toEqual([slot]);
    const i = ch.points.findIndex((p) => p >= hashKey(42));
    expect(trace.scores[0]).toBe(ch.points[i]! - hashKey(42));
    expect(trace.rule).toContain(`ring position ${hashKey(42)}`);
  });

  it('lists the owners walked past with their reasons, nearest first', () => {
    const pool = new FakePool(named(5));
    const ch = new ConsistentHashStrategy();
    const home = ch.ownerOf(pool, 42);
    pool.setUp(home, false);
    const { slot, trace } = traced(ch, pool, 42);
    expect(trace.slots[0]).toBe(home);
    expect(trace.slots.at(-1)).toBe(slot);
    expect(trace.scores).toEqual([...trace.scores].sort((a, b) => a - b));
    expect(trace.rule).toContain(`s${home} (down)`);
  });
});

describe('modulo hash trace', () => {
  it('shows hash mod N and the probe past a full home', () => {
    const pool = new FakePool(named(4));
    const home = hashKey(9) % 4;
    pool.setLoad(home, 10);
    const { slot, trace } = traced(new ModuloHashStrategy(), pool, 9);
    expect(slot).toBe((home + 1) % 4);
    expect(trace.slots).toEqual([home, slot]);
    expect(trace.scores).toEqual([0, 1]);
    expect(trace.rule).toContain(`mod 4 registered servers is ${home}`);
    expect(trace.rule).toContain(`s${home} (full or down`);
  });
});

describe('maglev trace', () => {
  it("names the key's table entry and the owners walked past", () => {
    const pool = new FakePool(named(3));
    const mg = new MaglevStrategy(251);
    const home = mg.ownerOf(pool, 5);
    expect(traced(mg, pool, 5).trace.rule).toContain(`entry ${hashKey(5) % 251} of the 251-entry`);
    pool.setUp(home, false);
    const { slot, trace } = traced(mg, pool, 5);
    expect(trace.slots).toEqual([home, slot]);
    const e = hashKey(5) % 251;
    let steps = 0;
    while (mg.table[(e + steps) % 251] === home) steps++;
    expect(trace.scores).toEqual([0, steps]);
    expect(trace.rule).toContain(`s${home} (down)`);
  });
});

describe('rule sentences with one of a thing', () => {
  it('say "the only healthy server", "1 healthy server" and "1 ring point", never "1 … servers"', () => {
    const one = () => new FakePool(named(1));
    expect(traced(new LeastConnectionsStrategy(), one()).trace.rule).toBe(
      's0 is the only healthy server (0 requests in service or waiting).',
    );
    expect(traced(new RandomStrategy(), one()).trace.rule).toBe(
      's0 is the only healthy server, so the draw had one outcome.',
    );
    expect(traced(new PowerOfTwoChoicesStrategy({ choices: 2 }), one()).trace.rule).toMatch(
      /^The only healthy server was drawn; s0 has/,
    );
    expect(traced(new RoundRobinStrategy(), one()).trace.rule).toContain(
      'and 0 mod 1 healthy server is place 0',
    );
    expect(traced(new ModuloHashStrategy(), one(), 7).trace.rule).toContain(
      'mod 1 registered server is 0',
    );
    for (const rule of [
      traced(new LeastConnectionsStrategy(), one()).trace.rule,
      traced(new RandomStrategy(), one()).trace.rule,
      traced(new PowerOfTwoChoicesStrategy({ choices: 2 }), one()).trace.rule,
    ])
      expect(rule).not.toMatch(/\b1 healthy servers\b|\b1 of the\b/);
  });

  it('say "1 of the 5 healthy servers was drawn" with one choice', () => {
    const pool = new FakePool(named(5));
    expect(traced(new PowerOfTwoChoicesStrategy({ choices: 1 }), pool).trace.rule).toContain(
      '1 of the 5 healthy servers was drawn at random',
    );
  });
});
