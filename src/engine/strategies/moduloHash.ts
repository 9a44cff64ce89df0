/*
 * Modulo hashing sends each request to server number hash(key) mod N, counting the N registered
 * servers in list order. It is the first idea anyone has for keeping a key on one server, and it
 * works until N changes: then almost every key moves, about (N-1)/N of them, and every cache goes
 * cold at once.
 */
import type { PoolView } from '../poolView.ts';
import type { Rng } from '../random.ts';
import { hashKey } from './keyHash.ts';
import { countOf, formatScore, listInWords, nameOf, traceWalk } from './pickTrace.ts';
import type { PickContext, PickTrace, Strategy, StrategyInfo } from './strategy.ts';

export const moduloHashInfo: StrategyInfo = {
  name: 'modulo-hash',
  label: 'Modulo hash',
  explanation:
    'Modulo hashing sends each request to server number hash(key) mod N, counting the N registered ' +
    'servers in list order, so a key stays on one server while the list stays the same. Adding or ' +
    'removing a server changes N and moves almost every key, about (N−1)/N of them, so every cache ' +
    'goes cold at once. A server that is down or full hands its keys to the next one in the list, ' +
    'which then carries a double share.',
};

/**
 * hash(key) mod N over `pool.members`, the registered servers in registry order. N counts every
 * registered server, healthy or not, so a server that goes down or fills up does not renumber the
 * others: its keys probe on to the next registered server (wrapping round to the first) until one
 * is healthy, the way linear probing works in a hash table, and they come home when it recovers.
 * Only adding or removing a server changes N and reshuffles the keys. Weights are ignored.
 */
export class ModuloHashStrategy implements Strategy {
  readonly name = 'modulo-hash' as const;

  pick(pool: PoolView, ctx: PickContext, _rng: Rng): number {
    const members = pool.members;
    const n = members.length;
    if (n === 0) return -1;
    const home = hashKey(ctx.key) % n;
    if (ctx.trace !== null) return explain(pool, ctx.key, home, ctx.trace);
    const healthy = pool.healthy;
    for (let step = 0, i = home; step < n; step++) {
      const slot = members[i]!;
      if (healthy[slot] === 1) return slot;
      if (++i === n) i = 0;
    }
    return -1;
  }

  /** The key's home server, whether or not it is healthy; -1 when there are no servers. */
  ownerOf(pool: PoolView, key: number): number {
    return this.ownerOfHash(pool, hashKey(key));
  }

  /** The home server of a key whose hashKey is `h` (for callers that hash many keys once). */
  ownerOfHash(pool: PoolView, h: number): number {
    const n = pool.members.length;
    return n === 0 ? -1 : pool.members[h % n]!;
  }
}

/** The traced pick: the same probe, recording each server tried with its distance from home. */
function explain(pool: PoolView, key: number, home: number, t: PickTrace): number {
  const n = pool.members.length;
  const walk = traceWalk(pool, t, pool.members, home, (step) => step);
  t.scoreName = 'places after the home server in the list';
  t.lowerWins = true;
  const where =
    `Key ${formatScore(key)} hashes to ${formatScore(hashKey(key))}, and that mod ` +
    `${countOf(n, 'registered server')} is ${home} (counting from 0)`;
  if (walk.slot < 0) t.rule = `${where}, and no server in the list can take it.`;
  else if (walk.passed.length === 0) t.rule = `${where}: ${nameOf(pool, walk.slot)}, its home.`;
  else {
    t.rule =
      `${where}; it probes on down the list past ${listInWords(walk.passed)} to ` +
      `${nameOf(pool, walk.slot)}.`;
  }
  return walk.slot;
}
