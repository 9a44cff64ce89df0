/*
 * How many keys change server when the server list changes, under each hashing method. This is
 * the number behind "modulo hashing moves almost everything, consistent hashing and Maglev about
 * 1/N": every key that moves lands on a server whose cache has never seen it. Pure and small, so
 * the page can import it; it asks the balancer's own strategies where each key lives, so the
 * figures are those of the simulation, not of a textbook formula.
 */
import type { PoolView } from '../poolView.ts';
import { ConsistentHashStrategy } from '../strategies/consistentHash.ts';
import { MAGLEV_TABLE_SIZE, MaglevStrategy } from '../strategies/maglev.ts';
import { ModuloHashStrategy } from '../strategies/moduloHash.ts';
import { EXACT_KEY_LIMIT, keySample } from './keySample.ts';

export { EXACT_KEY_LIMIT };

/** The strategies that tie each key to one server. */
export const HASH_METHODS = ['modulo-hash', 'consistent-hash', 'maglev'] as const;
export type HashMethod = (typeof HASH_METHODS)[number];

/** Whether a strategy name is one of the hashing strategies. */
export function isHashMethod(name: string): name is HashMethod {
  return (HASH_METHODS as readonly string[]).includes(name);
}

/** A server as far as hashing cares: its name places it (weights are not used by any method). */
export interface HashServer {
  readonly name: string;
  readonly weight: number;
}

export interface KeyMovementOptions {
  /** consistent-hash: ring points per server. Default 100, as the strategy. */
  readonly virtualNodes?: number;
  /** maglev: lookup table size, a prime. Default 65,537, as the strategy. */
  readonly tableSize?: number;
}

export interface KeyMovement {
  /** Share of the keys whose server changes (0..1). */
  readonly keyShare: number;
  /** Share of the requests whose server changes: keys weighted by their Zipf popularity. */
  readonly trafficShare: number;
}

/**
 * The share of keys, and of traffic, whose owner differs between the server lists `before` and
 * `after` under `method`, with every server assumed healthy (the methods' fallbacks for a down or
 * full server are not modelled). A server is identified by its name, as the methods place it.
 * Keys are 0..count-1 with key k requested in proportion to 1/(k+1)^zipf.
 *
 * Up to EXACT_KEY_LIMIT (200,000) keys every key is counted. Larger key spaces are estimated
 * deterministically (the same figures every call): the 100,000 most popular keys exactly, and the
 * rest by 100,000 evenly spaced keys, each standing for its stretch of the key space, weighted by
 * that stretch's key count and its Zipf traffic (an integral of 1/x^zipf). If either list is empty
 * but not both, every key is counted as moved.
 */
export function keysMoved(
  method: HashMethod,
  options: KeyMovementOptions,
  before: readonly HashServer[],
  after: readonly HashServer[],
  keys: { readonly count: number; readonly zipf: number },
): KeyMovement {
  if (before.length === 0 || after.length === 0) {
    const all = before.length === after.length ? 0 : 1;
    return { keyShare: all, trafficShare: all };
  }
  const sample = keySample(keys.count, keys.zipf);
  // One id per distinct name across both lists, so owners compare as numbers.
  const ids = new Map<string, number>();
  const idsOf = (list: readonly HashServer[]) =>
    list.map((s) => ids.get(s.name) ?? ids.set(s.name, ids.size).get(s.name)!);
  const a = owners(method, options, before, idsOf(before), sample.hashes);
  const b = owners(method, options, after, idsOf(after), sample.hashes);
  let keysMovedCount = 0;
  let keysTotal = 0;
  let trafficMoved = 0;
  let trafficTotal = 0;
  for (let i = 0; i < a.length; i++) {
    const kw = sample.keyWeight[i]!;
    const tw = sample.trafficWeight[i]!;
    keysTotal += kw;
    trafficTotal += tw;
    if (a[i] !== b[i]) {
      keysMovedCount += kw;
      trafficMoved += tw;
    }
  }
  return {
    keyShare: keysTotal > 0 ? keysMovedCount / keysTotal : 0,
    trafficShare: trafficTotal > 0 ? trafficMoved / trafficTotal : 0,
  };
}

/**
 * The share of the keys (and of traffic) that the server named `name` owns among `servers` under
 * `method`: the least any method must move when that server leaves (its keys need a new home),
 * or when it joins (they come from elsewhere). Measured over the same keys as {@link keysMoved}.
 */
export function keysHeld(
  method: HashMethod,
  options: KeyMovementOptions,
  servers: readonly HashServer[],
  name: string,
  keys: { readonly count: number; readonly zipf: number },
): KeyMovement {
  const at = servers.findIndex((s) => s.name === name);
  if (at < 0) return { keyShare: 0, trafficShare: 0 };
  const sample = keySample(keys.count, keys.zipf);
  const owner = owners(
    method,
    options,
    servers,
    servers.map((_, i) => i),
    sample.hashes,
  );
  let keysHeldCount = 0;
  let keysTotal = 0;
  let trafficHeld = 0;
  let trafficTotal = 0;
  for (let i = 0; i < owner.length; i++) {
    keysTotal += sample.keyWeight[i]!;
    trafficTotal += sample.trafficWeight[i]!;
    if (owner[i] === at) {
      keysHeldCount += sample.keyWeight[i]!;
      trafficHeld += sample.trafficWeight[i]!;
    }
  }
  return {
    keyShare: keysTotal > 0 ? keysHeldCount / keysTotal : 0,
    trafficShare: trafficTotal > 0 ? trafficHeld / trafficTotal : 0,
  };
}

/** Each sampled key's owner, as an id from `ids` (parallel to `servers`). */
function owners(
  method: HashMethod,
  options: KeyMovementOptions,
  servers: readonly HashServer[],
  ids: readonly number[],
  hashes: Uint32Array,
): Int32Array {
  const pool = staticPool(servers);
  const strategy =
    method === 'modulo-hash'
      ? new ModuloHashStrategy()
      : method === 'consistent-hash'
        ? new ConsistentHashStrategy({ virtualNodes: options.virtualNodes ?? 100 })
        : new MaglevStrategy(options.tableSize ?? MAGLEV_TABLE_SIZE);
  const out = new Int32Array(hashes.length);
  for (let i = 0; i < hashes.length; i++) out[i] = ids[strategy.ownerOfHash(pool, hashes[i]!)]!;
  return out;
}

/** A pool of idle, healthy servers in slots 0..n-1, for asking a strategy who owns a key. */
function staticPool(servers: readonly HashServer[]): PoolView {
  const n = servers.length;
  return {
    size: n,
    members: servers.map((_, i) => i),
    member: new Uint8Array(n).fill(1),
    healthy: new Uint8Array(n).fill(1),
    healthyCount: n,
    active: new Int32Array(n),
    queued: new Int32Array(n),
    capacity: new Int32Array(n).fill(1),
    weight: Float64Array.from(servers, (s) => s.weight),
    names: servers.map((s) => s.name),
    version: 1,
  };
}
