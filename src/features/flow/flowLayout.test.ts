import { describe, expect, it } from 'vitest';
import { elide, layoutFlow } from './flowLayout.ts';

describe('layoutFlow', () => {
  it('gives each of a few servers a detailed card inside the width', () => {
    const l = layoutFlow(600, 3);
    expect(l.mode).toBe('detail');
    expect(l.cells).toHaveLength(3);
    for (const c of l.cells) expect(c.x + c.w).toBeLessThanOrEqual(600);
    expect(l.bin.y).toBeGreaterThan(l.balancer.y + l.balancer.h / 2);
  });

  it('packs 100 servers into columns without overlap, on a phone too', () => {
    for (const width of [360, 620]) {
      const l = layoutFlow(width, 100);
      expect(l.mode).toBe('compact');
      expect(l.cells).toHaveLength(100);
      for (const c of l.cells) {
        expect(c.x + c.w).toBeLessThanOrEqual(width);
        expect(c.y + c.h).toBeLessThanOrEqual(l.height);
      }
      const rows = new Set(l.cells.map((c) => `${Math.round(c.x)},${Math.round(c.y)}`));
      expect(rows.size).toBe(100);
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
