import { describe, expect, it } from 'vitest';
import { elide, fitName, layoutFlow, wrapLabel, type FlowCell } from './flowLayout.ts';

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

describe('fitName', () => {
  it('keeps 12 px where the name fits, shrinks a long one down to 9 px before cutting it', () => {
    expect(fitName('Server-A', 200)).toEqual({ text: 'Server-A', px: 12 });
    // 21 characters in 160 px: 160 / (21 × 0.62) = 12.3 px, so 12 px fits.
    expect(fitName('Database-Replica-West', 160)).toEqual({
      text: 'Database-Replica-West',
      px: 12,
    });
    // In 130 px it needs 130 / 13.02 = 9.98 px: smaller, still whole.
    const phone = fitName('Database-Replica-West', 130);
    expect(phone.text).toBe('Database-Replica-West');
    expect(phone.px).toBeCloseTo(9.98, 2);
    // In 100 px even 9 px (5.58 px a character) holds only 17 characters.
    expect(fitName('Database-Replica-West', 100)).toEqual({ text: 'Database-Replica…', px: 9 });
  });
});

describe('wrapLabel', () => {
  it('puts a strategy name on two lines rather than cutting it', () => {
    expect(wrapLabel('least connections', 16)).toEqual(['least', 'connections']);
    expect(wrapLabel('weighted round robin', 16)).toEqual(['weighted round', 'robin']);
    expect(wrapLabel('power of two choices', 12)).toEqual(['power of two', 'choices']);
    expect(wrapLabel('round robin', 16)).toEqual(['round robin']);
    expect(wrapLabel('maglev', 12)).toEqual(['maglev']);
  });

  it('fits "least connections" in the balancer box at every width', () => {
    for (const width of [320, 390, 768, 1280]) {
      const room = (layoutFlow(width, 3).balancer.w - 8) / 6.3; // as FlowView: 10.5 px type
      expect(wrapLabel('least connections', room)).toEqual(['least', 'connections']);
    }
  });

  it('elides only what two lines cannot hold', () => {
    expect(wrapLabel('a very long strategy name indeed', 8)).toEqual(['a very', 'long st…']);
    expect(wrapLabel('supercalifragilistic', 10)).toEqual(['supercali…']);
  });
});
