import { CostMeter } from '../metrics/costMeter.ts';
import { SloTracker } from '../metrics/sloTracker.ts';
import type { SimCore } from './simCore.ts';
import { SERVED } from './simCore.ts';

/**
 * What a run is held to: its bill (the scenario's `cost`: servers running, starting or draining,
 * integrated over time) and its latency objective (`slo`: each ended request, good or a miss).
 * Both off when the scenario does not ask for them.
 */
export class Objectives {
  readonly cost: CostMeter | null;
  readonly slo: SloTracker | null;

  constructor(private readonly core: SimCore) {
    const scenario = core.scenario;
    this.cost = scenario.cost ? new CostMeter(scenario.cost) : null;
    this.slo = scenario.slo ? new SloTracker(scenario.slo) : null;
  }

  /** A request ended (called for every one when an SLO is set). */
  requestEnded(outcome: number, latencyMs: number): void {
    this.slo!.onEnd(this.core.now, outcome === SERVED ? latencyMs : null);
  }

  /** The fleet changed: the bill runs on from now at the new count. */
  fleetChanged(): void {
    const cost = this.cost;
    if (cost === null) return;
    const pool = this.core.pool;
    let running = this.core.autoscaler.starting.length;
    for (const slot of pool.members) if (pool.up[slot] === 1) running++;
    cost.setCount(this.core.now, running);
  }
}
