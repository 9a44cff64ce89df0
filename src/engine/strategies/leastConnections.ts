/*
 * Least connections sends each request to the healthy server with the fewest requests in service
 * or waiting; ties go to the first server in the list. It adapts when some requests take longer or
 * some servers are slower, but it looks at every server on every request and counts requests, not
 * capacity, so a big server with a few requests looks as busy as a small one that is full.
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
    'longer or some servers are slower, but it looks at every server on every request and counts ' +
    'requests, not capacity, so a big server with a few requests looks as busy as a small one that is full.',
};

export class LeastConnectionsStrategy implements Strategy {
  readonly name = 'least-connections' as const;

  pick(pool: PoolView, _ctx: PickContext, _rng: Rng): number {
    const members = pool.members;
    const healthy = pool.healthy;
    const active = pool.active;
    const queued = pool.queued;
    let best = -1;
    let bestLoad = Infinity;
    for (let i = 0, n = members.length; i < n; i++) {
      const slot = members[i]!;
      if (healthy[slot] === 0) continue;
      const load = active[slot]! + queued[slot]!;
      // Strictly less keeps the first of equals, as Python's min() did in the demo. An idle server
      // cannot be beaten and is the first idle one, so the scan can stop there.
      if (load < bestLoad) {
        if (load === 0) return slot;
        best = slot;
        bestLoad = load;
      }
    }
    return best;
  }
}
