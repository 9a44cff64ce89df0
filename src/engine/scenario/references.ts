import { fmt } from './fields.ts';
import type { ScenarioProblem } from './problems.ts';

/**
 * Checks that span several entries, which a per-field schema cannot see: server names are unique,
 * and scheduled events name servers that exist when they fire. They read the raw input
 * defensively, skipping whatever the schema already reports as malformed, so every problem is
 * listed at once without one bad field cascading into others.
 */

type Rec = Record<string, unknown>;

function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function own(o: Rec, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** A server name as the schema will accept it (trimmed, 1..64 characters), or null. */
function nameOf(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const name = v.trim();
  return name.length >= 1 && name.length <= 64 ? name : null;
}

const q = (name: string) => JSON.stringify(name);

export function checkReferences(
  input: unknown,
  defaultNames: readonly string[],
): ScenarioProblem[] {
  if (!isRecord(input)) return [];
  const problems: ScenarioProblem[] = [];
  const servers = own(input, 'servers');
  let names: string[] | null = null;
  if (servers === undefined) names = [...defaultNames];
  else if (Array.isArray(servers)) {
    const first = new Map<string, number>();
    let complete = true;
    for (let i = 0; i < servers.length; i++) {
      const s: unknown = servers[i];
      const name = isRecord(s) ? nameOf(own(s, 'name')) : null;
      if (name === null) {
        complete = false;
        continue;
      }
      const j = first.get(name);
      if (j === undefined) first.set(name, i);
      else {
        problems.push({
          path: `servers[${i}].name`,
          message: `must be unique: ${q(name)} is also the name of servers[${j}]`,
        });
      }
    }
    // With a server whose name is unreadable, references to it would be reported wrongly.
    if (complete) names = [...first.keys()];
  }
  const events = own(input, 'events');
  if (names !== null && Array.isArray(events)) problems.push(...checkEvents(events, names));
  return problems;
}

interface RawEvent {
  readonly index: number;
  readonly at: number;
  readonly action: string;
  readonly server: string | null;
  /** add: the new server's name; update: the new name it sets, if any. */
  readonly newName: string | null;
}

function readEvents(events: readonly unknown[]): { list: RawEvent[]; timed: boolean } {
  const list: RawEvent[] = [];
  let timed = true;
  for (let index = 0; index < events.length; index++) {
    const e: unknown = events[index];
    if (!isRecord(e)) continue;
    const action = own(e, 'action');
    if (typeof action !== 'string') continue;
    const at = own(e, 'at');
    if (typeof at !== 'number' || !Number.isFinite(at)) timed = false;
    const spec = own(e, 'spec');
    const set = own(e, 'set');
    const newName =
      action === 'add' && isRecord(spec)
        ? nameOf(own(spec, 'name'))
        : action === 'update' && isRecord(set)
          ? nameOf(own(set, 'name'))
          : null;
    list.push({ index, at: Number(at), action, server: nameOf(own(e, 'server')), newName });
  }
  return { list, timed };
}

const NEEDS_SERVER = new Set(['kill', 'drain', 'crash', 'spike', 'revive', 'update', 'remove']);

/**
 * Replays the events in the order the engine fires them (by time, ties in file order), tracking
 * which names exist. When some event has no usable time, it only checks that each name exists at
 * some point (the time problem is reported by the schema).
 */
function checkEvents(events: readonly unknown[], names: readonly string[]): ScenarioProblem[] {
  const { list, timed } = readEvents(events);
  const problems: ScenarioProblem[] = [];
  const ever = new Set(names);
  for (const e of list) if (e.newName !== null) ever.add(e.newName);
  const live = new Set(names);
  const order = timed ? [...list].sort((a, b) => a.at - b.at || a.index - b.index) : list;
  for (const e of order) {
    const where = ` at ${fmt(e.at)} ms`;
    if (e.action === 'add' && e.newName !== null) {
      if (!timed) continue;
      if (live.has(e.newName)) {
        problems.push({
          path: `events[${e.index}].spec.name`,
          message: `a server named ${q(e.newName)} already exists${where}`,
        });
      } else live.add(e.newName);
    } else if (NEEDS_SERVER.has(e.action) && e.server !== null) {
      const exists = timed ? live.has(e.server) : ever.has(e.server);
      if (!exists) {
        problems.push({
          path: `events[${e.index}].server`,
          message: ever.has(e.server)
            ? `no server named ${q(e.server)} exists${where}`
            : `no server named ${q(e.server)}`,
        });
      } else if (timed && e.action === 'remove') live.delete(e.server);
      else if (timed && e.action === 'update' && e.newName !== null && e.newName !== e.server) {
        if (live.has(e.newName)) {
          problems.push({
            path: `events[${e.index}].set.name`,
            message: `a server named ${q(e.newName)} already exists${where}`,
          });
        } else {
          live.delete(e.server);
          live.add(e.newName);
        }
      }
    }
  }
  return problems;
}
