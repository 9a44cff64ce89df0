import { LruCache } from './lruCache.ts';
import type { CacheSpec } from './scenario/types.ts';

/**
 * The LRU cache(s) in front of the expensive computation, by placement: one cache every server
 * shares (the demo's), one per server (so where a key is routed decides whether it hits), or none.
 * Changing the spec mid-run starts empty caches; the counts of the old ones are kept in totals.
 */
export class CacheLayer {
  spec: CacheSpec;
  private shared: LruCache | null = null;
  private perServer: Array<LruCache | undefined> = [];
  /** Evictions of caches already replaced. */
  private retiredEvictions = 0;
  private perServerPlacement = false;

  constructor(spec: CacheSpec) {
    this.spec = spec;
    this.build();
  }

  /** The cache the server in `slot` consults, or null when caching is off. */
  forSlot(slot: number): LruCache | null {
    // Shared or off: `shared` is the answer (null when off); per-server caches are made on demand.
    if (!this.perServerPlacement) return this.shared;
    let c = this.perServer[slot];
    if (c === undefined) {
      c = new LruCache(this.spec.capacity);
      this.perServer[slot] = c;
    }
    return c;
  }

  /** Replaces the caches with empty ones built to `spec`. */
  reconfigure(spec: CacheSpec): void {
    this.retiredEvictions = this.evictions;
    this.spec = spec;
    this.build();
  }

  /** Evictions across every cache this layer ever held. */
  get evictions(): number {
    let n = this.retiredEvictions;
    if (this.shared) n += this.shared.evictions;
    for (const c of this.perServer) if (c) n += c.evictions;
    return n;
  }

  /** Entries held and room for entries across the live caches of `slots`. */
  occupancy(slots: ReadonlyArray<number>): { size: number; capacity: number } {
    if (this.spec.placement === 'off') return { size: 0, capacity: 0 };
    if (this.shared) return { size: this.shared.size, capacity: this.shared.capacity };
    let size = 0;
    for (const s of slots) size += this.perServer[s]?.size ?? 0;
    return { size, capacity: slots.length * this.spec.capacity };
  }

  /** Entries held by one server's own cache (per-server placement), else 0. */
  sizeOf(slot: number): number {
    return this.spec.placement === 'per-server' ? (this.perServer[slot]?.size ?? 0) : 0;
  }

  private build(): void {
    this.perServerPlacement = this.spec.placement === 'per-server';
    this.shared = this.spec.placement === 'shared' ? new LruCache(this.spec.capacity) : null;
    this.perServer = [];
  }
}
