/*
 * Round robin hands requests to the healthy servers in turn, like dealing cards. It is fair when
 * servers and requests are alike, but it ignores how busy each server is: a slow server or a run of
 * long requests still gets its full share, and a small server gets as much as a big one.
 */
import type { PoolView } from '../poolView.ts';
import type { Rng } from '../random.ts';
import { countOf, nameOf, traceCandidate } from './pickTrace.ts';
import type { PickContext, PickTrace, Strategy, StrategyInfo } from './strategy.ts';

export const roundRobinInfo: StrategyInfo = {
  name: 'round-robin',
  label: 'Round robin',
  explanation:
    'Round robin hands requests to the healthy servers in turn, like dealing cards. It is fair when ' +
    'servers and requests are alike, but it ignores how busy each server is: a slow server or a run ' +
    'of long requests still gets its full share, and a small server gets as much as a big one.',
};

/**
 * The original Python demo's round robin, kept exactly: one counter indexes the list of servers
 * that are healthy right now, so the rotation shifts whenever a server fills up or comes back.
 * The demo's quirks are the point of comparison, so they are not "fixed" here.
 */
export class RoundRobinStrategy implements Strategy {
  readonly name = 'round-robin' as const;
  private counter = 0;

  pick(pool: PoolView, ctx: PickContext, _rng: Rng): number {
    const count = pool.healthyCount;
    if (count <= 0) return -1;
    if (ctx.trace !== null) this.explain(pool, ctx.trace);
    // Walk to the k-th healthy member instead of building the healthy list, so a pick allocates
    // nothing; the demo's list was in registry order, which is the order of pool.members.
    let k = this.counter % count;
    const members = pool.members;
    const healthy = pool.healthy;
    for (let i = 0, n = members.length; i < n; i++) {
      const slot = members[i]!;
      if (healthy[slot] === 1 && k-- === 0) {
        this.counter++;
        return slot;
      }
    }
    return -1;
  }

  /**
   * Lists the healthy servers from the one whose turn it is onwards, each with its place in the
   * healthy list (registry order), which is what the counter indexes.
   */
  private explain(pool: PoolView, t: PickTrace): void {
    const list: number[] = [];
    for (const slot of pool.members) if (pool.healthy[slot] === 1) list.push(slot);
    const count = list.length;
    const k = this.counter % count;
    for (let i = 0; i < count; i++) traceCandidate(t, list[(k + i) % count]!, (k + i) % count);
    t.considered = count;
    t.scoreName = 'place in the healthy list';
    t.lowerWins = false;
    t.rule =
      `The counter is at ${this.counter}, and ${this.counter} mod ` +
      `${countOf(count, 'healthy server')} is ` +
      `place ${k} (counting from 0) in list order, so ${nameOf(pool, list[k]!)} is next in turn.`;
  }
}
