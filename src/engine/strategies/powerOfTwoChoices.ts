/*
 * Power of two choices picks two healthy servers at random and sends the request to the less busy
 * of the two. That tiny bit of choice removes almost all of random's pile-ups while looking at only
 * two servers, so it stays cheap on huge pools; it is slightly less even than least connections,
 * and like it, it counts requests rather than how fast each server is.
 */
import type { PoolView } from '../poolView.ts';
import type { Rng } from '../random.ts';
import { formatScore, nameOf, traceCandidate, traceKeepChosen } from './pickTrace.ts';
import type {
  PickContext,
  PickTrace,
  Strategy,
  StrategyInfo,
  StrategyOptions,
} from './strategy.ts';

export const powerOfTwoChoicesInfo: StrategyInfo = {
  name: 'power-of-two-choices',
  label: 'Power of two choices',
  explanation:
    'Power of two choices picks two healthy servers at random and sends the request to the less ' +
    "busy of the two. That tiny bit of choice removes almost all of random's pile-ups while " +
    'looking at only two servers, so it stays cheap on huge pools; it is slightly less even than ' +
    'least connections, and like it, it counts requests rather than how fast each server is.',
};

/** Reads and checks the number of servers to sample (d). */
export function choicesOption(options: StrategyOptions | undefined): number {
  const d = options?.choices ?? 2;
  if (!Number.isInteger(d) || d < 1) {
    throw new RangeError(`choices must be an integer of at least 1, got ${d}`);
  }
  return d;
}

/**
 * Draws up to d distinct healthy members uniformly at random, without allocating per draw.
 *
 * It runs a partial Fisher–Yates shuffle over its own copy of the member list and leaves the copy
 * shuffled between picks: each step takes a uniform element of the part not yet drawn, whatever
 * order that part is in, so the sample is uniform and a pick costs O(d) draws rather than a scan of
 * the pool. Unhealthy members that come up are skipped, which keeps the sample uniform over the
 * healthy ones. When d or fewer servers are healthy, all of them are taken in registry order.
 */
export class HealthySampler {
  /** The sampled slots, in the order they were drawn; `sample` returns how many. */
  out = new Int32Array(0);
  private perm = new Int32Array(0);
  private permLength = 0;
  private version = -1;

  sample(pool: PoolView, rng: Rng, d: number): number {
    const members = pool.members;
    const healthy = pool.healthy;
    const out = this.ensureOut(Math.min(d, members.length));
    let n = 0;
    if (pool.healthyCount <= d) {
      for (let i = 0, m = members.length; i < m; i++) {
        const slot = members[i]!;
        if (healthy[slot] === 1) out[n++] = slot;
      }
      return n;
    }
    this.follow(pool);
    for (let k = 0, m = this.permLength; k < m && n < d; k++) {
      const slot = this.drawAt(k, rng);
      if (healthy[slot] === 1) out[n++] = slot;
    }
    return n;
  }

  /**
   * `sample` with d = 2 and more than two healthy, and the less loaded of the pair (the first on
   * ties): the same draws and the same shuffle, without the output array (the common pick).
   */
  lessLoadedOfTwo(pool: PoolView, rng: Rng): number {
    const healthy = pool.healthy;
    this.follow(pool);
    let first = -1;
    for (let k = 0, m = this.permLength; k < m; k++) {
      const slot = this.drawAt(k, rng);
      if (healthy[slot] !== 1) continue;
      if (first < 0) first = slot;
      else {
        const load = pool.active[slot]! + pool.queued[slot]!;
        return load < pool.active[first]! + pool.queued[first]! ? slot : first;
      }
    }
    return first;
  }

  /** Step k of the partial Fisher–Yates shuffle: a uniform member of perm[k..], swapped to k. */
  private drawAt(k: number, rng: Rng): number {
    const perm = this.perm;
    const r = k + rng.int(this.permLength - k);
    const slot = perm[r]!;
    perm[r] = perm[k]!;
    perm[k] = slot;
    return slot;
  }

  /** Copies the member list again if the pool's membership changed since the last copy. */
  private follow(pool: PoolView): void {
    if (pool.version !== this.version || this.permLength !== pool.members.length)
      this.copyMembers(pool);
  }

  private ensureOut(length: number): Int32Array {
    if (this.out.length < length) this.out = new Int32Array(Math.max(length, this.out.length * 2));
    return this.out;
  }

  private copyMembers(pool: PoolView): void {
    const members = pool.members;
    if (this.perm.length < members.length) {
      this.perm = new Int32Array(Math.max(members.length, pool.size, this.perm.length * 2));
    }
    for (let i = 0; i < members.length; i++) this.perm[i] = members[i]!;
    this.permLength = members.length;
    this.version = pool.version;
  }
}

/**
 * Mitzenmacher's "power of d choices": sample d distinct healthy servers, keep the one with the
 * fewest outstanding requests (first sampled on ties). d = 1 is plain random; d at least the
 * number of healthy servers is least connections.
 */
export class PowerOfTwoChoicesStrategy implements Strategy {
  readonly name = 'power-of-two-choices' as const;
  readonly choices: number;
  private readonly sampler = new HealthySampler();

  constructor(options?: StrategyOptions) {
    this.choices = choicesOption(options);
  }

  pick(pool: PoolView, ctx: PickContext, rng: Rng): number {
    if (this.choices === 2 && ctx.trace === null && pool.healthyCount > 2)
      return this.sampler.lessLoadedOfTwo(pool, rng);
    const n = this.sampler.sample(pool, rng, this.choices);
    const sampled = this.sampler.out;
    const active = pool.active;
    const queued = pool.queued;
    let best = -1;
    let bestLoad = Infinity;
    for (let i = 0; i < n; i++) {
      const slot = sampled[i]!;
      const load = active[slot]! + queued[slot]!;
      if (load < bestLoad) {
        best = slot;
        bestLoad = load;
      }
    }
    if (ctx.trace !== null) {
      const t = ctx.trace;
      for (let i = 0; i < n; i++)
        traceCandidate(t, sampled[i]!, active[sampled[i]!]! + queued[sampled[i]!]!);
      traceKeepChosen(t, best, bestLoad);
      t.scoreName = 'active + queued';
      explainSample(pool, t, n, best, bestLoad, 'fewest requests in service or waiting');
    }
    return best;
  }
}

/**
 * The rule sentence shared by the sampling strategies: how many were drawn out of how many, and
 * which one won by the lowest score (the first drawn on ties).
 */
export function explainSample(
  pool: PoolView,
  t: PickTrace,
  sampled: number,
  best: number,
  bestScore: number,
  measure: string,
  describe: (score: number) => string = formatScore,
): void {
  t.considered = sampled;
  t.lowerWins = true;
  const healthy = pool.healthyCount;
  const drawn =
    sampled >= healthy
      ? healthy === 1
        ? 'The only healthy server was drawn'
        : `All ${healthy} healthy servers were compared`
      : `${sampled} of the ${healthy} healthy servers ${sampled === 1 ? 'was' : 'were'} drawn at random`;
  t.rule =
    best < 0
      ? `${drawn}, and none could take the request.`
      : `${drawn}; ${nameOf(pool, best)} has the ${measure} (${describe(bestScore)}) and wins, ` +
        `the first drawn on ties.`;
}
