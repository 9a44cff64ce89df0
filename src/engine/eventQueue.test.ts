import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CalendarQueue } from './calendarQueue.ts';
import { EventQueue, MAX_EVENT_DATA, MAX_EVENT_KIND } from './eventQueue.ts';
import { drain, type Queue } from './testing/queueEvents.ts';

const QUEUES: [string, (capacity?: number) => Queue][] = [
  ['EventQueue (4-ary heap)', (capacity) => new EventQueue(capacity)],
  ['CalendarQueue', (capacity) => new CalendarQueue(capacity)],
];

describe.each(QUEUES)('%s', (_name, make) => {
  it('is empty at first, reports Infinity as its next time, and ignores a pop', () => {
    const q = make();
    expect(q.size).toBe(0);
    expect(q.peekTime()).toBe(Infinity);
    q.pop();
    expect(q.size).toBe(0);
    q.push(3, 1, 2);
    expect(drain(q)).toEqual([[3, 1, 2]]);
    expect(q.peekTime()).toBe(Infinity);
  });

  it('returns events in time order, same-time events in scheduling order', () => {
    const q = make(2);
    q.push(5, 1, 10);
    q.push(1, 2, 20);
    q.push(5, 3, 30);
    q.push(3, 4, 40);
    q.push(5, 5, 50);
    expect(drain(q)).toEqual([
      [1, 2, 20],
      [3, 4, 40],
      [5, 1, 10],
      [5, 3, 30],
      [5, 5, 50],
    ]);
  });

  it('puts pushFirst ahead of every event due at the same time, the latest pushFirst first', () => {
    const q = make();
    q.push(4, 0, 1);
    q.push(7, 0, 2);
    q.push(7, 0, 3);
    q.pushFirst(7, 0, 4);
    q.push(7, 0, 5);
    q.pushFirst(7, 0, 6);
    q.pushFirst(2, 0, 7);
    expect(drain(q).map((e) => e[2])).toEqual([7, 1, 6, 4, 2, 3, 5]);
  });

  it('orders any sequence of pushes stably by time (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), (times) => {
        const q = make(1);
        times.forEach((t, i) => q.push(t, 0, i));
        const expected = times
          .map((t, i) => [t, 0, i])
          .sort((a, b) => a[0]! - b[0]! || a[2]! - b[2]!);
        expect(drain(q)).toEqual(expected);
      }),
    );
  });

  it('interleaves pushes and pops correctly', () => {
    const q = make(1);
    q.push(10, 0, 1);
    q.push(2, 0, 2);
    expect(q.peekData()).toBe(2);
    q.pop();
    q.push(1, 0, 3);
    q.push(10, 0, 4);
    expect(drain(q).map((e) => e[2])).toEqual([3, 1, 4]);
  });

  it('keeps the largest kind and data whole (they share one 32-bit word)', () => {
    const q = make(1);
    q.push(2, MAX_EVENT_KIND, MAX_EVENT_DATA);
    q.push(1, 0, 0);
    q.push(3, 17, 123_456);
    expect(drain(q)).toEqual([
      [1, 0, 0],
      [2, MAX_EVENT_KIND, MAX_EVENT_DATA],
      [3, 17, 123_456],
    ]);
  });
});
