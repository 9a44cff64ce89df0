import type { Simulation } from './simulation.ts';

/** The `--json` summary's `autoscaling`: the changes made and the pool's size over the run. */
export interface AutoscalingSummary {
  readonly policy: string;
  /** The most recent changes (up to 1,000), oldest first. */
  readonly actions: ReadonlyArray<{
    readonly at: number;
    readonly from: number;
    readonly to: number;
    readonly reason: string;
  }>;
  /** The count the autoscaler manages (in the pool, ready or not, and starting), over time. */
  readonly servers: {
    readonly min: number;
    readonly max: number;
    /** Time-weighted over the run. */
    readonly mean: number;
    readonly final: number;
  };
}

/** The `--json` summary's `cost`. */
export interface CostSummary {
  /** Servers running, starting or draining, integrated over the run. */
  readonly serverHours: number;
  readonly dollars: number;
  /** Dollars per million served requests; null before any was served. */
  readonly dollarsPerMillion: number | null;
}

/** The `--json` summary's `slo`. */
export interface SloSummary {
  readonly thresholdMs: number;
  readonly objective: number;
  /** Share of ended requests served within the threshold; null before any ended. */
  readonly attainment: number | null;
  /** Share of the error budget not spent (negative once overspent); null before any ended. */
  readonly budgetLeft: number | null;
  /** One-minute windows whose attainment fell below the objective. */
  readonly windowsBroken: number;
}

const round = (v: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

/** The three parts a run has when its scenario asks for them (none otherwise). */
export function scalingSummary(sim: Simulation): {
  autoscaling?: AutoscalingSummary;
  cost?: CostSummary;
  slo?: SloSummary;
} {
  const out: { autoscaling?: AutoscalingSummary; cost?: CostSummary; slo?: SloSummary } = {};
  const scaler = sim.autoscaler;
  if (scaler.spec !== null) {
    const s = scaler.ledger.serverStats(sim.now);
    out.autoscaling = {
      policy: scaler.spec.policy,
      actions: scaler.actions.map((a) => ({
        at: round(a.at, 3),
        from: a.from,
        to: a.to,
        reason: a.reason,
      })),
      servers: { min: s.min, max: s.max, mean: round(s.mean, 3), final: s.final },
    };
  }
  const cost = sim.objectives.cost;
  if (cost !== null) {
    const m = sim.metrics;
    const r = cost.report(sim.now, m.arrived, m.served);
    out.cost = {
      serverHours: round(r.serverHours, 4),
      dollars: round(r.dollars, 4),
      dollarsPerMillion: r.dollarsPerMillion === null ? null : round(r.dollarsPerMillion, 4),
    };
  }
  const slo = sim.objectives.slo;
  if (slo !== null) {
    slo.moveTo(sim.now);
    const r = slo.report();
    out.slo = {
      thresholdMs: r.thresholdMs,
      objective: r.objective,
      attainment: r.attainment === null ? null : round(r.attainment, 5),
      budgetLeft: r.budgetLeft === null ? null : round(r.budgetLeft, 5),
      windowsBroken: r.windowsBroken,
    };
  }
  return out;
}
