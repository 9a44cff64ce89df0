import { describe, expect, it } from 'vitest';
import type { ServerSnapshot } from '../../worker/protocol.ts';
import { cellOfServer, groupServers } from './flowGroups.ts';
import { COMPACT_MAX_ROWS, flowCellLimit, layoutFlow } from './flowLayout.ts';

/** A pool of `n` servers: server i has capacity 3, i % 4 in service, down when i % 10 is 9. */
function pool(n: number): ServerSnapshot[] {
  return Array.from(
    { length: n },
    (_, i) =>
      ({
        slot: i,
        name: `node-${i + 1}`,
        up: i % 10 !== 9,
        healthy: i % 10 !== 9 && i % 4 !== 3,
        active: i % 4,
        queued: 0,
        capacity: 3,
      }) as ServerSnapshot,
  );
}

describe('groupServers', () => {
  it('draws every server by itself while they fit', () => {
    expect(groupServers(pool(120), 120)).toBeNull();
  });

  it('splits ten thousand servers into neighbouring groups whose totals add up', () => {
    const servers = pool(10_000);
    const groups = groupServers(servers, 120)!;
    expect(groups).toHaveLength(120);
    const sizes = groups.map((g) => g.size);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(groups[0]).toMatchObject({ from: 0, firstName: 'node-1' });
    expect(groups[119]).toMatchObject({ to: 9_999, lastName: 'node-10000' });
    const total = (f: (g: (typeof groups)[number]) => number) =>
      groups.reduce((sum, g) => sum + f(g), 0);
    expect(total((g) => g.capacity)).toBe(30_000);
    expect(total((g) => g.active)).toBe(servers.reduce((sum, s) => sum + s.active, 0));
    expect(total((g) => g.down)).toBe(1_000);
    // Up and without room: i % 4 = 3 and i % 10 ≠ 9.
    expect(total((g) => g.full)).toBe(servers.filter((s) => s.up && !s.healthy).length);
  });

  it('sends each server’s dots to the box of the group that holds it', () => {
    for (const [n, cells] of [
      [10_000, 120],
      [121, 120],
      [1_000, 37],
    ] as const) {
      for (const g of groupServers(pool(n), cells)!) {
        expect(cellOfServer(g.from, n, cells)).toBe(g.index);
        expect(cellOfServer(g.to, n, cells)).toBe(g.index);
      }
    }
    expect(cellOfServer(5, 10, null)).toBe(5);
  });
});

describe('flowCellLimit', () => {
  it('keeps the picture of any pool to a bounded height', () => {
    for (const width of [360, 620, 1200]) {
      const limit = flowCellLimit(width);
      const l = layoutFlow(width, limit);
      expect(l.cells).toHaveLength(limit);
      expect(l.height).toBeLessThanOrEqual(COMPACT_MAX_ROWS * 19 + 16);
      for (const c of l.cells) expect(c.x + c.w).toBeLessThanOrEqual(width);
    }
  });
});
