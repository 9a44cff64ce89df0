/*
 * Peak EWMA keeps a running average of each server's latency that jumps up at once on a slow reply
 * and drifts back down over time, multiplies it by the server's requests in progress, and sends the
 * request to the lower-scored of two random healthy servers (Twitter Finagle's balancer). It steers
 * away from a server the moment it turns slow, even before its queue builds up; the price is that a
 * server with no recent replies looks cheap and gets probed again now and then.
 */
import type { PoolView } from '../poolView.ts';
import type { Rng } from '../random.ts';
import { formatScore, traceCandidate, traceKeepChosen } from './pickTrace.ts';
import { HealthySampler, choicesOption, explainSample } from './powerOfTwoChoices.ts';
import type { PickContext, Strategy, StrategyInfo, StrategyOptions } from './strategy.ts';

export const peakEwmaInfo: StrategyInfo = {
  name: 'peak-ewma',
  label: 'Peak EWMA',
  explanation:
    "Peak EWMA keeps a running average of each server's latency that jumps up at once on a slow " +
    "reply and drifts back down over time, multiplies it by the server's requests in progress, and " +
    "sends the request to the lower-scored of two random healthy servers (Twitter Finagle's " +
    'balancer). It steers away from a server the moment it turns slow, even before its queue builds ' +
    'up; the price is that a server with no recent replies looks cheap and gets probed again now and then.',
};

/**
 * The load of a server that has requests out but no latency history yet: Finagle's
 * Long.MaxValue >> 16, large enough that any measured server wins, small enough that adding the
 * outstanding count still orders unmeasured servers among themselves.
 */
export const PEAK_EWMA_PENALTY = 2 ** 47 - 1;

/** A cost for a rule sentence; the penalty is named rather than shown as a 15-digit number. */
function describeCost(score: number): string {
  return score >= PEAK_EWMA_PENALTY
    ? 'a penalty: requests out, no reply measured yet'
    : formatScore(score);
}

/** Reads and checks the decay time constant. */
function decayOption(options: StrategyOptions | undefined): number {
  const tau = options?.decayMs ?? 10_000;
  if (!(tau > 0) || !Number.isFinite(tau)) {
    throw new RangeError(`decayMs must be a positive number, got ${tau}`);
  }
  return tau;
}

/**
 * com.twitter.finagle.loadbalancer.PeakEwma with the p2c selection of Balancers.p2cPeakEwma. The
 * cost is an exponentially weighted moving average of latency whose weight depends on the time
 * since the last observation, because replies arrive unevenly; it takes any higher latency at once,
 * so a slowing server is avoided immediately rather than after many slow replies.
 */
export class PeakEwmaStrategy implements Strategy {
  readonly name = 'peak-ewma' as const;
  readonly choices: number;
  /** Time constant of the decay, in simulated ms. */
  readonly tau: number;
  private cost = new Float64Array(0);
  private stamp = new Float64Array(0);
  private readonly sampler = new HealthySampler();

  constructor(options?: StrategyOptions) {
    this.choices = choicesOption(options);
    this.tau = decayOption(options);
  }

  pick(pool: PoolView, ctx: PickContext, rng: Rng): number {
    if (this.cost.length < pool.size) this.grow(pool.size);
    const n = this.sampler.sample(pool, rng, this.choices);
    const sampled = this.sampler.out;
    let best = -1;
    let bestScore = Infinity;
    for (let i = 0; i < n; i++) {
      const slot = sampled[i]!;
      const score = this.load(pool, slot, ctx.now);
      if (ctx.trace !== null) traceCandidate(ctx.trace, slot, score);
      if (score < bestScore) {
        best = slot;
        bestScore = score;
      }
    }
    if (ctx.trace !== null) {
      traceKeepChosen(ctx.trace, best, bestScore);
      ctx.trace.scoreName = 'cost = EWMA latency (ms) × (active + queued + 1)';
      explainSample(pool, ctx.trace, n, best, bestScore, 'lowest cost', describeCost);
    }
    return best;
  }

  onComplete(slot: number, latencyMs: number, now: number): void {
    if (slot >= this.cost.length) this.grow(slot + 1);
    this.observe(slot, latencyMs, now);
  }

  /**
   * The score Finagle compares: cost times (outstanding + 1), as if this request were added. Like
   * Finagle it first observes a zero latency, so a server that has not replied for a while sees its
   * cost decay and gets tried again instead of being shunned forever after one slow reply.
   */
  load(pool: PoolView, slot: number, now: number): number {
    if (slot >= this.cost.length) this.grow(Math.max(slot + 1, pool.size));
    this.observe(slot, 0, now);
    const cost = this.cost[slot]!;
    const outstanding = pool.active[slot]! + pool.queued[slot]!;
    if (cost === 0 && outstanding !== 0) return PEAK_EWMA_PENALTY + outstanding;
    return cost * (outstanding + 1);
  }

  /** The slot's current cost (latency estimate in ms), without decaying it. */
  costOf(slot: number): number {
    return this.cost[slot] ?? 0;
  }

  private observe(slot: number, rtt: number, now: number): void {
    const cost = this.cost;
    const elapsed = Math.max(now - this.stamp[slot]!, 0);
    const w = Math.exp(-elapsed / this.tau);
    const c = cost[slot]!;
    cost[slot] = rtt > c ? rtt : c * w + rtt * (1 - w);
    this.stamp[slot] = now;
  }

  private grow(size: number): void {
    const length = Math.max(size, this.cost.length * 2);
    const cost = new Float64Array(length);
    const stamp = new Float64Array(length);
    cost.set(this.cost);
    stamp.set(this.stamp);
    this.cost = cost;
    this.stamp = stamp;
  }
}
