/**
 * Adaptive LIFO (Facebook, "Fail at Scale", Maurer, ACM Queue 2015): a server takes its queue in
 * arrival order (FIFO) in normal times, and the newest request first (LIFO) while the queue is
 * congested. Under a standing queue the oldest requests are the ones whose clients have most likely
 * given up already; serving the newest first gives each request served the best chance of
 * meeting its deadline, and lets the old ones be shed (CoDel) or time out.
 *
 * "Congested" uses the same test as Facebook's controlled-delay queue: the queue has not been
 * empty at any moment during the last `intervalMs` (their N = 100 ms, CoDel's interval).
 */

/** Whether a server whose queue was last empty at `lastEmptyAt` serves the newest first now. */
export function servesNewestFirst(now: number, lastEmptyAt: number, intervalMs: number): boolean {
  return now - lastEmptyAt > intervalMs;
}

/**
 * When each server's queue was last empty, per slot. The owner calls `touch` whenever a slot's
 * queue length changes from or to zero; an empty queue is empty "now".
 */
export class QueueEmptiness {
  private lastEmpty = new Float64Array(8);

  /** The queue of `slot` holds `length` requests after a change at `now`. */
  touch(slot: number, length: number, now: number): void {
    if (slot >= this.lastEmpty.length) this.grow(slot + 1);
    if (length === 0) this.lastEmpty[slot] = now;
  }

  /** The queue of `slot` was empty until a request joined it at `now`. */
  wasEmptyUntil(slot: number, now: number): void {
    if (slot >= this.lastEmpty.length) this.grow(slot + 1);
    this.lastEmpty[slot] = now;
  }

  /** Whether `slot` (holding `length` waiting requests) takes its newest request first at `now`. */
  lifo(slot: number, length: number, now: number, intervalMs: number): boolean {
    if (length === 0) return false;
    const last = slot < this.lastEmpty.length ? this.lastEmpty[slot]! : 0;
    return servesNewestFirst(now, last, intervalMs);
  }

  private grow(size: number): void {
    const next = new Float64Array(Math.max(size, this.lastEmpty.length * 2));
    next.set(this.lastEmpty);
    this.lastEmpty = next;
  }
}
