import { serializeScenario } from '../engine/scenario/serialize.ts';
import type { Scenario, ServerChanges, ServerSpec } from '../engine/scenario/types.ts';
import type { SimCommand } from '../worker/protocol.ts';

/**
 * Setup edits as undo and redo replay them. A SimCommand names a server by slot, which is only
 * meaningful for the run at hand; steps name it instead, and are turned back into commands with
 * the slots of the moment they are applied.
 */
export type EditStep =
  | Extract<SimCommand, { type: 'addServer' | 'setStrategy' | 'setCache' | 'setService' }>
  | Extract<SimCommand, { type: 'setKeys' | 'setSeed' | 'setResilience' }>
  | Extract<SimCommand, { type: 'setShedding' | 'setContention' }>
  | Extract<SimCommand, { type: 'setAutoscaling' | 'setCost' | 'setSlo' | 'setTraffic' }>
  | { readonly type: 'updateServer'; readonly server: string; readonly changes: ServerChanges }
  | {
      readonly type: 'removeServer' | 'killServer' | 'crashServer' | 'reviveServer';
      readonly server: string;
    };

/** What an accepted edit did, both ways; null when it cannot be undone without a reload. */
export interface EditPlan {
  readonly forward: readonly EditStep[];
  readonly backward: readonly EditStep[];
}

/** Commands that change the setup (the others send traffic). */
export function isSetupEdit(cmd: SimCommand): boolean {
  // A latency spike passes by itself: it is an event of the run, not part of the setup; a live
  // closed-loop population is traffic, like the steady rate.
  return (
    cmd.type !== 'fireBurst' &&
    cmd.type !== 'setRate' &&
    cmd.type !== 'spikeServer' &&
    cmd.type !== 'setPopulation'
  );
}

/**
 * The steps that redo and undo `cmd`, given the setup just before it and the name of each slot
 * then. Only the fields the command touched are put back, so undo never disturbs what scheduled
 * events changed meanwhile.
 */
export function planEdit(
  cmd: SimCommand,
  before: Scenario,
  nameOf: (slot: number) => string | undefined,
): EditPlan | null {
  const spec = (name: string | undefined): ServerSpec | undefined =>
    before.servers.find((s) => s.name === name);
  switch (cmd.type) {
    case 'addServer':
      return {
        forward: [cmd],
        backward: [{ type: 'removeServer', server: cmd.spec.name }],
      };
    case 'updateServer': {
      const old = spec(nameOf(cmd.slot));
      if (!old) return null;
      const previous: Record<string, unknown> = {};
      for (const key of Object.keys(cmd.changes) as Array<keyof ServerChanges>) {
        previous[key] = old[key];
      }
      const renamed = cmd.changes.name ?? old.name;
      return {
        forward: [{ type: 'updateServer', server: old.name, changes: cmd.changes }],
        backward: [{ type: 'updateServer', server: renamed, changes: previous as ServerChanges }],
      };
    }
    case 'removeServer': {
      const old = spec(nameOf(cmd.slot));
      // Adding puts a server last; one removed from elsewhere would come back in another place
      // (round robin's order would change), so that undo reloads the setup instead.
      if (!old || before.servers[before.servers.length - 1] !== old) return null;
      return {
        forward: [{ type: 'removeServer', server: old.name }],
        backward: [{ type: 'addServer', spec: old }],
      };
    }
    case 'killServer':
    case 'crashServer':
    case 'reviveServer': {
      const old = spec(nameOf(cmd.slot));
      if (!old) return null;
      const back = old.up ? 'reviveServer' : 'killServer';
      return {
        forward: [{ type: cmd.type, server: old.name }],
        backward: [{ type: back, server: old.name }],
      };
    }
    case 'setStrategy':
      return {
        forward: [cmd],
        backward: [
          {
            type: 'setStrategy',
            strategy: before.strategy,
            options: before.strategyOptions,
            ...(before.customStrategy ? { code: before.customStrategy.code } : {}),
          },
        ],
      };
    case 'setCache':
      return { forward: [cmd], backward: [{ type: 'setCache', cache: before.cache }] };
    case 'setService':
      return { forward: [cmd], backward: [{ type: 'setService', service: before.service }] };
    case 'setKeys':
      return { forward: [cmd], backward: [{ type: 'setKeys', keys: before.keys }] };
    case 'setSeed':
      return { forward: [cmd], backward: [{ type: 'setSeed', seed: before.seed }] };
    case 'setResilience':
      return {
        forward: [cmd],
        backward: [{ type: 'setResilience', resilience: before.resilience }],
      };
    case 'setShedding':
      return { forward: [cmd], backward: [{ type: 'setShedding', shedding: before.shedding }] };
    case 'setContention':
      return {
        forward: [cmd],
        backward: [{ type: 'setContention', contention: before.contention }],
      };
    case 'setAutoscaling':
      return {
        forward: [cmd],
        backward: [{ type: 'setAutoscaling', autoscaling: before.autoscaling ?? null }],
      };
    case 'setCost':
      return { forward: [cmd], backward: [{ type: 'setCost', cost: before.cost ?? null }] };
    case 'setSlo':
      return { forward: [cmd], backward: [{ type: 'setSlo', slo: before.slo ?? null }] };
    case 'setTraffic':
      return {
        forward: [cmd],
        backward: [{ type: 'setTraffic', traffic: serializeScenario(before).traffic ?? [] }],
      };
    case 'fireBurst':
    case 'setRate':
    case 'spikeServer':
    case 'setPopulation':
      return { forward: [], backward: [] };
  }
}

/** The command for a step with the current slots; null when its server is not there. */
export function stepCommand(
  step: EditStep,
  slotOf: (name: string) => number | undefined,
): SimCommand | null {
  if (!('server' in step)) return step;
  const slot = slotOf(step.server);
  if (slot === undefined) return null;
  if (step.type === 'updateServer') return { type: step.type, slot, changes: step.changes };
  return { type: step.type, slot };
}
