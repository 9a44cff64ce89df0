/** Where a request went: a server slot, or one of these rejections. */
export const ROUTE_NO_HEALTHY = -1;
export const ROUTE_OVERLOADED = -2;
/** Shed by the server from its queue (length, queue time or CoDel). */
export const ROUTE_SHED = -3;
/** Over the balancer's learned concurrency limit for the server picked. */
export const ROUTE_LIMITED = -4;
/** Rejected by the client itself (adaptive throttling). */
export const ROUTE_THROTTLED = -5;
/** A hedge (second copy) sent to slot s is recorded as ROUTE_HEDGE_BASE - s. */
export const ROUTE_HEDGE_BASE = -1000;

/**
 * The most recent routing decisions (time, request id, destination) in a fixed ring, for the
 * request-flow view. The view asks for what is new since the sequence number it last saw; when
 * more happened than the ring holds, the oldest are gone and the view shows a sample.
 */
export class RouteTrail {
  readonly capacity: number;
  /** Decisions recorded ever; the sequence number of the next one. */
  total = 0;
  private readonly times: Float64Array;
  private readonly ids: Float64Array;
  private readonly dests: Int32Array;

  constructor(capacity = 512) {
    this.capacity = capacity;
    this.times = new Float64Array(capacity);
    this.ids = new Float64Array(capacity);
    this.dests = new Int32Array(capacity);
  }

  /** Where the next record goes in the ring (total modulo capacity, kept without dividing). */
  private next = 0;

  record(time: number, id: number, dest: number): void {
    const i = this.next;
    this.times[i] = time;
    this.ids[i] = id;
    this.dests[i] = dest;
    this.next = i + 1 === this.capacity ? 0 : i + 1;
    this.total++;
  }

  /** Decisions with sequence >= `seq` still held, oldest first. */
  since(seq: number): {
    times: Float64Array;
    ids: Float64Array;
    dests: Int32Array;
    fromSeq: number;
  } {
    const from = Math.max(seq, this.total - this.capacity, 0);
    const n = Math.max(0, this.total - from);
    const times = new Float64Array(n);
    const ids = new Float64Array(n);
    const dests = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      const i = (from + k) % this.capacity;
      times[k] = this.times[i]!;
      ids[k] = this.ids[i]!;
      dests[k] = this.dests[i]!;
    }
    return { times, ids, dests, fromSeq: from };
  }

  clear(): void {
    this.total = 0;
    this.next = 0;
  }
}
