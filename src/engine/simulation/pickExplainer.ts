import { newPickTrace, resetPickTrace, type PickTrace } from '../strategies/strategy.ts';
import type { SimCore } from './simCore.ts';

/**
 * "Why this server?": one sampled routing decision per sample interval is traced by its strategy
 * (the candidates it looked at and the score of each) and kept, with what the balancer then did,
 * for the inspector. Every other pick runs untraced, so the hot path pays one comparison.
 */
export class PickExplainer {
  /** Simulated time from which the next dispatch is traced; Infinity when explaining is off. */
  nextAt: number;
  private readonly trace = newPickTrace();

  constructor(
    private readonly core: SimCore,
    on: boolean,
  ) {
    this.nextAt = on ? 0 : Infinity;
  }

  /** Starts tracing the pick being made now; the next is due an interval later. */
  begin(): PickTrace {
    const core = this.core;
    resetPickTrace(this.trace);
    this.nextAt = core.now + core.sampleIntervalMs;
    return this.trace;
  }

  /** Keeps the traced pick with what became of it. */
  record(
    id: number,
    attempt: number,
    balancer: number,
    slot: number,
    placed: boolean,
    stale: boolean,
  ): void {
    const core = this.core;
    const pool = core.pool;
    let outcome = 'sent';
    if (slot < 0) outcome = 'the strategy had no server to offer: rejected';
    else if (!placed)
      outcome = stale
        ? 'the server was full although this balancer’s stale load said otherwise: rejected'
        : 'the server was full: rejected';
    else if (pool.up[slot] === 0)
      outcome = 'sent, but the server is down: the connection is refused';
    else if (pool.partitioned[slot] === 1)
      outcome = 'sent, but the server is unreachable: it hangs';
    core.metrics.picks.record(
      core.now,
      id,
      attempt,
      balancer,
      core.balancers.strategyName,
      slot,
      this.trace,
      outcome,
    );
  }
}
