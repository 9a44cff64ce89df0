import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CalendarQueue } from './calendarQueue.ts';
import { EventQueue } from './eventQueue.ts';
import { drain, take } from './testing/queueEvents.ts';

// The contract it shares with the heap (order, ties, pushFirst, kinds and data) is tested for
// both in eventQueue.test.ts; these are the calendar's own cases.
describe('CalendarQueue', () => {
  it('keeps one order with a heap that shares its sequence (as the agenda does)', () => {
    const sequence = { next: 0, first: 0 };
    const calendar = new CalendarQueue(4, sequence);
    const heap = new EventQueue(4, sequence);
    calendar.push(1, 0, 1);
    heap.push(1, 0, 2);
    calendar.push(1, 0, 3);
    heap.pushFirst(1, 0, 4);
    expect([calendar.peekSeq(), heap.peekSeq()]).toEqual([0, -1]);
    take(heap);
    expect([calendar.peekSeq(), heap.peekSeq()]).toEqual([0, 1]);
  });

  it('takes a push earlier than the head, or than every event already taken', () => {
    const q = new CalendarQueue();
    for (let i = 0; i < 50; i++) q.push(1000 + i * 10, 0, i);
    expect(take(q)).toEqual([1000, 0, 0]);
    expect(take(q)).toEqual([1010, 0, 1]);
    q.push(3, 1, 100); // long before the last event taken
    q.push(1015, 1, 101); // between the last taken and the head
    q.push(1020, 1, 102); // a tie with the head, scheduled after it
    expect(take(q)).toEqual([3, 1, 100]);
    expect(take(q)).toEqual([1015, 1, 101]);
    expect(take(q)).toEqual([1020, 0, 2]);
    expect(take(q)).toEqual([1020, 1, 102]);
    expect(take(q)).toEqual([1030, 0, 3]);
  });

  it('orders events a billion ms apart among dense ones, and +Infinity after them all', () => {
    const q = new CalendarQueue();
    q.push(Infinity, 2, 1);
    q.push(1e9, 1, 2);
    q.pushFirst(Infinity, 2, 3);
    for (let i = 0; i < 200; i++) q.push(i * 0.5, 0, 10 + i);
    q.push(5e8 + 0.25, 1, 4);
    q.push(Infinity, 2, 5);
    const out = drain(q);
    expect(out.slice(0, 200).map((e) => e[2])).toEqual(
      Array.from({ length: 200 }, (_, i) => 10 + i),
    );
    expect(out.slice(200)).toEqual([
      [5e8 + 0.25, 1, 4],
      [1e9, 1, 2],
      [Infinity, 2, 3],
      [Infinity, 2, 1],
      [Infinity, 2, 5],
    ]);
  });

  it('takes a finite event pushed while only +Infinity ones wait, ahead of them', () => {
    const q = new CalendarQueue();
    q.push(Infinity, 0, 1);
    expect(q.peekTime()).toBe(Infinity);
    expect(q.size).toBe(1);
    q.push(8, 0, 2);
    expect(drain(q)).toEqual([
      [8, 0, 2],
      [Infinity, 0, 1],
    ]);
  });

  it('refuses a time of NaN or -Infinity, and stays usable', () => {
    const q = new CalendarQueue();
    q.push(1, 0, 1);
    expect(() => q.push(NaN, 0, 2)).toThrow(RangeError);
    expect(() => q.pushFirst(-Infinity, 0, 3)).toThrow(RangeError);
    q.push(0, 0, 4);
    expect(drain(q)).toEqual([
      [0, 0, 4],
      [1, 0, 1],
    ]);
  });

  it('is empty after clear and works as new', () => {
    const q = new CalendarQueue(4);
    for (let i = 0; i < 1000; i++) q.push(i * 3, 0, i);
    q.push(Infinity, 0, 1);
    q.clear();
    expect(q.size).toBe(0);
    expect(q.peekTime()).toBe(Infinity);
    expect(q.buckets).toBe(8);
    q.push(5, 0, 7);
    q.push(2, 0, 8);
    expect(drain(q)).toEqual([
      [2, 0, 8],
      [5, 0, 7],
    ]);
  });

  it('grows its buckets with the size and shrinks them again, keeping the order', () => {
    const q = new CalendarQueue(1);
    const ref = new EventQueue(1);
    let x = 1;
    const next = () => (x = (x * 48_271) % 2_147_483_647) / 2_147_483_647;
    for (let i = 0; i < 20_000; i++) {
      const t = next() * 1e5;
      q.push(t, i % 32, i);
      ref.push(t, i % 32, i);
      expect(q.buckets * 2).toBeGreaterThanOrEqual(q.size);
    }
    expect(q.buckets).toBeGreaterThanOrEqual(10_000);
    while (ref.size > 10) {
      expect(take(q)).toEqual(take(ref));
      if (q.buckets > 8) expect(q.buckets).toBeLessThanOrEqual(2 * q.size + 2);
    }
    expect(q.buckets).toBeLessThanOrEqual(32);
    expect(drain(q)).toEqual(drain(ref));
  });

  it('runs the hold model in exact order when the spread of times changes by 10^6', () => {
    const q = new CalendarQueue();
    const ref = new EventQueue();
    let x = 7;
    const next = () => (x = (x * 48_271) % 2_147_483_647) / 2_147_483_647;
    for (let i = 0; i < 2000; i++) {
      const t = next();
      q.push(t, 0, i);
      ref.push(t, 0, i);
    }
    for (let i = 0; i < 20_000; i++) {
      const [t, , d] = take(ref);
      expect(take(q)).toEqual([t, 0, d]);
      const inc = i < 10_000 ? -1e5 * Math.log(1 - next()) : next() * 0.01;
      q.push(t + inc, 0, d);
      ref.push(t + inc, 0, d);
    }
    expect(drain(q)).toEqual(drain(ref));
  });
});

/** How a raw draw u in [0, 1) becomes an event time, given the time of the last event taken. */
const patterns: Record<string, (u: number, now: number) => number> = {
  // A handful of integer times: exact ties everywhere, and pushes earlier than the head.
  ties: (u) => Math.floor(u * 5),
  // Quarter-ms steps just after the last event taken: clusters of ties.
  clustered: (u, now) => now + Math.floor(u * 8) / 4,
  // Anywhere from 0 to a billion ms.
  spread: (u) => (u < 0.1 ? 0 : u * 1e9),
  // Brown's hold model with the engine's typical service times.
  holdUniform: (u, now) => now + 200 + 400 * u,
  holdExponential: (u, now) => now - 1000 * Math.log(1 - u),
  // Ties with the head, a little earlier than it, far ahead, and never.
  mixed: (u, now) =>
    u < 0.05 ? Infinity : u < 0.3 ? now : u < 0.4 ? now - 10 * u : now + (u - 0.4) * 1e6,
};

describe('CalendarQueue against EventQueue (property)', () => {
  it('pops exactly the same events in the same order for any mix of push, pushFirst and pop', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(patterns)),
        fc.array(
          fc.tuple(
            fc.constantFrom('push', 'push', 'push', 'pushFirst', 'pop', 'pop'),
            fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
          ),
          { maxLength: 800 },
        ),
        (pattern, ops) => {
          const timeOf = patterns[pattern]!;
          const calendar = new CalendarQueue(1);
          const heap = new EventQueue(1);
          let now = 0;
          ops.forEach(([op, u], i) => {
            if (op === 'pop') {
              expect(calendar.size).toBe(heap.size);
              if (heap.size === 0) return;
              const e = take(heap);
              expect(take(calendar)).toEqual(e);
              if (e[0] < Infinity) now = e[0];
            } else if (op === 'push') {
              calendar.push(timeOf(u, now), i % 32, i);
              heap.push(timeOf(u, now), i % 32, i);
            } else {
              calendar.pushFirst(timeOf(u, now), i % 32, i);
              heap.pushFirst(timeOf(u, now), i % 32, i);
            }
          });
          expect(drain(calendar)).toEqual(drain(heap));
        },
      ),
    );
  });
});
