import { describe, expect, it } from 'vitest';
import type { CompareVariantResult } from '../../worker/protocol.ts';
import { bestColumns, COMPARE_ROWS, visibleRows } from './compareRows.ts';

/** A column with just the figures the rows read. */
function column(served: number, p99: number | null, hitRate: number | null, failed = 0) {
  return {
    summary: {
      requests: { total: 100, served, rejected: 100 - served, failed, timedOut: 0 },
      latencyMs: { p50: p99, p99, p999: p99 },
      cache: { hitRate },
    },
    spread: { maxMinusMin: 0.1, cv: 0.2 },
  } as unknown as CompareVariantResult;
}

const row = (id: string) => COMPARE_ROWS.find((r) => r.id === id)!;

describe('bestColumns', () => {
  it('marks the highest where higher is better and the lowest where lower is', () => {
    const cols = [column(90, 300, 0.5), column(95, 200, 0.4), column(80, 400, 0.6)];
    expect([...bestColumns(row('served'), cols)]).toEqual([1]);
    expect([...bestColumns(row('rejected'), cols)]).toEqual([1]);
    expect([...bestColumns(row('p99'), cols)]).toEqual([1]);
    expect([...bestColumns(row('hitRate'), cols)]).toEqual([2]);
  });

  it('marks every column that ties as shown', () => {
    // 200.2 ms and 199.9 ms both read "200 ms".
    const cols = [column(90, 200.2, null), column(90, 199.9, null), column(80, 300, null)];
    expect([...bestColumns(row('p99'), cols)]).toEqual([0, 1]);
    expect([...bestColumns(row('served'), cols)]).toEqual([0, 1]);
  });

  it('marks nothing without two values or without a direction', () => {
    const cols = [column(90, null, null), column(95, 100, null)];
    expect(bestColumns(row('hitRate'), cols).size).toBe(0);
    expect(bestColumns(row('p50'), cols).size).toBe(0);
    expect(bestColumns(row('total'), cols).size).toBe(0);
  });
});

describe('visibleRows', () => {
  it('shows failures only when a column has some', () => {
    expect(visibleRows([column(90, 1, 1), column(90, 1, 1)]).map((r) => r.id)).not.toContain(
      'failed',
    );
    expect(visibleRows([column(90, 1, 1), column(90, 1, 1, 3)]).map((r) => r.id)).toContain(
      'failed',
    );
  });
});
