/*
 * Random sends each request to a healthy server chosen with equal chance. It needs no shared state,
 * so it is cheap and many balancers can use it side by side, but pure luck gives some servers runs
 * of extra work while others sit idle, and those pile-ups get worse as the load gets heavy.
 */
import type { PoolView } from '../poolView.ts';
import type { Rng } from '../random.ts';
import type { PickContext, Strategy, StrategyInfo } from './strategy.ts';

export const randomInfo: StrategyInfo = {
  name: 'random',
  label: 'Random',
  explanation:
    'Random sends each request to a healthy server chosen with equal chance. It needs no shared ' +
    'state, so it is cheap and many balancers can use it side by side, but pure luck gives some ' +
    'servers runs of extra work while others sit idle, and those pile-ups get worse as the load gets heavy.',
};

export class RandomStrategy implements Strategy {
  readonly name = 'random' as const;

  pick(pool: PoolView, _ctx: PickContext, rng: Rng): number {
    const count = pool.healthyCount;
    if (count <= 0) return -1;
    // One draw per pick, mapped to the k-th healthy member in registry order, so a run is
    // reproducible from its seed and the same draw means the same server in every engine.
    let k = rng.int(count);
    const members = pool.members;
    const healthy = pool.healthy;
    for (let i = 0, n = members.length; i < n; i++) {
      const slot = members[i]!;
      if (healthy[slot] === 1 && k-- === 0) return slot;
    }
    return -1;
  }
}
