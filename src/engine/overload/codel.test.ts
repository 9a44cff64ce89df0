import { describe, expect, it } from 'vitest';
import { CoDel, type CoDelQueue } from './codel.ts';

/** A queue of enqueue times, oldest first, that records when CoDel drops. */
class TimedQueue implements CoDelQueue {
  readonly drops: number[] = [];
  now = 0;
  constructor(public enqueued: number[]) {}
  get length(): number {
    return this.enqueued.length;
  }
  headSojourn(now: number): number {
    return now - this.enqueued[0]!;
  }
  dropHead(): void {
    this.enqueued.shift();
    this.drops.push(this.now);
  }
  take(): void {
    this.enqueued.shift();
  }
}

/** A server that dequeues one request every `stepMs` from a queue that never runs short. */
function standingQueue(codel: CoDel, untilMs: number, stepMs = 1): TimedQueue {
  // Requests enqueued long ago: every sojourn is far above target.
  const q = new TimedQueue(Array.from({ length: 100_000 }, () => -1000));
  for (let t = 0; t <= untilMs; t += stepMs) {
    q.now = t;
    if (codel.dequeue(t, q)) q.take();
  }
  return q;
}

describe('CoDel (RFC 8289)', () => {
  it('drops nothing until the sojourn time has been above target for a whole interval', () => {
    const q = standingQueue(new CoDel(5, 100), 99);
    expect(q.drops).toEqual([]);
  });

  it('then drops at interval / sqrt(count) after each drop', () => {
    const q = standingQueue(new CoDel(5, 100), 600);
    // First above at t = 0, so dropping starts at 100; then 100/√1, 100/√2, 100/√3... later.
    const expected = [100];
    let next = 100 + 100;
    for (let count = 2; next <= 600; count++) {
      expected.push(Math.ceil(next)); // the first dequeue at or after the due time, 1 ms steps
      next += 100 / Math.sqrt(count);
    }
    expect(q.drops).toEqual(expected);
    // 100, 200, 271, 329, 379, 424, 465, 503, 539, 572 (hand-checked against 100/sqrt(n)).
    expect(q.drops.slice(0, 5)).toEqual([100, 200, 271, 329, 379]);
  });

  it('drops several at one dequeue when they fell due while the server was busy', () => {
    const codel = new CoDel(5, 100);
    const q = new TimedQueue(Array.from({ length: 50 }, () => -1000));
    q.now = 0;
    codel.dequeue(0, q); // first above: t = 0 + 100
    q.take();
    q.now = 100;
    codel.dequeue(100, q); // enters dropping: one drop, next due at 200
    q.take();
    expect(q.drops).toEqual([100]);
    // The server is busy until 400: due at 200, 270.7, 328.4, 378.4 -> four drops at once.
    q.now = 400;
    codel.dequeue(400, q);
    expect(q.drops).toEqual([100, 400, 400, 400, 400]);
    expect(codel.count).toBe(5);
    expect(codel.dropNext).toBeCloseTo(
      200 + 100 / Math.SQRT2 + 100 / Math.sqrt(3) + 50 + 100 / Math.sqrt(5),
      9,
    );
  });

  it('leaves the dropping state once a request waited less than target', () => {
    const codel = new CoDel(5, 100);
    standingQueue(codel, 250);
    expect(codel.dropping).toBe(true);
    const fresh = new TimedQueue([299, 299, 299]); // 1 ms of sojourn at t = 300
    fresh.now = 300;
    expect(codel.dequeue(300, fresh)).toBe(true);
    expect(codel.dropping).toBe(false);
    expect(fresh.drops).toEqual([]);
    expect(codel.firstAboveTime).toBe(0);
  });

  it('never drops while at most one request would be left waiting', () => {
    const codel = new CoDel(5, 100);
    const q = new TimedQueue([-1000, -1000]);
    for (let t = 0; t <= 1000; t += 10) {
      q.now = t;
      codel.dequeue(t, q);
    }
    expect(q.drops).toEqual([]);
  });

  it('comes back at the drop rate that controlled the queue last time (re-entry within 16 intervals)', () => {
    const codel = new CoDel(5, 100);
    standingQueue(codel, 380); // drops at 100, 200, 271, 329, 379: count 5, lastCount 1
    expect(codel.count).toBe(5);
    // A short spell below target leaves the dropping state...
    const fresh = new TimedQueue([399, 399, 399]);
    codel.dequeue(400, fresh);
    expect(codel.dropping).toBe(false);
    // ...and when the standing queue returns, dropping starts with count = 5 - 1 = 4.
    const q = new TimedQueue(Array.from({ length: 1000 }, () => -1000));
    for (let t = 401; t <= 520; t++) {
      q.now = t;
      if (codel.dequeue(t, q)) q.take();
    }
    expect(q.drops[0]).toBe(501); // above target from 401, so ok to drop from 501
    expect(codel.count).toBe(4);
    expect(codel.dropNext).toBeCloseTo(501 + 100 / Math.sqrt(4), 9);
  });
});
