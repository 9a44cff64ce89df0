import { IntQueue } from './intQueue.ts';
import type { PoolView } from './poolView.ts';
import type { ServerChanges, ServerSpec } from './scenario/types.ts';
import { grownFrom } from './typedArrays.ts';

/** Where the pool reads simulated time: the simulation itself, or a test's hand-moved clock. */
export interface Clock {
  readonly now: number;
}

/**
 * The service registry of the original demo, kept as struct-of-arrays indexed by slot. It owns
 * each server's state (up, active, queue) and its running statistics, and keeps `healthy` exact:
 * a server is healthy while the balancer may route to it and active + queued < limit + queueLimit.
 * Its arrays are for reading; every change goes through an operation below, which recomputes the
 * slot's health and tells the listener, so no caller has to remember to.
 *
 * Two views of a server are kept apart: `up` is the truth (the process runs), `lbUp` what the
 * balancer believes (instantly the same in the demo's registry; lagging behind health checks; or
 * never updated without them). A request sent to a server that is not really up fails.
 *
 * The pool reads the time from `clock` rather than taking it as an argument: V8 boxes every
 * fractional number passed to a call it does not inline, and these run several times a request.
 */
export class ServerPool implements PoolView {
  size = 0;
  members: number[] = [];
  healthyCount = 0;
  version = 0;
  names: string[] = [];
  member = new Uint8Array(0);
  healthy = new Uint8Array(0);
  up = new Uint8Array(0);
  active = new Int32Array(0);
  queued = new Int32Array(0);
  capacity = new Int32Array(0);
  weight = new Float64Array(0);
  speed = new Float64Array(0);
  /** Infinity stands for an unbounded queue. */
  queueLimit = new Float64Array(0);
  queues: IntQueue[] = [];
  /** Connection limit in force: the capacity, lower while a revived server slowly starts. */
  limit = new Int32Array(0);
  /** What the balancer believes of `up`. */
  lbUp = new Uint8Array(0);
  /** Taking no new requests while those it holds finish; down once empty. */
  draining = new Uint8Array(0);
  /** Ejected by outlier detection. */
  ejected = new Uint8Array(0);
  /** Its circuit breaker lets nothing through. */
  breakerBlocked = new Uint8Array(0);
  partitioned = new Uint8Array(0);
  /**
   * Cached per slot for the load path (see refresh): limit + queueLimit while routable(), else 0,
   * so that healthy is exactly active + queued < room.
   */
  private room = new Float64Array(0);
  /** Share of requests failed fast (sinkhole). */
  errorRate = new Float64Array(0);
  /** Service-time multiplier of a latency spike in progress (1 = none). */
  spike = new Float64Array(0);
  /** Envoy's panic mode: too few look healthy, so any server not drained or broken takes traffic. */
  panic = false;
  /**
   * Told after every change to a slot's load, health or membership: a strategy that keeps an
   * index of the pool (called directly, not through a closure, on this hottest of paths).
   */
  listener: { onServerChange(pool: PoolView, slot: number): void } | null = null;

  // Statistics per slot.
  served = new Float64Array(0);
  rejected = new Float64Array(0);
  /** Requests that failed here (errors, crashes, refused or hung connections, timeouts). */
  failed = new Float64Array(0);
  /** Look-ups in this server's own cache and how many hit (per-server placement). */
  cacheLookups = new Float64Array(0);
  cacheHits = new Float64Array(0);
  peakActive = new Int32Array(0);
  /** Integral of active/capacity over simulated time, for utilization. */
  busyIntegral = new Float64Array(0);
  /** When busyIntegral was last brought up to date. */
  busySince = new Float64Array(0);

  constructor(private readonly clock: Clock = { now: 0 }) {}

  /**
   * Makes room for `count` servers at once (the scenario's pool), as wide as RunMetrics makes its
   * per-server tables, so a sample copies the load arrays whole (see RunMetrics.sample).
   */
  reserve(count: number): void {
    if (count > this.member.length) this.grow(Math.max(8, count));
  }

  /** Registers a server; returns its slot. */
  add(spec: ServerSpec): number {
    const slot = this.size++;
    if (slot >= this.member.length) this.grow(Math.max(8, this.member.length * 2));
    this.names[slot] = spec.name;
    this.member[slot] = 1;
    this.up[slot] = spec.up ? 1 : 0;
    this.lbUp[slot] = spec.up && !spec.partitioned ? 1 : 0;
    this.partitioned[slot] = spec.partitioned ? 1 : 0;
    this.errorRate[slot] = spec.errorRate;
    this.spike[slot] = 1;
    this.capacity[slot] = spec.capacity;
    this.limit[slot] = spec.capacity;
    this.weight[slot] = spec.weight;
    this.speed[slot] = spec.speed;
    this.queueLimit[slot] = spec.queueLimit ?? Infinity;
    this.queues[slot] = new IntQueue();
    this.busySince[slot] = this.clock.now;
    this.members.push(slot);
    this.version++;
    this.refresh(slot);
    return slot;
  }

  /** Takes a server out of the registry; requests already on it still finish. */
  remove(slot: number): void {
    if (!this.member[slot]) return;
    this.member[slot] = 0;
    this.members = this.members.filter((s) => s !== slot);
    this.version++;
    this.refresh(slot);
  }

  /** Sets whether the server is up, and the balancer knows at once (the demo's registry). */
  setUp(slot: number, up: boolean): void {
    this.up[slot] = up ? 1 : 0;
    this.lbUp[slot] = up && this.partitioned[slot] === 0 ? 1 : 0;
    this.refresh(slot);
  }

  // ---- State changes: each keeps `healthy` and the listener up to date. ----

  /** Whether the server's process runs (the truth); what the balancer believes is set apart. */
  setRunning(slot: number, up: boolean): void {
    this.up[slot] = up ? 1 : 0;
    this.refresh(slot);
  }

  /** What the balancer believes of `up`. */
  setBelievedUp(slot: number, up: boolean): void {
    this.lbUp[slot] = up ? 1 : 0;
    this.refresh(slot);
  }

  /** Takes no new requests while those it holds finish (or takes them again). */
  markDraining(slot: number, draining: boolean): void {
    this.draining[slot] = draining ? 1 : 0;
    this.refresh(slot);
  }

  /** Out of (or back in) the pool by outlier detection. */
  setEjected(slot: number, ejected: boolean): void {
    this.ejected[slot] = ejected ? 1 : 0;
    this.refresh(slot);
  }

  /** Whether the server's circuit breaker lets nothing through. */
  setBreakerBlocked(slot: number, blocked: boolean): void {
    const b = blocked ? 1 : 0;
    if (this.breakerBlocked[slot] === b) return;
    this.breakerBlocked[slot] = b;
    this.refresh(slot);
  }

  /** Every circuit closed at once (breakers switched off). */
  clearBreakerBlocks(): void {
    this.breakerBlocked.fill(0);
    this.refreshAll();
  }

  /** Enters or leaves panic mode (every slot's health changes meaning). */
  setPanic(panic: boolean): void {
    this.panic = panic;
    this.refreshAll();
  }

  /** The connection limit in force (below the capacity while slowly starting). */
  setLimit(slot: number, limit: number): void {
    this.limit[slot] = limit;
    this.refresh(slot);
  }

  /** The service-time multiplier of a latency spike (1 = none); health is not affected. */
  setSpike(slot: number, factor: number): void {
    this.spike[slot] = factor;
  }

  /** The strategy (or fan-out) told of every change; set when the balancers are wired. */
  listenWith(listener: ServerPool['listener']): void {
    this.listener = listener;
  }

  // ---- Load: a request takes or leaves a place (in service, or in the FIFO queue). ----

  /** A request begins service. Returns the new active count. */
  startService(slot: number): number {
    this.accrue(slot);
    const active = ++this.active[slot]!;
    if (active > this.peakActive[slot]!) this.peakActive[slot] = active;
    this.refreshLoad(slot);
    return active;
  }

  /** An unreachable server's connection holds a place until it times out (not in the peak). */
  holdConnection(slot: number): void {
    this.accrue(slot);
    this.active[slot]!++;
    this.refreshLoad(slot);
  }

  /** A request leaves service (or a hanging connection gives up). Returns the new active. */
  endService(slot: number): number {
    this.accrue(slot);
    const active = --this.active[slot]!;
    this.refreshLoad(slot);
    return active;
  }

  /** Request row `r` waits in the server's FIFO queue. */
  enqueue(slot: number, r: number): void {
    this.queued[slot]!++;
    this.queues[slot]!.push(r);
    this.refreshLoad(slot);
  }

  /** Whether a request waits at the server and a place is free for it (startQueued would start one). */
  canStartQueued(slot: number): boolean {
    return this.queued[slot]! > 0 && this.active[slot]! < this.limit[slot]!;
  }

  /**
   * Moves the first waiting request into service: returns its row (the new active count is in
   * `active`). Only when canStartQueued(slot): every caller asks that first to decide whether to
   * call, so asking again here was a second test of three typed arrays per queued request. The
   * server holds as many requests as before, so its health is unchanged and nobody needs telling.
   */
  startQueued(slot: number): number {
    this.queued[slot]!--;
    const r = this.queues[slot]!.shift();
    this.accrue(slot);
    const active = ++this.active[slot]!;
    if (active > this.peakActive[slot]!) this.peakActive[slot] = active;
    return r;
  }

  /** Takes row `r` out of the queue wherever it waits (shed, cancelled, or served out of turn). */
  removeQueued(slot: number, r: number): boolean {
    if (!this.queues[slot]!.remove(r)) return false;
    this.queued[slot]!--;
    this.refresh(slot);
    return true;
  }

  /** Takes the first waiting request out of the queue (the server crashed): its row, or -1. */
  dropQueued(slot: number): number {
    if (this.queued[slot]! === 0) return -1;
    this.queued[slot]!--;
    const r = this.queues[slot]!.shift();
    this.refreshLoad(slot);
    return r;
  }

  // ---- Statistics. ----

  countServed(slot: number): void {
    this.served[slot]!++;
  }

  countRejected(slot: number): void {
    this.rejected[slot]!++;
  }

  countFailed(slot: number): void {
    this.failed[slot]!++;
  }

  countCacheLookup(slot: number, hit: boolean): void {
    this.cacheLookups[slot]!++;
    if (hit) this.cacheHits[slot]!++;
  }

  /** Recomputes every slot's health, after a change that concerns them all (panic mode). */
  private refreshAll(): void {
    for (const slot of this.members) this.refresh(slot);
  }

  update(slot: number, changes: ServerChanges): void {
    this.accrue(slot);
    if (changes.name !== undefined) this.names[slot] = changes.name;
    if (changes.capacity !== undefined) {
      this.capacity[slot] = changes.capacity;
      this.limit[slot] = changes.capacity;
    }
    if (changes.errorRate !== undefined) this.errorRate[slot] = changes.errorRate;
    if (changes.partitioned !== undefined) this.partitioned[slot] = changes.partitioned ? 1 : 0;
    if (changes.weight !== undefined) this.weight[slot] = changes.weight;
    if (changes.speed !== undefined) this.speed[slot] = changes.speed;
    if (changes.queueLimit !== undefined) this.queueLimit[slot] = changes.queueLimit ?? Infinity;
    if (changes.name !== undefined || changes.weight !== undefined) this.version++;
    this.refresh(slot);
  }

  /** The slot of the registered server with this name, or -1. */
  slotOf(name: string): number {
    for (const s of this.members) if (this.names[s] === name) return s;
    return -1;
  }

  /** Whether the server can take one more request (in service or in its queue). */
  hasRoom(slot: number): boolean {
    return this.active[slot]! + this.queued[slot]! < this.limit[slot]! + this.queueLimit[slot]!;
  }

  /** Whether the balancer may send to the server, load aside. */
  routable(slot: number): boolean {
    return (
      this.member[slot] === 1 &&
      this.draining[slot] === 0 &&
      this.breakerBlocked[slot] === 0 &&
      (this.panic || (this.lbUp[slot] === 1 && this.ejected[slot] === 0))
    );
  }

  /** Recomputes the healthy flag of a slot after its state changed, and tells the listener. */
  private refresh(slot: number): void {
    // Held requests are never negative, so a room of 0 keeps an unroutable server unhealthy.
    this.room[slot] = this.routable(slot) ? this.limit[slot]! + this.queueLimit[slot]! : 0;
    this.refreshLoad(slot);
  }

  /** `refresh` after only the load changed (hot path), from its cached room. */
  private refreshLoad(slot: number): void {
    const ok = this.active[slot]! + this.queued[slot]! < this.room[slot]! ? 1 : 0;
    if (ok !== this.healthy[slot]) {
      this.healthy[slot] = ok;
      this.healthyCount += ok ? 1 : -1;
    }
    if (this.listener !== null) this.listener.onServerChange(this, slot);
  }

  /** Brings the utilization integral of a slot up to now before its active count changes. */
  private accrue(slot: number): void {
    const now = this.clock.now;
    const since = this.busySince[slot]!;
    if (now > since) {
      this.busyIntegral[slot]! += ((now - since) * this.active[slot]!) / this.capacity[slot]!;
      this.busySince[slot] = this.clock.now;
    }
  }

  /** Busy slot-time of a slot (active / capacity integrated over ms) up to now. */
  busyTime(slot: number): number {
    this.accrue(slot);
    return this.busyIntegral[slot]!;
  }

  /** Share of capacity in use averaged over the run so far. */
  utilization(slot: number): number {
    const now = this.clock.now;
    if (now <= 0) return 0;
    this.accrue(slot);
    return this.busyIntegral[slot]! / now;
  }

  private grow(cap: number): void {
    this.member = grownFrom(this.member, new Uint8Array(cap));
    this.healthy = grownFrom(this.healthy, new Uint8Array(cap));
    this.up = grownFrom(this.up, new Uint8Array(cap));
    this.lbUp = grownFrom(this.lbUp, new Uint8Array(cap));
    this.draining = grownFrom(this.draining, new Uint8Array(cap));
    this.ejected = grownFrom(this.ejected, new Uint8Array(cap));
    this.breakerBlocked = grownFrom(this.breakerBlocked, new Uint8Array(cap));
    this.room = grownFrom(this.room, new Float64Array(cap));
    this.partitioned = grownFrom(this.partitioned, new Uint8Array(cap));
    this.errorRate = grownFrom(this.errorRate, new Float64Array(cap));
    this.spike = grownFrom(this.spike, new Float64Array(cap));
    this.limit = grownFrom(this.limit, new Int32Array(cap));
    this.failed = grownFrom(this.failed, new Float64Array(cap));
    this.cacheLookups = grownFrom(this.cacheLookups, new Float64Array(cap));
    this.cacheHits = grownFrom(this.cacheHits, new Float64Array(cap));
    this.active = grownFrom(this.active, new Int32Array(cap));
    this.queued = grownFrom(this.queued, new Int32Array(cap));
    this.capacity = grownFrom(this.capacity, new Int32Array(cap));
    this.weight = grownFrom(this.weight, new Float64Array(cap));
    this.speed = grownFrom(this.speed, new Float64Array(cap));
    this.queueLimit = grownFrom(this.queueLimit, new Float64Array(cap));
    this.served = grownFrom(this.served, new Float64Array(cap));
    this.rejected = grownFrom(this.rejected, new Float64Array(cap));
    this.peakActive = grownFrom(this.peakActive, new Int32Array(cap));
    this.busyIntegral = grownFrom(this.busyIntegral, new Float64Array(cap));
    this.busySince = grownFrom(this.busySince, new Float64Array(cap));
  }
}
