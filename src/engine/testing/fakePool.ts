import type { PoolView } from '../poolView.ts';

/** A server as tests describe it; omitted fields default to weight 1, idle, up, no queue. */
export interface FakeServer {
  readonly name: string;
  readonly capacity: number;
  readonly weight?: number;
  readonly active?: number;
  readonly queued?: number;
  readonly up?: boolean;
  /** Requests that may wait beyond capacity. Default 0. */
  readonly queueLimit?: number;
}

/**
 * A small mutable PoolView for strategy tests, with the registry's rules: healthy = member && up &&
 * active + queued < capacity + queueLimit, and `version` bumps when membership, names or weights
 * change. Its arrays are reallocated to the exact size on every add, so a strategy that holds on to
 * an old array or sizes scratch by the wrong length fails here.
 */
export class FakePool implements PoolView {
  size = 0;
  members: number[] = [];
  member = new Uint8Array(0);
  healthy = new Uint8Array(0);
  healthyCount = 0;
  active = new Int32Array(0);
  queued = new Int32Array(0);
  capacity = new Int32Array(0);
  weight = new Float64Array(0);
  names: string[] = [];
  version = 0;
  up = new Uint8Array(0);
  queueLimit = new Int32Array(0);
  /** Told after every change of a slot, as ServerPool tells the strategy (see Strategy.onServerChange). */
  onChange: ((slot: number) => void) | null = null;

  constructor(servers: readonly FakeServer[] = []) {
    for (const s of servers) this.add(s);
  }

  /** Registers a server in a new slot and returns the slot. */
  add(spec: FakeServer): number {
    const slot = this.size++;
    this.member = grow(this.member, Uint8Array, this.size);
    this.healthy = grow(this.healthy, Uint8Array, this.size);
    this.up = grow(this.up, Uint8Array, this.size);
    this.active = grow(this.active, Int32Array, this.size);
    this.queued = grow(this.queued, Int32Array, this.size);
    this.capacity = grow(this.capacity, Int32Array, this.size);
    this.queueLimit = grow(this.queueLimit, Int32Array, this.size);
    this.weight = grow(this.weight, Float64Array, this.size);
    this.names[slot] = spec.name;
    this.member[slot] = 1;
    this.up[slot] = spec.up === false ? 0 : 1;
    this.capacity[slot] = spec.capacity;
    this.queueLimit[slot] = spec.queueLimit ?? 0;
    this.weight[slot] = spec.weight ?? 1;
    this.active[slot] = spec.active ?? 0;
    this.queued[slot] = spec.queued ?? 0;
    this.members.push(slot);
    this.version++;
    this.refresh(slot);
    return slot;
  }

  /** Takes a server out of the registry; its slot stays, marked not a member. */
  remove(slot: number): void {
    if (this.member[slot] !== 1) return;
    this.member[slot] = 0;
    this.members = this.members.filter((s) => s !== slot);
    this.version++;
    this.refresh(slot);
  }

  setUp(slot: number, up: boolean): void {
    this.up[slot] = up ? 1 : 0;
    this.refresh(slot);
  }

  setWeight(slot: number, weight: number): void {
    this.weight[slot] = weight;
    this.version++;
  }

  rename(slot: number, name: string): void {
    this.names[slot] = name;
    this.version++;
  }

  setLoad(slot: number, active: number, queued = 0): void {
    this.active[slot] = active;
    this.queued[slot] = queued;
    this.refresh(slot);
  }

  /** Hands a request to the slot: into service if there is a free place, else into its queue. */
  dispatch(slot: number): void {
    if (this.active[slot]! < this.capacity[slot]!) this.active[slot]!++;
    else this.queued[slot]!++;
    this.refresh(slot);
  }

  /** Finishes one request on the slot; a queued request, if any, takes its place in service. */
  complete(slot: number): void {
    if (this.queued[slot]! > 0) this.queued[slot]!--;
    else if (this.active[slot]! > 0) this.active[slot]!--;
    this.refresh(slot);
  }

  /** Requests in service or waiting on the slot. */
  outstanding(slot: number): number {
    return this.active[slot]! + this.queued[slot]!;
  }

  /** The slot of the registered server with this name, or -1. */
  slotOf(name: string): number {
    for (const s of this.members) if (this.names[s] === name) return s;
    return -1;
  }

  private refresh(slot: number): void {
    const room =
      this.active[slot]! + this.queued[slot]! < this.capacity[slot]! + this.queueLimit[slot]!;
    const ok = this.member[slot] === 1 && this.up[slot] === 1 && room ? 1 : 0;
    if (ok !== this.healthy[slot]) {
      this.healthy[slot] = ok;
      this.healthyCount += ok ? 1 : -1;
    }
    this.onChange?.(slot);
  }
}

function grow<T extends Uint8Array | Int32Array | Float64Array>(
  a: T,
  Ctor: new (length: number) => T,
  length: number,
): T {
  const b = new Ctor(length);
  b.set(a);
  return b;
}
