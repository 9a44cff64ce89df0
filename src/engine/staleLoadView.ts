import type { PoolView } from './poolView.ts';
import type { ServerPool } from './serverPool.ts';

/**
 * One balancer's view of the servers when it learns their load only every so often (as
 * balancers that poll load reports do): each server's load as of the last update, plus what this
 * balancer itself sent and saw finish since. Health is not stale (it comes from the shared
 * checks); load is. Several balancers with such views chase the same "least loaded" server
 * between updates: herding.
 *
 * The view keeps the whole load (in service + waiting) in `active` and 0 in `queued`: every
 * strategy reads their sum.
 */
export class StaleLoadView implements PoolView {
  active = new Int32Array(0);
  queued = new Int32Array(0);
  healthy = new Uint8Array(0);
  healthyCount = 0;
  listener: { onServerChange(pool: PoolView, slot: number): void } | null = null;

  constructor(private readonly pool: ServerPool) {}

  get size(): number {
    return this.pool.size;
  }
  get members(): ReadonlyArray<number> {
    return this.pool.members;
  }
  get member(): Uint8Array {
    return this.pool.member;
  }
  get capacity(): Int32Array {
    return this.pool.capacity;
  }
  get weight(): Float64Array {
    return this.pool.weight;
  }
  get names(): ReadonlyArray<string> {
    return this.pool.names;
  }
  get version(): number {
    return this.pool.version;
  }

  /** Takes in every server's current load (the periodic update). */
  sync(): void {
    const pool = this.pool;
    this.fit();
    for (let slot = 0; slot < pool.size; slot++) {
      const load = pool.active[slot]! + pool.queued[slot]!;
      if (load !== this.active[slot]) {
        this.active[slot] = load;
        this.refresh(slot);
      }
    }
  }

  /** This balancer sent (+1) or saw finish (-1) a request on `slot`. */
  adjust(slot: number, delta: number): void {
    this.fit();
    this.active[slot] = Math.max(0, this.active[slot]! + delta);
    this.refresh(slot);
  }

  /** Re-reads a slot's health (shared, never stale) against the load this view believes. */
  refresh(slot: number): void {
    this.fit();
    const pool = this.pool;
    const room = this.active[slot]! < pool.limit[slot]! + pool.queueLimit[slot]!;
    const ok = pool.routable(slot) && room ? 1 : 0;
    if (ok !== this.healthy[slot]) {
      this.healthy[slot] = ok;
      this.healthyCount += ok ? 1 : -1;
    }
    if (this.listener !== null) this.listener.onServerChange(this, slot);
  }

  private fit(): void {
    const n = this.pool.size;
    if (n <= this.active.length) return;
    const cap = Math.max(8, n, this.active.length * 2);
    const active = new Int32Array(cap);
    active.set(this.active);
    const healthy = new Uint8Array(cap);
    healthy.set(this.healthy);
    this.active = active;
    this.healthy = healthy;
    this.queued = new Int32Array(cap);
  }
}
