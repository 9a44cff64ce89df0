/*
 * Least connections sends each request to the healthy server with the fewest requests in service
 * or waiting; ties go to the first server in the list. It adapts when some requests take longer or
 * some servers are slower, but it counts requests, not capacity, so a big server with a few
 * requests looks as busy as a small one that is full.
 */
import type { PoolView } from '../poolView.ts';
import type { Rng } from '../random.ts';
import { countOf, loadOf, nameOf, traceCandidate, traceKeepChosen } from './pickTrace.ts';
import {
  MAX_TRACE_CANDIDATES,
  type PickContext,
  type PickTrace,
  type Strategy,
  type StrategyInfo,
} from './strategy.ts';

export const leastConnectionsInfo: StrategyInfo = {
  name: 'least-connections',
  label: 'Least connections',
  explanation:
    'Least connections sends each request to the healthy server with the fewest requests in ' +
    'service or waiting; ties go to the first server in the list. It adapts when some requests take ' +
    'longer or some servers are slower, but it counts requests, not capacity, so a big server with ' +
    'a few requests looks as busy as a small one that is full.',
};

/**
 * The choice is a minimum over the pool; instead of scanning every server per request it keeps
 * the healthy servers in buckets by load (one bitset of slots per load), moved in O(1) when a
 * server changes. A request goes to the lowest set bit of the lowest non-empty bucket: slots are
 * handed out in registry order, so that is the first of the least loaded servers in the list.
 */
export class LeastConnectionsStrategy implements Strategy {
  readonly name = 'least-connections' as const;
  /** bits[load * words + w]: bit b set when slot 32w + b is healthy with that load. */
  private bits = new Int32Array(0);
  /** Healthy servers per load. */
  private counts = new Int32Array(0);
  /** The bucket each slot is in, or -1 when it is in none (unhealthy). */
  private level = new Int32Array(0);
  private words = 0;
  /** Lowest load with a server in it (meaningless when `healthy` is 0). */
  private min = 0;
  private healthy = 0;
  private builtFor: PoolView | null = null;
  private builtSize = -1;

  pick(pool: PoolView, ctx: PickContext, _rng: Rng): number {
    if (this.builtFor !== pool || this.builtSize !== pool.size) this.build(pool);
    if (this.healthy === 0) return -1;
    const words = this.words;
    const base = this.min * words;
    for (let w = 0; w < words; w++) {
      const word = this.bits[base + w]!;
      if (word !== 0) {
        const slot = w * 32 + (31 - Math.clz32(word & -word));
        if (ctx.trace !== null) explain(pool, ctx.trace, slot);
        return slot;
      }
    }
    return -1;
  }

  onServerChange(pool: PoolView, slot: number): void {
    if (this.builtFor !== pool || this.builtSize !== pool.size) return; // rebuilt on the next pick
    const from = this.level[slot]!;
    const to = pool.healthy[slot] === 1 ? pool.active[slot]! + pool.queued[slot]! : -1;
    if (from === to) return;
    if (from >= 0 && to >= 0) this.move(slot, from, to);
    else if (from >= 0) this.remove(slot, from);
    else this.insert(slot, to);
    this.level[slot] = to;
  }

  /**
   * A healthy server's load changed (a request came or went): out of one bucket and into another
   * with the healthy count unchanged. The target gains the slot first, so a search for the lowest
   * load stops there at most.
   */
  private move(slot: number, from: number, to: number): void {
    this.enter(slot, to);
    this.leave(slot, from);
    const counts = this.counts;
    if (to < this.min) this.min = to;
    else if (from === this.min && counts[from] === 0) while (counts[this.min] === 0) this.min++;
  }

  private insert(slot: number, load: number): void {
    this.enter(slot, load);
    if (this.healthy++ === 0 || load < this.min) this.min = load;
  }

  private remove(slot: number, load: number): void {
    this.leave(slot, load);
    if (--this.healthy > 0 && load === this.min) {
      // Loads move one step at a time, so the next bucket up is usually the answer.
      while (this.counts[this.min] === 0) this.min++;
    }
  }

  /** The slot's bit set in the bucket of `load`, and the bucket counted one more. */
  private enter(slot: number, load: number): void {
    if (load >= this.counts.length) this.growLevels(load + 1);
    this.bits[load * this.words + (slot >>> 5)]! |= 1 << (slot & 31);
    this.counts[load]!++;
  }

  /** The slot's bit cleared in the bucket of `load`, and the bucket counted one less. */
  private leave(slot: number, load: number): void {
    this.bits[load * this.words + (slot >>> 5)]! &= ~(1 << (slot & 31));
    this.counts[load]!--;
  }

  private build(pool: PoolView): void {
    this.words = Math.max(1, Math.ceil(pool.size / 32));
    this.counts = new Int32Array(16);
    this.bits = new Int32Array(16 * this.words);
    this.level = new Int32Array(pool.size).fill(-1);
    this.healthy = 0;
    this.min = 0;
    this.builtFor = pool;
    this.builtSize = pool.size;
    for (let slot = 0; slot < pool.size; slot++) this.onServerChange(pool, slot);
  }

  private growLevels(needed: number): void {
    let n = this.counts.length;
    while (n < needed) n *= 2;
    const counts = new Int32Array(n);
    counts.set(this.counts);
    const bits = new Int32Array(n * this.words);
    bits.set(this.bits);
    this.counts = counts;
    this.bits = bits;
  }
}

/** The least loaded healthy slots a traced pick keeps, and their loads (reused, not per pick). */
const keptSlots = new Int32Array(MAX_TRACE_CANDIDATES);
const keptLoads = new Int32Array(MAX_TRACE_CANDIDATES);

/**
 * The buckets hold no order to show, so a traced pick scans the pool instead: the least loaded
 * healthy servers first (registry order among equals), as many as a trace keeps. One pass keeps
 * the best few in order (slots are handed out in registry order, so ordering equals by slot is
 * registry order); sorting the whole pool for the few a trace shows cost more than the picks.
 */
function explain(pool: PoolView, t: PickTrace, chosen: number): void {
  const load = loadOf(pool, chosen);
  let healthyCount = 0;
  let tied = 0;
  let kept = 0;
  for (const slot of pool.members) {
    if (pool.healthy[slot] !== 1) continue;
    healthyCount++;
    const l = loadOf(pool, slot);
    if (l === load) tied++;
    let i = kept;
    if (i === MAX_TRACE_CANDIDATES) {
      const last = i - 1;
      if (l > keptLoads[last]! || (l === keptLoads[last]! && slot > keptSlots[last]!)) continue;
      i = last;
    } else kept++;
    while (
      i > 0 &&
      (l < keptLoads[i - 1]! || (l === keptLoads[i - 1]! && slot < keptSlots[i - 1]!))
    ) {
      keptSlots[i] = keptSlots[i - 1]!;
      keptLoads[i] = keptLoads[i - 1]!;
      i--;
    }
    keptSlots[i] = slot;
    keptLoads[i] = l;
  }
  for (let i = 0; i < kept; i++) traceCandidate(t, keptSlots[i]!, keptLoads[i]!);
  traceKeepChosen(t, chosen, load);
  t.considered = healthyCount;
  t.scoreName = 'active + queued';
  t.lowerWins = true;
  t.rule =
    tied > 1
      ? `${tied} healthy servers share the fewest requests (${load}); ties go to the first in the ` +
        `list, ${nameOf(pool, chosen)}.`
      : healthyCount === 1
        ? `${nameOf(pool, chosen)} is the only healthy server (${countOf(load, 'request')} in ` +
          'service or waiting).'
        : `${nameOf(pool, chosen)} has the fewest requests in service or waiting (${load}) of ` +
          `the ${healthyCount} healthy servers.`;
}
