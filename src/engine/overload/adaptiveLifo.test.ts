import { describe, expect, it } from 'vitest';
import { QueueEmptiness, servesNewestFirst } from './adaptiveLifo.ts';

/** One server's queue of request ids with the adaptive LIFO rule, as the engine applies it. */
class Server {
  readonly queue: number[] = [];
  readonly served: number[] = [];
  private readonly emptiness = new QueueEmptiness();
  constructor(private readonly intervalMs: number) {}
  arrive(id: number, now: number): void {
    if (this.queue.length === 0) this.emptiness.wasEmptyUntil(0, now);
    this.queue.push(id);
  }
  takeNext(now: number): void {
    const lifo = this.emptiness.lifo(0, this.queue.length, now, this.intervalMs);
    const id = lifo ? this.queue.pop() : this.queue.shift();
    if (id !== undefined) this.served.push(id);
    this.emptiness.touch(0, this.queue.length, now);
  }
}

describe('adaptive LIFO (Fail at Scale)', () => {
  it('is congested only once the queue has not been empty for longer than the interval', () => {
    expect(servesNewestFirst(100, 0, 100)).toBe(false);
    expect(servesNewestFirst(100.5, 0, 100)).toBe(true);
  });

  it('serves in arrival order while the queue keeps emptying', () => {
    const s = new Server(100);
    for (let round = 0; round < 5; round++) {
      const t = round * 60;
      s.arrive(round * 2, t);
      s.arrive(round * 2 + 1, t);
      s.takeNext(t + 30);
      s.takeNext(t + 50); // empty again before the next round
    }
    expect(s.served).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('serves the newest first once a queue has stood for an interval, and FIFO again after it empties', () => {
    const s = new Server(100);
    for (let id = 1; id <= 6; id++) s.arrive(id, 0);
    s.takeNext(50); // queue stood 50 ms: FIFO -> 1
    s.arrive(7, 120);
    s.takeNext(150); // stood 150 ms: LIFO -> 7 (the newest)
    s.takeNext(160); // still congested -> 6
    expect(s.served).toEqual([1, 7, 6]);
    // Drain it: 5, 4, 3, 2 newest first; then the queue is empty at 200.
    for (let i = 0; i < 4; i++) s.takeNext(200);
    expect(s.served).toEqual([1, 7, 6, 5, 4, 3, 2]);
    s.arrive(8, 210);
    s.arrive(9, 210);
    s.takeNext(250); // empty 40 ms ago: FIFO again -> 8
    expect(s.served.at(-1)).toBe(8);
  });

  it('keeps each slot separately', () => {
    const e = new QueueEmptiness();
    e.wasEmptyUntil(3, 0);
    e.wasEmptyUntil(12, 90);
    expect(e.lifo(3, 2, 150, 100)).toBe(true);
    expect(e.lifo(12, 2, 150, 100)).toBe(false);
    expect(e.lifo(3, 0, 150, 100)).toBe(false); // nothing waits: nothing to reorder
  });
});
