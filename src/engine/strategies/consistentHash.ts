/*
 * Consistent hashing places every server at many points on a ring and sends each request to the
 * first server clockwise from its key's position, so the same key keeps landing on the same server
 * and that server's cache stays warm; adding or removing a server moves only about 1/N of the keys.
 * It ignores load, so a popular key can swamp its server; when a server is down or full, its keys
 * spill over to the next servers on the ring.
 */
import type { PoolView } from '../poolView.ts';
import type { Rng } from '../random.ts';
import { fmix32, hashKey, hashString, mixH } from './keyHash.ts';
import { countOf, formatScore, listInWords, nameOf, traceWalk } from './pickTrace.ts';
import type {
  PickContext,
  PickTrace,
  Strategy,
  StrategyInfo,
  StrategyOptions,
} from './strategy.ts';

export const consistentHashInfo: StrategyInfo = {
  name: 'consistent-hash',
  label: 'Consistent hash',
  explanation:
    'Consistent hashing places every server at many points on a ring and sends each request to the ' +
    "first server clockwise from its key's position, so the same key keeps landing on the same " +
    "server and that server's cache stays warm; adding or removing a server moves only about 1/N of " +
    'the keys. It ignores load, so a popular key can swamp its server; when a server is down or ' +
    'full, its keys spill over to the next servers on the ring.',
};

/**
 * Where replica `replica` of a server sits on the ring. It depends on the server's name only, not
 * its slot, so a server keeps its points when others come and go, or when it is re-added.
 */
export function ringPoint(nameHash: number, replica: number): number {
  return fmix32(mixH(nameHash, replica) ^ 4);
}

/** Ring points are sorted as point * SLOT_SPAN + slot in one float (exact below 2^53). */
const SLOT_SPAN = 2 ** 21;

/** Reads and checks the number of ring points per server. */
function virtualNodesOption(options: StrategyOptions | undefined): number {
  const v = options?.virtualNodes ?? 100;
  if (!Number.isInteger(v) || v < 1) {
    throw new RangeError(`virtualNodes must be an integer of at least 1, got ${v}`);
  }
  return v;
}

/**
 * A hash ring (Karger et al., 1997) with virtual nodes: many points per server even out the arcs
 * each one owns. The ring is rebuilt only when the server list, names or weights change
 * (pool.version); health changes do not touch it, so a server that recovers gets exactly its old
 * keys back.
 */
export class ConsistentHashStrategy implements Strategy {
  readonly name = 'consistent-hash' as const;
  readonly virtualNodes: number;
  /** Ring positions, ascending. */
  points = new Uint32Array(0);
  /** owners[i] is the slot whose point is points[i]. */
  owners = new Int32Array(0);
  private version = -1;

  constructor(options?: StrategyOptions) {
    this.virtualNodes = virtualNodesOption(options);
  }

  pick(pool: PoolView, ctx: PickContext, _rng: Rng): number {
    const i = this.firstPoint(pool, ctx.key);
    if (i < 0) return -1;
    if (ctx.trace !== null) return this.explain(pool, ctx.key, i, ctx.trace);
    const owners = this.owners;
    const healthy = pool.healthy;
    const n = owners.length;
    // Walking on clockwise sends a blocked owner's keys to the servers that follow each of its
    // many points, so the spill is shared out instead of landing on a single neighbour.
    for (let step = 0, j = i; step < n; step++) {
      const slot = owners[j]!;
      if (healthy[slot] === 1) return slot;
      if (++j === n) j = 0;
    }
    return -1;
  }

  /** The traced pick: the same walk, recording each server met with its clockwise distance. */
  private explain(pool: PoolView, key: number, start: number, t: PickTrace): number {
    const h = hashKey(key);
    const points = this.points;
    const walk = traceWalk(pool, t, this.owners, start, (_step, j) => (points[j]! - h) >>> 0);
    t.scoreName = 'clockwise ring distance from the key';
    t.lowerWins = true;
    const where = `Key ${formatScore(key)} hashes to ring position ${formatScore(h)} of 2^32`;
    if (walk.slot < 0) t.rule = `${where}, and no server on the ring can take it.`;
    else if (walk.passed.length === 0) {
      t.rule = `${where}; the first server clockwise is ${nameOf(pool, walk.slot)}, its home.`;
    } else {
      t.rule =
        `${where}; walking clockwise past ${listInWords(walk.passed)} ` +
        `(${countOf(walk.steps, 'ring point')}), it goes to ${nameOf(pool, walk.slot)}.`;
    }
    return walk.slot;
  }

  /** The key's home server, whether or not it is healthy; -1 when there are no servers. */
  ownerOf(pool: PoolView, key: number): number {
    return this.ownerOfHash(pool, hashKey(key));
  }

  /** The home server of a key whose hashKey is `h` (for callers that hash many keys once). */
  ownerOfHash(pool: PoolView, h: number): number {
    const i = this.firstPointOfHash(pool, h);
    return i < 0 ? -1 : this.owners[i]!;
  }

  /** Index of the first ring point at or after the key's hash, wrapping round; -1 if empty. */
  private firstPoint(pool: PoolView, key: number): number {
    return this.firstPointOfHash(pool, hashKey(key));
  }

  private firstPointOfHash(pool: PoolView, h: number): number {
    if (pool.version !== this.version) this.rebuild(pool);
    const points = this.points;
    const n = points.length;
    if (n === 0) return -1;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (points[mid]! < h) lo = mid + 1;
      else hi = mid;
    }
    return lo === n ? 0 : lo;
  }

  private rebuild(pool: PoolView): void {
    const members = pool.members;
    const v = this.virtualNodes;
    if (pool.size > SLOT_SPAN) throw new RangeError(`consistent-hash supports ${SLOT_SPAN} slots`);
    // Packing slot with point gives one numeric sort with a fixed order for equal points, so two
    // servers that collide keep the same order whoever else joins or leaves.
    const packed = new Float64Array(members.length * v);
    let p = 0;
    for (let i = 0; i < members.length; i++) {
      const slot = members[i]!;
      const nameHash = hashString(pool.names[slot] ?? '');
      for (let r = 0; r < v; r++) packed[p++] = ringPoint(nameHash, r) * SLOT_SPAN + slot;
    }
    packed.sort();
    const points = new Uint32Array(packed.length);
    const owners = new Int32Array(packed.length);
    for (let i = 0; i < packed.length; i++) {
      const x = packed[i]!;
      const point = Math.floor(x / SLOT_SPAN);
      points[i] = point;
      owners[i] = x - point * SLOT_SPAN;
    }
    this.points = points;
    this.owners = owners;
    this.version = pool.version;
  }
}
