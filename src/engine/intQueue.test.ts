import { describe, expect, it } from 'vitest';
import { IntQueue } from './intQueue.ts';

function drain(q: IntQueue): number[] {
  const out: number[] = [];
  for (let v = q.shift(); v >= 0; v = q.shift()) out.push(v);
  return out;
}

describe('IntQueue', () => {
  it('keeps FIFO order across growth and wrap-around', () => {
    const q = new IntQueue(4);
    for (let i = 0; i < 3; i++) q.push(i);
    q.shift();
    for (let i = 3; i < 12; i++) q.push(i);
    expect(q.peek()).toBe(1);
    expect(q.peekNewest()).toBe(11);
    expect(drain(q)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect([q.peek(), q.peekNewest(), q.shift()]).toEqual([-1, -1, -1]);
  });

  it('removes a value at either end or in the middle, keeping the order of the rest', () => {
    const q = new IntQueue(4);
    q.push(9); // wrap the ring before filling it
    q.shift();
    for (const v of [1, 2, 3, 4, 5, 6]) q.push(v);
    expect(q.remove(6)).toBe(true); // newest
    expect(q.remove(1)).toBe(true); // oldest
    expect(q.remove(4)).toBe(true); // middle
    expect(q.remove(42)).toBe(false);
    expect(q.length).toBe(3);
    expect(drain(q)).toEqual([2, 3, 5]);
    expect(q.remove(2)).toBe(false);
  });
});
