import { describe, expect, it } from 'vitest';
import { elide, layoutFlow, type FlowCell } from './flowLayout.ts';

/** Whether two boxes share any area (touching edges do not count). */
const overlap = (a: FlowCell, b: FlowCell) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Every pair of cells that overlaps, as "i,j". */
function overlapping(cells: readonly FlowCell[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < cells.length; i++)
    for (let j = i + 1; j < cells.length; j++)
      if (overlap(cells[i]!, cells[j]!)) out.push(`${i},${j}`);
  return out;
}

describe('layoutFlow', () => {
  it('gives each of a few servers a detailed card inside the width', () => {
    const l = layoutFlow(600, 3);
    expect(l.mode).toBe('detail');
    expect(l.cells).toHaveLength(3);
    for (const c of l.cells) expect(c.x + c.w).toBeLessThanOrEqual(600);
    expect(overlapping(l.cells)).toEqual([]);
    expect(l.bin.y).toBeGreaterThan(l.balancer.y + l.balancer.h / 2);
  });

  it('packs 100 servers into columns without overlap, on a phone too', () => {
    for (const width of [360, 620]) {
      const l = layoutFlow(width, 100);
      expect(l.mode).toBe('compact');
      expect(l.cells).toHaveLength(100);
      const balancerRight = l.balancer.x + l.balancer.w / 2;
      for (const c of l.cells) {
        expect(c.x).toBeGreaterThan(balancerRight);
        expect(c.x + c.w).toBeLessThanOrEqual(width);
        expect(c.y).toBeGreaterThanOrEqual(0);
        expect(c.y + c.h).toBeLessThanOrEqual(l.height);
      }
      expect(overlapping(l.cells)).toEqual([]);
    }
  });
});

describe('elide', () => {
  it('keeps short names and shortens long ones at the end or in the middle', () => {
    expect(elide('Server-A', 10)).toBe('Server-A');
    expect(elide('Server-Alpha-1', 8)).toBe('Server-…');
    expect(elide('Server-47', 7, 'middle')).toBe('Ser…-47');
  });
});
