import type { ServerSnapshot } from '../../worker/protocol.ts';

/**
 * Pools too large to draw one box per server are drawn as groups of neighbouring servers (in the
 * servers list's order), each box adding up its members: a picture of ten thousand servers is a
 * few dozen boxes whose load, queue and down counts are still true, and a dot routed to a server
 * lands on its group's box.
 */
export interface FlowGroup {
  /** Index of the group, and of its box in the layout. */
  readonly index: number;
  /** Its first and last members (by position in the servers list), inclusive. */
  readonly from: number;
  readonly to: number;
  readonly firstName: string;
  readonly lastName: string;
  readonly size: number;
  readonly active: number;
  readonly queued: number;
  readonly capacity: number;
  /** Members down, and members up but with no room (in service and queue). */
  readonly down: number;
  readonly full: number;
}

/**
 * Splits `servers` into `cells` groups of neighbours as equal as can be (sizes differ by at most
 * one). Returns null when every server fits a box of its own.
 */
export function groupServers(
  servers: readonly ServerSnapshot[],
  cells: number,
): FlowGroup[] | null {
  const n = servers.length;
  if (n <= cells) return null;
  const groups: FlowGroup[] = [];
  for (let g = 0; g < cells; g++) {
    const from = Math.floor((g * n) / cells);
    const to = Math.floor(((g + 1) * n) / cells) - 1;
    let active = 0;
    let queued = 0;
    let capacity = 0;
    let down = 0;
    let full = 0;
    for (let i = from; i <= to; i++) {
      const s = servers[i]!;
      active += s.active;
      queued += s.queued;
      capacity += s.capacity;
      if (!s.up) down++;
      else if (!s.healthy) full++;
    }
    groups.push({
      index: g,
      from,
      to,
      firstName: servers[from]!.name,
      lastName: servers[to]!.name,
      size: to - from + 1,
      ...{ active, queued, capacity, down, full },
    });
  }
  return groups;
}

/** Which box each server's dots land on: its own (no groups), or its group's. */
export function cellOfServer(position: number, servers: number, groups: number | null): number {
  if (groups === null) return position;
  // The inverse of groupServers' split: the last group whose first member is at or before it.
  return Math.min(groups - 1, Math.floor(((position + 1) * groups - 1) / servers));
}
