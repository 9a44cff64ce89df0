/**
 * Which per-server rows the run summary shows. A long table pushes everything under it off the
 * screen (a hundred servers made it 3,000 px tall), so past SHOW_ALL_UP_TO servers it shows the
 * busiest and the least busy few by utilization, the spread that matters, until asked for all.
 */

/** Up to this many servers every row shows. */
export const SHOW_ALL_UP_TO = 12;
/** Rows at each end of a collapsed table. */
export const ENDS = 5;

/** The rows to show: slots in order, with `gapAfter` the position after which rows are left out. */
export interface SummaryRows {
  readonly slots: readonly number[];
  /** Rows are left out after slots[gapAfter] (null: nothing is left out). */
  readonly gapAfter: number | null;
  /** How many rows are left out. */
  readonly hidden: number;
}

/**
 * Every slot when `all` or the pool is small; otherwise the ENDS busiest then the ENDS least
 * busy servers by `utilization` (ties in slot order), busiest first.
 */
export function summaryRows(utilization: readonly number[], all: boolean): SummaryRows {
  const n = utilization.length;
  const slots = Array.from({ length: n }, (_, i) => i);
  if (all || n <= SHOW_ALL_UP_TO) return { slots, gapAfter: null, hidden: 0 };
  slots.sort((a, b) => utilization[b]! - utilization[a]! || a - b);
  return {
    slots: [...slots.slice(0, ENDS), ...slots.slice(n - ENDS)],
    gapAfter: ENDS - 1,
    hidden: n - 2 * ENDS,
  };
}
