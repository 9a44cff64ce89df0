import { describe, expect, it } from 'vitest';
import type { ServerSpec } from './scenario/types.ts';
import { ServerPool } from './serverPool.ts';

/** The simulated time the pools below read; tests move it by hand. */
const clock = { now: 0 };

const spec = (name: string, capacity: number, queueLimit: number | null = 0): ServerSpec => ({
  name,
  capacity,
  weight: 1,
  speed: 1,
  queueLimit,
  up: true,
  errorRate: 0,
  partitioned: false,
});

/** What `healthy` must be, computed from scratch by the registry's rule. */
function expectedHealthy(pool: ServerPool, slot: number): number {
  const routable =
    pool.member[slot] === 1 &&
    pool.draining[slot] === 0 &&
    pool.breakerBlocked[slot] === 0 &&
    (pool.panic || (pool.lbUp[slot] === 1 && pool.ejected[slot] === 0));
  const room = pool.active[slot]! + pool.queued[slot]! < pool.limit[slot]! + pool.queueLimit[slot]!;
  return routable && room ? 1 : 0;
}

function expectConsistent(pool: ServerPool): void {
  let count = 0;
  for (let s = 0; s < pool.size; s++) {
    expect(pool.healthy[s], `slot ${s}`).toBe(expectedHealthy(pool, s));
    count += pool.healthy[s]!;
  }
  expect(pool.healthyCount).toBe(count);
}

describe('ServerPool operations keep `healthy` exact', () => {
  it('through load changes: a place in service, a place in the queue, then full', () => {
    clock.now = 0;
    const pool = new ServerPool(clock);
    const a = pool.add(spec('A', 2, 1));
    expect(pool.startService(a)).toBe(1);
    expect(pool.startService(a)).toBe(2);
    expect(pool.healthy[a]).toBe(1);
    pool.enqueue(a, 7);
    expect(pool.healthy[a]).toBe(0);
    expectConsistent(pool);
    // A place frees: the waiting request moves into service, and the server has room again.
    clock.now = 10;
    expect(pool.endService(a)).toBe(1);
    expect(pool.canStartQueued(a)).toBe(true);
    expect(pool.startQueued(a)).toBe(7);
    expect(pool.active[a]).toBe(2);
    expect(pool.queued[a]).toBe(0);
    expect(pool.canStartQueued(a)).toBe(false);
    expect(pool.healthy[a]).toBe(1);
    expectConsistent(pool);
  });

  it('through every state change, each on its own', () => {
    clock.now = 0;
    const pool = new ServerPool(clock);
    const slots = [pool.add(spec('A', 1)), pool.add(spec('B', 1)), pool.add(spec('C', 1))];
    const [a, b, c] = slots as [number, number, number];
    const steps: Array<() => void> = [
      () => pool.markDraining(a, true),
      () => pool.markDraining(a, false),
      () => pool.setRunning(b, false),
      () => pool.setBelievedUp(b, false),
      () => pool.setEjected(c, true),
      () => pool.setPanic(true),
      () => pool.setBreakerBlocked(a, true),
      () => pool.setPanic(false),
      () => pool.clearBreakerBlocks(),
      () => pool.setLimit(a, 0),
      () => pool.setLimit(a, 1),
      () => pool.remove(c),
    ];
    for (const step of steps) {
      step();
      expectConsistent(pool);
    }
    // Panic ignores beliefs and ejections, not drains or open circuits.
    pool.setPanic(true);
    expect(pool.healthy[b]).toBe(1);
    pool.setBreakerBlocked(b, true);
    expect(pool.healthy[b]).toBe(0);
  });

  it('tells the listener after every change, with the state already updated', () => {
    clock.now = 0;
    const pool = new ServerPool(clock);
    const seen: string[] = [];
    pool.listenWith({
      onServerChange: (view, slot) =>
        seen.push(`${slot}:${view.healthy[slot]}:${view.active[slot]}`),
    });
    const a = pool.add(spec('A', 1));
    pool.startService(a);
    clock.now = 5;
    pool.endService(a);
    pool.markDraining(a, true);
    expect(seen).toEqual(['0:1:0', '0:0:1', '0:1:0', '0:0:0']);
  });

  it('a hanging connection holds a place but is not counted in the peak of requests served', () => {
    clock.now = 0;
    const pool = new ServerPool(clock);
    const a = pool.add(spec('A', 2));
    pool.holdConnection(a);
    pool.holdConnection(a);
    expect(pool.healthy[a]).toBe(0);
    expect(pool.peakActive[a]).toBe(0);
    clock.now = 1000;
    pool.endService(a);
    expect(pool.healthy[a]).toBe(1);
    // Two places of two held for a second, then one: the integral of active / capacity.
    clock.now = 2000;
    expect(pool.utilization(a)).toBeCloseTo((1000 * 1 + 1000 * 0.5) / 2000, 12);
  });

  it('a crash empties the queue front first', () => {
    clock.now = 0;
    const pool = new ServerPool(clock);
    const a = pool.add(spec('A', 1, null));
    pool.startService(a);
    for (const r of [4, 5, 6]) pool.enqueue(a, r);
    expect([
      pool.dropQueued(a),
      pool.dropQueued(a),
      pool.dropQueued(a),
      pool.dropQueued(a),
    ]).toEqual([4, 5, 6, -1]);
    expectConsistent(pool);
  });
});
