import { MAX_EVENT_DATA } from './eventQueue.ts';
import { grownFrom } from './typedArrays.ts';

/** Where an attempt is: nowhere (done or never placed), in a queue, in service, hanging. */
export const NOWHERE = 0;
export const QUEUED = 1;
export const IN_SERVICE = 2;
/** Sent to an unreachable server: holds a connection until the connect timeout. */
export const HANGING = 3;
/** Waiting out a retry backoff before it is sent. */
export const BACKOFF = 4;

/**
 * Attempts in flight (queued, in service, hanging, or waiting to be retried), as struct-of-arrays
 * rows recycled through a free list. A row lives until nothing refers to it any more: the client
 * no longer waits for it, it holds no place at a server, and no pending event names it (so a
 * timeout or completion event never finds its row reused). Memory follows the number of attempts
 * in flight at once, never the number ever sent.
 */
export class RequestTable {
  /** The request's id; every attempt of a request shares it. */
  id = new Float64Array(0);
  arrival = new Float64Array(0);
  key = new Int32Array(0);
  serviceMs = new Float64Array(0);
  slot = new Int32Array(0);
  /** 1 when the cache missed and the result must be stored on completion. */
  miss = new Uint8Array(0);
  phase = new Uint8Array(0);
  /** 1 while the client still waits for this attempt's answer. */
  waiting = new Uint8Array(0);
  /** Pending agenda events that name this row. */
  refs = new Uint8Array(0);
  /** 0 for the first attempt, n for the n-th retry. */
  attempt = new Uint8Array(0);
  /** Which balancer sent it. */
  lb = new Uint8Array(0);
  /** 1 when the server will answer with an error (sinkhole). */
  fail = new Uint8Array(0);
  /** 1 when sent through a half-open circuit as a probe. */
  probe = new Uint8Array(0);
  /** A hedged attempt's other copy (row), or -1. */
  twin = new Int32Array(0);
  /** 1 when this attempt is the hedge (the second copy). */
  hedge = new Uint8Array(0);
  /** When the attempt was sent, and when its service began. */
  sent = new Float64Array(0);
  begun = new Float64Array(0);
  private free = new Int32Array(0);
  private freeCount = 0;
  private used = 0;

  /** Rows in use. */
  get size(): number {
    return this.used;
  }

  /**
   * A row for attempt `attempt` of the request in `request` (id, arrival, key, service time: the
   * layout of SimCore.sending), going to `slot` through balancer `lb`, sent at `sent`.
   */
  allocate(request: Float64Array, slot: number, attempt: number, lb: number, sent: number): number {
    if (this.freeCount === 0) this.grow();
    const r = this.free[--this.freeCount]!;
    this.used++;
    this.id[r] = request[0]!;
    this.arrival[r] = request[1]!;
    this.key[r] = request[2]!;
    this.serviceMs[r] = request[3]!;
    this.slot[r] = slot;
    this.miss[r] = 0;
    // `phase` is NOWHERE already: a row on the free list was released (or is new, all zeros).
    this.waiting[r] = 1;
    this.refs[r] = 0;
    this.attempt[r] = attempt;
    this.lb[r] = lb;
    this.fail[r] = 0;
    this.probe[r] = 0;
    this.twin[r] = -1;
    this.hedge[r] = 0;
    this.sent[r] = sent;
    this.begun[r] = sent;
    return r;
  }

  /** Frees the row once nothing refers to it; returns whether it was freed. */
  releaseIfDone(r: number): boolean {
    // 0 is NOWHERE, as a number on the hot path (see the top of simulation/core.ts).
    if (this.refs[r] !== 0 || this.waiting[r] !== 0 || this.phase[r] !== 0) return false;
    this.recycle(r);
    return true;
  }

  /**
   * Requests whose client still waits for some attempt (for checks: one per request in flight).
   * A hedged request waiting for both copies counts once.
   */
  countWaiting(): number {
    let n = 0;
    for (let r = 0; r < this.id.length; r++) {
      if (this.waiting[r] === 0) continue;
      const t = this.twin[r]!;
      if (this.hedge[r] === 1 && t >= 0 && this.waiting[t] === 1) continue;
      n++;
    }
    return n;
  }

  /** Rows ever allocated (free ones included), for scans over every attempt. */
  get highWater(): number {
    return this.id.length;
  }

  release(r: number): void {
    this.waiting[r] = 0;
    this.phase[r] = NOWHERE;
    this.recycle(r);
  }

  /** Puts a row whose client no longer waits and that is nowhere back on the free list. */
  private recycle(r: number): void {
    this.free[this.freeCount++] = r;
    this.used--;
  }

  private grow(): void {
    const old = this.id.length;
    // A row is named by agenda events, which carry at most MAX_EVENT_DATA.
    if (old > MAX_EVENT_DATA)
      throw new RangeError(
        `more than ${MAX_EVENT_DATA + 1} requests in flight at once: the simulation cannot hold them`,
      );
    const cap = Math.min(Math.max(64, old * 2), MAX_EVENT_DATA + 1);
    this.id = grownFrom(this.id, new Float64Array(cap));
    this.arrival = grownFrom(this.arrival, new Float64Array(cap));
    this.key = grownFrom(this.key, new Int32Array(cap));
    this.serviceMs = grownFrom(this.serviceMs, new Float64Array(cap));
    this.slot = grownFrom(this.slot, new Int32Array(cap));
    this.miss = grownFrom(this.miss, new Uint8Array(cap));
    this.phase = grownFrom(this.phase, new Uint8Array(cap));
    this.waiting = grownFrom(this.waiting, new Uint8Array(cap));
    this.refs = grownFrom(this.refs, new Uint8Array(cap));
    this.attempt = grownFrom(this.attempt, new Uint8Array(cap));
    this.lb = grownFrom(this.lb, new Uint8Array(cap));
    this.fail = grownFrom(this.fail, new Uint8Array(cap));
    this.probe = grownFrom(this.probe, new Uint8Array(cap));
    this.twin = grownFrom(this.twin, new Int32Array(cap));
    this.hedge = grownFrom(this.hedge, new Uint8Array(cap));
    this.sent = grownFrom(this.sent, new Float64Array(cap));
    this.begun = grownFrom(this.begun, new Float64Array(cap));
    const free = new Int32Array(cap);
    free.set(this.free.subarray(0, this.freeCount));
    // New rows handed out lowest first.
    for (let r = cap - 1; r >= old; r--) free[this.freeCount++] = r;
    this.free = free;
  }
}
