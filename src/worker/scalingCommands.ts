import { parseScenario } from '../engine/scenario/schema.ts';
import { serializeScenario } from '../engine/scenario/serialize.ts';
import type { Scenario } from '../engine/scenario/types.ts';
import type { Simulation } from '../engine/simulation.ts';
import type { SimCommand } from './protocol.ts';

export type ScalingCommand = Extract<
  SimCommand,
  { type: 'setAutoscaling' | 'setCost' | 'setSlo' | 'setTraffic' }
>;

/** What a scaling command did to the setup, or why it was refused. */
export type ScalingEdit =
  | { readonly ok: true; readonly patch: Partial<Scenario>; readonly restart: boolean }
  | { readonly ok: false; readonly message: string };

/**
 * Autoscaling, cost and SLO changes take effect in the running simulation at once; new traffic
 * is the run's schedule, so the setup changes and the run starts over (`restart`). Each is checked
 * by parsing the setup with the change written in, so the worker refuses what a file would.
 */
export function scalingEdit(cmd: ScalingCommand, setup: Scenario, sim: Simulation): ScalingEdit {
  const field =
    cmd.type === 'setAutoscaling'
      ? 'autoscaling'
      : cmd.type === 'setCost'
        ? 'cost'
        : cmd.type === 'setSlo'
          ? 'slo'
          : 'traffic';
  const value =
    cmd.type === 'setAutoscaling'
      ? cmd.autoscaling
      : cmd.type === 'setCost'
        ? cmd.cost
        : cmd.type === 'setSlo'
          ? cmd.slo
          : cmd.traffic;
  const parsed = parseScenario({ ...serializeScenario(setup), [field]: value ?? null });
  if (!parsed.ok)
    return { ok: false, message: parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ') };
  const next = parsed.scenario;
  switch (cmd.type) {
    case 'setAutoscaling':
      sim.setAutoscaling(next.autoscaling ?? null);
      return { ok: true, patch: { autoscaling: next.autoscaling }, restart: false };
    case 'setCost':
      sim.setCost(next.cost ?? null);
      return { ok: true, patch: { cost: next.cost }, restart: false };
    case 'setSlo':
      sim.setSlo(next.slo ?? null);
      return { ok: true, patch: { slo: next.slo }, restart: false };
    case 'setTraffic':
      return { ok: true, patch: { traffic: next.traffic }, restart: true };
  }
}
