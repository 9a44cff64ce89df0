/*
 * Least connections sends each request to the healthy server with the fewest requests in service
 * or waiting; ties go to the first server in the list. It adapts when some requests take longer or
 * some servers are slower, but it counts requests, not capacity, so a big server with a few
 * requests looks as busy as a small one that is full.
 */
import type { PoolView } from '../poolView.ts';
import type { Rng } from '../random.ts';
import type { PickContext, Strategy, StrategyInfo } from './strategy.ts';

export const leastConnectionsInfo: StrategyInfo = {
  name: 'least-connections',
  label: 'Least connections',
  explanation:
    'Least connections sends each request to the healthy server with the fewest requests in ' +
    'service or waiting; ties go to the first server in the list. It adapts when some requests take ' +
    'longer or some servers are slower, but it counts requests, not capacity, so a big server with ' +
    'a few requests looks as busy as a small one that is full.',
};

/** Slots per load unit in a tree key: key = load * SLOT_RANGE + slot, so ties fall to the lower slot. */
const SLOT_RANGE = 2 ** 20;

/**
 * The choice is a minimum over the pool; instead of scanning every server per request it keeps a
 * tournament tree of (load, slot) keys, updated in O(log n) when a server changes. Slots are
 * handed out in registry order, so the lowest slot among equals is the first in the list.
 */
export class LeastConnectionsStrategy implements Strategy {
  readonly name = 'least-connections' as const;
  private tree = new Float64Array(0);
  private leaves = 0;
  private builtFor: PoolView | null = null;
  private builtSize = -1;

  pick(pool: PoolView, _ctx: PickContext, _rng: Rng): number {
    if (this.builtFor !== pool || this.builtSize !== pool.size) this.build(pool);
    const root = this.tree[1]!;
    return root === Infinity ? -1 : root % SLOT_RANGE;
  }

  onServerChange(pool: PoolView, slot: number): void {
    if (this.builtFor !== pool || this.builtSize !== pool.size) return; // rebuilt on the next pick
    const tree = this.tree;
    let i = this.leaves + slot;
    tree[i] = keyOf(pool, slot);
    for (i >>= 1; i >= 1; i >>= 1) {
      const l = tree[2 * i]!;
      const r = tree[2 * i + 1]!;
      const min = l < r ? l : r;
      // Ancestors only change while the minimum does; usually a busy server is not the minimum.
      if (tree[i] === min) break;
      tree[i] = min;
    }
  }

  private build(pool: PoolView): void {
    let leaves = 1;
    while (leaves < pool.size) leaves *= 2;
    const tree = new Float64Array(2 * leaves).fill(Infinity);
    for (let slot = 0; slot < pool.size; slot++) tree[leaves + slot] = keyOf(pool, slot);
    for (let i = leaves - 1; i >= 1; i--) tree[i] = Math.min(tree[2 * i]!, tree[2 * i + 1]!);
    this.tree = tree;
    this.leaves = leaves;
    this.builtFor = pool;
    this.builtSize = pool.size;
  }
}

function keyOf(pool: PoolView, slot: number): number {
  if (pool.healthy[slot] !== 1) return Infinity;
  return (pool.active[slot]! + pool.queued[slot]!) * SLOT_RANGE + slot;
}
