import type { Scenario, ServerSpec } from '../engine/scenario/types.ts';

/**
 * What changed between two versions of the setup, small enough to cross to the page in place of
 * the whole setup: the top-level fields that are new, and the servers that are new at their
 * place. A crash in a pool of 10,000 is then one server, not 10,000 copied and read again.
 *
 * It relies on the setup being edited with structural sharing, as LiveSetup does: an edit makes
 * new objects only for what it changes, so "changed" is "not the same object" here.
 */
export interface SetupDelta {
  /** The setup version this delta starts from (the page must hold exactly that one). */
  readonly base: number;
  /** Top-level fields, servers excepted, that changed ("absent" for one removed). */
  readonly fields: Readonly<Record<string, unknown>>;
  /** Top-level fields removed from the setup (autoscaling, cost or slo turned off). */
  readonly removed: readonly string[];
  /** The servers list's new length, when the list changed. */
  readonly serverCount: number | null;
  /** The servers new at their place: [index, spec]. */
  readonly servers: ReadonlyArray<readonly [number, ServerSpec]>;
}

/** Beyond this many changed servers the whole setup is sent instead (a removal mid-list, a load). */
export const MAX_CHANGED_SERVERS = 64;

/** The delta from `before` (version `base`) to `after`; null when sending `after` whole is better. */
export function diffSetup(base: number, before: Scenario, after: Scenario): SetupDelta | null {
  const fields: Record<string, unknown> = {};
  const removed: string[] = [];
  const old = before as unknown as Record<string, unknown>;
  const now = after as unknown as Record<string, unknown>;
  for (const key of Object.keys(now)) {
    if (key !== 'servers' && !Object.is(old[key], now[key])) fields[key] = now[key];
  }
  for (const key of Object.keys(old)) if (!(key in now)) removed.push(key);
  if (before.servers === after.servers)
    return { base, fields, removed, serverCount: null, servers: [] };
  const servers: Array<readonly [number, ServerSpec]> = [];
  for (let i = 0; i < after.servers.length; i++) {
    if (before.servers[i] === after.servers[i]) continue;
    if (servers.length === MAX_CHANGED_SERVERS) return null;
    servers.push([i, after.servers[i]!]);
  }
  return { base, fields, removed, serverCount: after.servers.length, servers };
}

/**
 * `base` with `delta` applied, sharing every unchanged part (the servers list is copied as
 * references only, its unchanged servers are the same objects).
 */
export function applySetupDelta(base: Scenario, delta: SetupDelta): Scenario {
  const next: Record<string, unknown> = { ...base, ...delta.fields };
  for (const key of delta.removed) delete next[key];
  if (delta.serverCount !== null) {
    const servers = base.servers.slice(0, delta.serverCount);
    for (const [i, spec] of delta.servers) servers[i] = spec;
    next.servers = servers;
  }
  return next as unknown as Scenario;
}

/**
 * Whether applying `delta` changed nothing a file of the setup would show: every field and
 * server it carries equals (as JSON) what `base` had. Cheap: it reads only what the delta holds.
 */
export function deltaIsNoChange(base: Scenario, delta: SetupDelta): boolean {
  if (delta.removed.length > 0) return false;
  if (delta.serverCount !== null && delta.serverCount !== base.servers.length) return false;
  const old = base as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(delta.fields))
    if (JSON.stringify(old[key]) !== JSON.stringify(value)) return false;
  for (const [i, spec] of delta.servers)
    if (JSON.stringify(base.servers[i]) !== JSON.stringify(spec)) return false;
  return true;
}

/** How a holder of one setup version reaches the current one: nothing, a delta, or the whole. */
export interface SetupUpdate {
  readonly version: number;
  /** The whole setup, when no delta could be made (null: see `delta`). */
  readonly setup: Scenario | null;
  /** The changes from the holder's version (null with `setup` null: it is already current). */
  readonly delta: SetupDelta | null;
}

/**
 * The worker's memory of the last few setup versions it sent, so the next send can be a delta
 * against what the page holds. The setups are shared, not copied, so this costs a few references.
 */
export class SetupVersions {
  private readonly held = new Map<number, Scenario>();

  constructor(private readonly limit = 8) {}

  /** What a holder of version `known` (null: none) needs to reach `setup` at `version`. */
  update(known: number | null | undefined, version: number, setup: Scenario): SetupUpdate {
    if (known === version && this.held.get(version) === setup)
      return { version, setup: null, delta: null };
    const before = known === null || known === undefined ? undefined : this.held.get(known);
    const delta = before === undefined ? null : diffSetup(known!, before, setup);
    this.held.delete(version);
    this.held.set(version, setup);
    while (this.held.size > this.limit) this.held.delete(this.held.keys().next().value!);
    return { version, setup: delta === null ? setup : null, delta };
  }
}
