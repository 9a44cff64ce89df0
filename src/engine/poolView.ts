/**
 * What a balancing strategy may see of the servers: a read-only, struct-of-arrays view indexed by
 * server slot. Slots are stable for a run (a removed server keeps its slot, marked not `member`),
 * so strategies can keep per-slot state in arrays of their own.
 */
export interface PoolView {
  /** Number of slots, including removed servers. */
  readonly size: number;
  /** Slots currently registered (not removed), in registry order. */
  readonly members: ReadonlyArray<number>;
  /** 1 while the slot is registered (not removed). */
  readonly member: Uint8Array;
  /** 1 while the server is up and has room (active + queued < capacity + queueLimit). */
  readonly healthy: Uint8Array;
  /** How many slots are healthy right now. */
  readonly healthyCount: number;
  /** Requests in service. */
  readonly active: Int32Array;
  /** Requests waiting in the server's FIFO queue. */
  readonly queued: Int32Array;
  readonly capacity: Int32Array;
  readonly weight: Float64Array;
  readonly names: ReadonlyArray<string>;
  /**
   * Bumped whenever membership, names or weights change, so strategies can rebuild caches (and
   * the log learns names again: EventLog.nameServersFrom).
   */
  readonly version: number;
}
