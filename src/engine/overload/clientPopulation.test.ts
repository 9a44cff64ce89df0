import { describe, expect, it } from 'vitest';
import { Xoshiro128 } from '../random.ts';
import { ClientPopulation } from './clientPopulation.ts';

describe('closed-loop client population', () => {
  it('starts each client after one think time and keeps one request per client', () => {
    const pop = new ClientPopulation(new Xoshiro128(1));
    const { first, wakes } = pop.add({ from: 1000, to: 60_000, clients: 3, thinkMs: 500 }, 0);
    expect(first).toBe(0);
    expect(wakes).toHaveLength(3);
    for (const w of wakes) expect(w).toBeGreaterThan(1000);
    expect(new Set(wakes).size).toBe(3); // spread out, not a burst
    pop.sent(0, 101);
    pop.sent(2, 102);
    expect(pop.waiting).toBe(2);
    expect(pop.clientOf(102)).toBe(2);
    expect(pop.clientOf(999)).toBe(-1);
  });

  it('wakes a client one think time after its request ended, whatever the outcome', () => {
    const pop = new ClientPopulation(new Xoshiro128(7));
    pop.add({ from: 0, to: 1e9, clients: 1, thinkMs: 200 }, 0);
    pop.sent(0, 5);
    const next = pop.ended(5, 3000);
    expect(next).toBeGreaterThan(3000);
    expect(pop.ended(5, 3000)).toBe(-1); // counted once
    expect(pop.waiting).toBe(0);
  });

  it('draws exponential think times of the given mean', () => {
    const pop = new ClientPopulation(new Xoshiro128(3));
    pop.add({ from: 0, to: Infinity, clients: 1, thinkMs: 250 }, 0);
    let total = 0;
    const n = 20_000;
    for (let i = 1; i <= n; i++) {
      pop.sent(0, i);
      total += pop.ended(i, 0);
    }
    // Mean 250 ms; the standard error over 20,000 draws is 250 / sqrt(20,000) = 1.8 ms.
    expect(total / n).toBeGreaterThan(250 - 4 * 1.8);
    expect(total / n).toBeLessThan(250 + 4 * 1.8);
  });

  it('retires clients when their segment is over, and stops clients on replace', () => {
    const pop = new ClientPopulation(new Xoshiro128(2));
    pop.add({ from: 0, to: 1000, clients: 2, thinkMs: 1 }, 0);
    expect(pop.pending).toBe(true);
    pop.sent(0, 1);
    pop.sent(1, 2);
    expect(pop.ended(1, 1000)).toBe(Infinity); // the next would come at or after `to`
    expect(pop.sends(1, 1000)).toBe(false); // woke too late
    expect(pop.pending).toBe(false);
    const b = new ClientPopulation(new Xoshiro128(2));
    b.add({ from: 0, to: Infinity, clients: 4, thinkMs: 100 }, 0);
    b.sent(3, 9);
    b.retireFrom(0);
    expect(b.pending).toBe(false);
    expect(b.sends(0, 10)).toBe(false);
    expect(b.ended(9, 20)).toBe(Infinity); // its answer still ends the request, no new send
    expect(b.pending).toBe(false);
    const c = new ClientPopulation(new Xoshiro128(2));
    c.add({ from: 0, to: Infinity, clients: 2, thinkMs: 100 }, 0);
    c.add({ from: 0, to: Infinity, clients: 3, thinkMs: 100 }, 0);
    c.retireFrom(2); // the second population only
    expect([c.sends(1, 5), c.sends(2, 5), c.sends(4, 5)]).toEqual([true, false, false]);
    expect(c.pending).toBe(true);
  });
});
