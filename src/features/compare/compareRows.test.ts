import { describe, expect, it } from 'vitest';
import type { CompareVariantResult } from '../../worker/protocol.ts';
import { bestColumns, COMPARE_ROWS, visibleRows } from './compareRows.ts';

/** A column with just the figures the rows read, out of `total` requests. */
function column(
  served: number,
  p99: number | null,
  hitRate: number | null,
  { failed = 0, total = 10_000, inFlight = 0, lookups = 10_000 } = {},
) {
  const hits = hitRate === null ? 0 : Math.round(hitRate * lookups);
  return {
    summary: {
      requests: {
        total,
        served,
        rejected: total - served - inFlight - failed,
        failed,
        timedOut: 0,
        inFlight,
      },
      latencyMs: { p50: p99, p99, p999: p99 },
      cache: { hitRate, hits, misses: hitRate === null ? 0 : lookups - hits },
    },
    spread: { maxMinusMin: 0.1, cv: 0.2 },
  } as unknown as CompareVariantResult;
}

const row = (id: string) => COMPARE_ROWS.find((r) => r.id === id)!;

describe('bestColumns', () => {
  it('marks the highest where higher is better and the lowest where lower is', () => {
    const cols = [column(9000, 300, 0.5), column(9500, 200, 0.4), column(8000, 400, 0.6)];
    expect([...bestColumns(row('served'), cols)]).toEqual([1]);
    expect([...bestColumns(row('rejected'), cols)]).toEqual([1]);
    expect([...bestColumns(row('p99'), cols)]).toEqual([1]);
    expect([...bestColumns(row('hitRate'), cols)]).toEqual([2]);
  });

  it('marks no best on a difference of 15 in 498,000 left by requests in flight at the cut-off', () => {
    const a = column(497_900, 410, null, { total: 498_000, inFlight: 40 });
    const b = column(497_885, 415, null, { total: 498_000, inFlight: 55 });
    expect(bestColumns(row('served'), [a, b]).size).toBe(0);
    // 1.2% apart: within the histogram's resolution (1% each), whatever the sample size.
    expect(bestColumns(row('p99'), [a, b]).size).toBe(0);
    // Far apart, the better one is marked.
    const c = column(480_000, 900, null, { total: 498_000, inFlight: 50 });
    expect([...bestColumns(row('served'), [a, b, c])]).toEqual([0, 1]);
    expect([...bestColumns(row('p99'), [a, b, c])]).toEqual([0, 1]);
  });

  it('shares the star among columns within noise of the best', () => {
    // 9,500 and 9,480 of 10,000 are within the binomial margin (about 60); 9,000 is not.
    const cols = [column(9500, 200.2, null), column(9480, 199.9, null), column(9000, 300, null)];
    expect([...bestColumns(row('served'), cols)]).toEqual([0, 1]);
    expect([...bestColumns(row('p99'), cols)]).toEqual([0, 1]);
  });

  it('marks no percentile with too few requests above it to say (the classic demo’s 9)', () => {
    const cols = [column(9, 560, null, { total: 10 }), column(8, 900, null, { total: 10 })];
    expect(bestColumns(row('p99'), cols).size).toBe(0);
    // One request more of ten is chance too.
    expect(bestColumns(row('served'), cols).size).toBe(0);
  });

  it('tells hit rates apart by their lookups', () => {
    const few = [column(9000, 1, 0.5, { lookups: 40 }), column(9000, 1, 0.6, { lookups: 40 })];
    expect(bestColumns(row('hitRate'), few).size).toBe(0);
    const many = [column(9000, 1, 0.5), column(9000, 1, 0.6)];
    expect([...bestColumns(row('hitRate'), many)]).toEqual([1]);
  });

  it('marks nothing without two values or without a direction', () => {
    const cols = [column(9000, null, null), column(9500, 100, null)];
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
    expect(
      visibleRows([column(90, 1, 1), column(90, 1, 1, { failed: 3 })]).map((r) => r.id),
    ).toContain('failed');
  });
});
