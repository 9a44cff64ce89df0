/**
 * Requests in flight (in service or queued), as struct-of-arrays rows recycled through a free
 * list. Memory follows the number of requests in flight at once, never the number ever sent.
 */
export class RequestTable {
  id = new Float64Array(0);
  arrival = new Float64Array(0);
  key = new Int32Array(0);
  serviceMs = new Float64Array(0);
  slot = new Int32Array(0);
  /** 1 when the cache missed and the result must be stored on completion. */
  miss = new Uint8Array(0);
  private free = new Int32Array(0);
  private freeCount = 0;
  private used = 0;

  /** Rows in use. */
  get size(): number {
    return this.used;
  }

  allocate(id: number, arrival: number, key: number, serviceMs: number, slot: number): number {
    if (this.freeCount === 0) this.grow();
    const r = this.free[--this.freeCount]!;
    this.used++;
    this.id[r] = id;
    this.arrival[r] = arrival;
    this.key[r] = key;
    this.serviceMs[r] = serviceMs;
    this.slot[r] = slot;
    this.miss[r] = 0;
    return r;
  }

  release(r: number): void {
    this.free[this.freeCount++] = r;
    this.used--;
  }

  private grow(): void {
    const old = this.id.length;
    const cap = Math.max(64, old * 2);
    this.id = resize(this.id, new Float64Array(cap));
    this.arrival = resize(this.arrival, new Float64Array(cap));
    this.key = resize(this.key, new Int32Array(cap));
    this.serviceMs = resize(this.serviceMs, new Float64Array(cap));
    this.slot = resize(this.slot, new Int32Array(cap));
    this.miss = resize(this.miss, new Uint8Array(cap));
    const free = new Int32Array(cap);
    free.set(this.free.subarray(0, this.freeCount));
    // New rows handed out lowest first.
    for (let r = cap - 1; r >= old; r--) free[this.freeCount++] = r;
    this.free = free;
  }
}

function resize<T extends { set(a: ArrayLike<number>): void }>(old: ArrayLike<number>, next: T): T {
  next.set(old);
  return next;
}
