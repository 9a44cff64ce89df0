import type { Simulation } from '../engine/simulation.ts';
import type { ScalingSnapshot, SnapshotCursor } from './protocol.ts';

/** Changes listed in a snapshot: the panel shows the latest few. */
const RECENT_ACTIONS = 20;
/** Windows sent at most per snapshot (a week of minutes): the rest follows in later ones. */
const MAX_WINDOWS = 10_080;

/**
 * The autoscaler, the bill and the SLO as the page gets them, or null when the setup has none of
 * them. Series travel as typed arrays and only what the page does not have yet: fleet rows from
 * the newest it holds, SLO windows from the one that was still filling.
 */
export function buildScalingSnapshot(
  sim: Simulation,
  cursor: SnapshotCursor,
): ScalingSnapshot | null {
  const scaler = sim.autoscaler;
  const objectives = sim.objectives;
  const cost = objectives.cost;
  const slo = objectives.slo;
  if (!scaler.active && cost === null && slo === null) return null;
  const m = sim.metrics;
  let sloPart: ScalingSnapshot['slo'] = null;
  if (slo !== null) {
    slo.moveTo(sim.now);
    const from = Math.max(cursor.sloWindow ?? 0, slo.oldestWindow);
    const to = Math.min(slo.currentWindow + 1, from + MAX_WINDOWS);
    const n = Math.max(0, to - from);
    const good = new Float64Array(n);
    const ended = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const ring = (from + i) % slo.capacity;
      good[i] = slo.windowGood[ring]!;
      ended[i] = slo.windowEnded[ring]!;
    }
    sloPart = {
      ...slo.report(),
      since: objectives.sloSince,
      windowMs: slo.windowMs,
      fromWindow: from,
      good,
      ended,
      broken: slo.brokenWindows().slice(-RECENT_ACTIONS),
    };
  }
  return {
    counts: scaler.ledger.counts,
    decision: scaler.lastDecision,
    actions: scaler.actions.slice(-RECENT_ACTIONS),
    actionsTotal: scaler.actions.length,
    starting: scaler.starting.map((s) => ({ name: s.name, readyAt: s.readyAt })),
    fleet: scaler.ledger.series.copyFrom(cursor.fleetSince ?? -Infinity),
    cost: cost === null ? null : cost.report(sim.now, m.arrived, m.served),
    slo: sloPart,
  };
}

/** The buffers of a scaling snapshot, to transfer rather than copy. */
export function scalingTransferables(s: ScalingSnapshot | null): ArrayBuffer[] {
  if (s === null) return [];
  const arrays = [s.fleet, ...(s.slo ? [s.slo.good, s.slo.ended] : [])];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
