/*
 * Maglev (Google's network load balancer, Eisenbud et al., NSDI 2016) fills a lookup table of M
 * entries (M prime) by letting each server claim entries in its own pseudo-random order, taking
 * turns, and sends a request to the owner of the entry its key hashes to. Every server ends up with
 * almost exactly M/N entries, a lookup is one array read, and removing or adding one of N servers
 * moves only about 1/N of the keys.
 */
import type { PoolView } from '../poolView.ts';
import type { Rng } from '../random.ts';
import { hashKey, hashString } from './keyHash.ts';
import { countOf, formatScore, listInWords, nameOf, traceWalk } from './pickTrace.ts';
import type { PickContext, PickTrace, Strategy, StrategyInfo } from './strategy.ts';

export const maglevInfo: StrategyInfo = {
  name: 'maglev',
  label: 'Maglev',
  explanation:
    "Maglev (Google's load balancer) builds a lookup table of 65,537 entries in which the servers " +
    'take turns claiming entries, each in its own pseudo-random order, and sends a request to the ' +
    'owner of the entry its key hashes to. Every server gets almost exactly the same share of keys, ' +
    'and removing or adding one of N servers moves only about 1/N of them. When the owner is down ' +
    'or full, the request goes to the owner of the next entry, so the spill is shared out.',
};

/** The paper's example table size: prime, and large enough for an even split up to ~650 servers. */
export const MAGLEV_TABLE_SIZE = 65_537;

// Two independent hashes of a server's name give its permutation's offset and skip.
const OFFSET_SEED = 0x6d61676c;
const SKIP_SEED = 0x65763031;

function isPrime(n: number): boolean {
  if (!Number.isInteger(n) || n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}

/**
 * Fills a Maglev lookup table of `size` entries (the paper's Pseudocode 1): servers take turns in
 * the order given, each claiming the next entry of its permutation offset, offset + skip,
 * offset + 2·skip … (mod size) that is still free, until every entry is owned. With a prime size
 * every skip in 1..size-1 visits every entry, so each turn ends. Servers beyond `size` get nothing.
 */
export function fillMaglevTable(
  owners: ArrayLike<number>,
  offset: ArrayLike<number>,
  skip: ArrayLike<number>,
  size: number,
): Int32Array {
  const table = new Int32Array(size).fill(-1);
  const n = owners.length;
  if (n === 0) return table;
  const pos = Int32Array.from(offset);
  let filled = 0;
  for (;;) {
    for (let i = 0; i < n; i++) {
      let c = pos[i]!;
      const s = skip[i]!;
      while (table[c] !== -1) c = (c + s) % size;
      table[c] = owners[i]!;
      pos[i] = (c + s) % size;
      if (++filled === size) return table;
    }
  }
}

/**
 * The Maglev table for servers `members` (slots) called `names`: each server's permutation comes
 * from two independent hashes of its name, offset = h1 mod M and skip = h2 mod (M - 1) + 1.
 */
export function buildMaglevTable(
  members: readonly number[],
  names: readonly string[],
  size: number,
): Int32Array {
  const offset = names.map((name) => hashString(name, OFFSET_SEED) % size);
  const skip = names.map((name) => (hashString(name, SKIP_SEED) % (size - 1)) + 1);
  return fillMaglevTable(members, offset, skip, size);
}

/**
 * Maglev hashing with a lookup table rebuilt only when the server list, names or weights change
 * (pool.version). Servers take their turns in order of name, so the table depends on the set of
 * names alone: a server that is removed and re-added gets exactly its old entries back. Weights are
 * ignored, as in the ring of consistent-hash. Health does not touch the table (real Maglev rebuilds
 * it without unhealthy backends): like consistent-hash walking on past a blocked owner, a request
 * whose owner is down or full walks on to the owner of the next entry (wrapping), and since
 * neighbouring entries belong to different servers in no fixed pattern, the spill is shared out;
 * when the owner recovers, its keys come straight back.
 */
export class MaglevStrategy implements Strategy {
  readonly name = 'maglev' as const;
  /** M, a prime. */
  readonly tableSize: number;
  /** table[e] is the slot owning entry e, or -1 when there are no servers. */
  table: Int32Array = new Int32Array(0);
  private version = -1;

  constructor(tableSize = MAGLEV_TABLE_SIZE) {
    if (!isPrime(tableSize)) throw new RangeError(`tableSize must be a prime, got ${tableSize}`);
    this.tableSize = tableSize;
  }

  pick(pool: PoolView, ctx: PickContext, _rng: Rng): number {
    if (pool.version !== this.version) this.rebuild(pool);
    const table = this.table;
    if (table[0] === -1) return -1;
    const m = this.tableSize;
    const start = hashKey(ctx.key) % m;
    if (ctx.trace !== null) return this.explain(pool, ctx.key, start, ctx.trace);
    const healthy = pool.healthy;
    for (let step = 0, e = start; step < m; step++) {
      const slot = table[e]!;
      if (healthy[slot] === 1) return slot;
      if (++e === m) e = 0;
    }
    return -1;
  }

  /** The key's home server, whether or not it is healthy; -1 when there are no servers. */
  ownerOf(pool: PoolView, key: number): number {
    return this.ownerOfHash(pool, hashKey(key));
  }

  /** The home server of a key whose hashKey is `h` (for callers that hash many keys once). */
  ownerOfHash(pool: PoolView, h: number): number {
    if (pool.version !== this.version) this.rebuild(pool);
    return this.table[h % this.tableSize]!;
  }

  private rebuild(pool: PoolView): void {
    const order = [...pool.members].sort((a, b) => {
      const x = pool.names[a] ?? '';
      const y = pool.names[b] ?? '';
      return x < y ? -1 : x > y ? 1 : a - b;
    });
    this.table = buildMaglevTable(
      order,
      order.map((slot) => pool.names[slot] ?? ''),
      this.tableSize,
    );
    this.version = pool.version;
  }

  /** The traced pick: the same walk, recording each server met with its distance in entries. */
  private explain(pool: PoolView, key: number, start: number, t: PickTrace): number {
    const walk = traceWalk(pool, t, this.table, start, (step) => step);
    t.scoreName = "table entries past the key's own";
    t.lowerWins = true;
    const where =
      `Key ${formatScore(key)} hashes to entry ${start} of the ${formatScore(this.tableSize)}-entry ` +
      `lookup table`;
    if (walk.slot < 0) t.rule = `${where}, and no server in the table can take it.`;
    else if (walk.passed.length === 0) {
      t.rule = `${where}, which ${nameOf(pool, walk.slot)} owns.`;
    } else {
      t.rule =
        `${where}; walking on past ${listInWords(walk.passed)} ` +
        `(${countOf(walk.steps, 'entry', 'entries')}), it goes ` +
        `to ${nameOf(pool, walk.slot)}.`;
    }
    return walk.slot;
  }
}
