/*
 * Weighted round robin deals requests in proportion to each server's weight, spread out evenly
 * (nginx's "smooth" method): weights 5, 1, 1 give a a b a c a a rather than a a a a a b c. It shines
 * when servers differ in size by a known, fixed factor, but like plain round robin it never notices
 * that a server has become slow or busy.
 */
import type { PoolView } from '../poolView.ts';
import type { Rng } from '../random.ts';
import { formatScore, nameOf, traceCandidate, traceKeepChosen } from './pickTrace.ts';
import type { PickContext, PickTrace, Strategy, StrategyInfo } from './strategy.ts';

export const weightedRoundRobinInfo: StrategyInfo = {
  name: 'weighted-round-robin',
  label: 'Weighted round robin',
  explanation:
    "Weighted round robin deals requests in proportion to each server's weight, spread out evenly " +
    '(nginx\'s "smooth" method): weights 5, 1, 1 give a a b a c a a rather than a a a a a b c. It ' +
    'shines when servers differ in size by a known, fixed factor, but like plain round robin it ' +
    'never notices that a server has become slow or busy.',
};

/**
 * nginx's smooth weighted round robin (ngx_http_upstream_get_peer): every pick raises each healthy
 * server's running credit by its weight, the richest server wins and pays back the total. Over any
 * cycle each server wins exactly in proportion to its weight, and wins are interleaved rather than
 * bunched, so a heavy server is never hit by a burst of consecutive requests.
 */
export class WeightedRoundRobinStrategy implements Strategy {
  readonly name = 'weighted-round-robin' as const;
  /** Running credit per slot (nginx's current_weight). */
  private current = new Float64Array(0);
  private version = -1;

  pick(pool: PoolView, ctx: PickContext, _rng: Rng): number {
    if (pool.version !== this.version || this.current.length < pool.size) {
      // A new server list or new weights start a fresh cycle, as nginx does when an upstream is
      // reconfigured; old credit was earned under weights that no longer apply.
      this.version = pool.version;
      if (this.current.length < pool.size) this.current = new Float64Array(pool.size);
      else this.current.fill(0);
    }
    const current = this.current;
    const members = pool.members;
    const healthy = pool.healthy;
    const weight = pool.weight;
    let total = 0;
    let best = -1;
    let bestCredit = -Infinity;
    for (let i = 0, n = members.length; i < n; i++) {
      const slot = members[i]!;
      // Unhealthy servers earn no credit, so they do not come back with a backlog of turns.
      if (healthy[slot] === 0) continue;
      const w = weight[slot]!;
      const credit = current[slot]! + w;
      current[slot] = credit;
      total += w;
      // Strictly greater: the first of equals wins, as in nginx.
      if (credit > bestCredit) {
        best = slot;
        bestCredit = credit;
      }
    }
    if (best >= 0) current[best] = bestCredit - total;
    if (ctx.trace !== null) this.explain(pool, ctx.trace, best, bestCredit, total);
    return best;
  }

  /**
   * The credits as they were compared (after each healthy server earned its weight, before the
   * winner paid back the total), read back from the state the pick left.
   */
  private explain(pool: PoolView, t: PickTrace, best: number, bestCredit: number, total: number) {
    for (const slot of pool.members) {
      if (pool.healthy[slot] === 0) continue;
      t.considered++;
      traceCandidate(t, slot, slot === best ? bestCredit : this.current[slot]!);
    }
    traceKeepChosen(t, best, bestCredit);
    t.scoreName = 'credit (running credit + weight)';
    // Not "lowest wins": the highest credit does.
    t.lowerWins = false;
    if (best < 0) {
      t.rule = 'No healthy server to deal to.';
      return;
    }
    t.rule =
      `Every healthy server earned its weight in credit and the richest, ${nameOf(pool, best)} ` +
      `with ${formatScore(bestCredit)}, wins and pays back the total weight ${formatScore(total)}` +
      ` (ties go to the first in the list).`;
  }
}
