import { CostMeter, type CostSpec } from '../metrics/costMeter.ts';
import { SloTracker, type SloSpec } from '../metrics/sloTracker.ts';
import type { SimCore } from './simCore.ts';
import type { FleetCounts } from './fleetMeasure.ts';
import { SERVED } from './simCore.ts';

/** Prices used to keep the meter running while the setup has no `cost`. */
const UNPRICED: CostSpec = { pricePerServerHour: 0.1, pricePerMillionRequests: null };

/**
 * What a run is held to: its bill (the scenario's `cost`: servers running, starting or draining,
 * integrated over time) and its latency objective (`slo`: each ended request, good or a miss).
 * The server-hours are always counted (a few operations per change of the fleet, none per
 * request), so pricing a run mid-way bills it from the start; the SLO counts from when it is set.
 */
export class Objectives {
  private readonly meter: CostMeter;
  /** The scenario's `cost`, or null when the run is not priced. */
  private costSpec: CostSpec | null;
  slo: SloTracker | null;
  /** When the SLO in force was set (0, or the moment of a live change). */
  sloSince = 0;

  constructor(private readonly core: SimCore) {
    const scenario = core.scenario;
    this.costSpec = scenario.cost ?? null;
    this.meter = new CostMeter(scenario.cost ?? UNPRICED);
    this.slo = scenario.slo ? new SloTracker(scenario.slo) : null;
  }

  /** The bill's meter while the run is priced, else null. */
  get cost(): CostMeter | null {
    return this.costSpec === null ? null : this.meter;
  }

  /** Prices the run (the new prices apply to the whole bill), or stops pricing it. */
  setCost(spec: CostSpec | null): void {
    this.costSpec = spec;
    this.meter.spec = spec ?? UNPRICED;
  }

  /** A new objective, counted from now; null: none. */
  setSlo(spec: SloSpec | null): void {
    this.slo =
      spec === null ? null : new SloTracker(spec, undefined, undefined, undefined, this.core.now);
    this.sloSince = this.core.now;
  }

  /**
   * Request `r` ended (called for every one when an SLO is set; r is -1 for a rejection). Only a
   * served request has a latency: rejected, failed and timed out all miss the objective.
   */
  requestEnded(outcome: number, r: number): void {
    const core = this.core;
    this.slo!.onEnd(core.now, outcome === SERVED ? core.now - core.requests.arrival[r]! : null);
  }

  /** The fleet changed: the bill runs on from now at the new count (the autoscaler's `running`). */
  fleetChanged(counts: FleetCounts): void {
    this.meter.setCount(this.core.now, counts.running);
  }
}
