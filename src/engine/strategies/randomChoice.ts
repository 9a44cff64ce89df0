/*
 * Random sends each request to a healthy server chosen with equal chance. It needs no shared state,
 * so it is cheap and many balancers can use it side by side, but pure luck gives some servers runs
 * of extra work while others sit idle, and those pile-ups get worse as the load gets heavy.
 */
import type { PoolView } from '../poolView.ts';
import type { Rng } from '../random.ts';
import { nameOf, traceCandidate, traceKeepChosen } from './pickTrace.ts';
import type { PickContext, PickTrace, Strategy, StrategyInfo } from './strategy.ts';

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

  pick(pool: PoolView, ctx: PickContext, rng: Rng): number {
    const count = pool.healthyCount;
    if (count <= 0) return -1;
    // One draw per pick, mapped to the k-th healthy member in registry order, so a run is
    // reproducible from its seed and the same draw means the same server in every engine.
    const draw = rng.int(count);
    let k = draw;
    const members = pool.members;
    const healthy = pool.healthy;
    for (let i = 0, n = members.length; i < n; i++) {
      const slot = members[i]!;
      if (healthy[slot] === 1 && k-- === 0) {
        if (ctx.trace !== null) explain(pool, ctx.trace, slot, draw);
        return slot;
      }
    }
    return -1;
  }
}

/** Every healthy server had the same chance; the draw alone decided. */
function explain(pool: PoolView, t: PickTrace, chosen: number, draw: number): void {
  const count = pool.healthyCount;
  for (const slot of pool.members) if (pool.healthy[slot] === 1) traceCandidate(t, slot, 1 / count);
  traceKeepChosen(t, chosen, 1 / count);
  t.considered = count;
  t.scoreName = 'chance of being picked';
  t.lowerWins = false;
  t.rule =
    count === 1
      ? `${nameOf(pool, chosen)} is the only healthy server, so the draw had one outcome.`
      : `Picked uniformly at random among the ${count} healthy servers (each 1/${count}): the ` +
        `draw was ${draw}, counting from 0 in list order, which is ${nameOf(pool, chosen)}.`;
}
