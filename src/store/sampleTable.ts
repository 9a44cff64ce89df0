/**
 * A table of samples over time in bounded memory: one row per sample interval until it holds
 * `capacity` rows, then neighbouring rows merge in pairs (the resolution halves) and samples
 * collect `2^level` to a row from then on. Any run length fits; the newest rows are never coarser
 * than the oldest. Each column says how two rows merge:
 * - `mean`: rates per second and sampled gauges. Two rows cover equally long spans, so the rate
 *   over both is the plain mean of their rates (requests/s stays requests/s).
 * - `max`: percentiles. A merged interval's true p99 is not derivable from two p99s, but it is
 *   never above the larger (at least 99% of each half lies below that half's p99), so the larger
 *   is an honest upper bound.
 * NaN means "no value" (no request finished; a span the page never received) and is skipped.
 */
export type Merge = 'mean' | 'max';

/** A column's values, one per row. */
export type Column = Float64Array | Float32Array;

function merge(rule: Merge, a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return rule === 'max' ? Math.max(a, b) : (a + b) / 2;
}

export class SampleTable {
  time: Float64Array;
  readonly columns: Column[] = [];
  /** Rows held. */
  rows = 0;
  /** Each row merges 2^level samples. */
  level = 0;
  /** The samples gathered for the next row: per column a sum (mean) or maximum, and a count. */
  private pendingTime = NaN;
  private pendingCount = 0;
  private readonly acc: number[] = [];
  private readonly finite: number[] = [];

  constructor(
    private capacity: number,
    private readonly rules: Merge[],
    private readonly float32 = false,
  ) {
    this.time = new Float64Array(capacity);
    for (let c = 0; c < rules.length; c++) {
      this.columns.push(this.column(capacity));
      this.acc.push(0);
      this.finite.push(0);
    }
  }

  /** Time of the newest sample taken in, or -Infinity. */
  get lastTime(): number {
    if (this.pendingCount > 0) return this.pendingTime;
    return this.rows > 0 ? this.time[this.rows - 1]! : -Infinity;
  }

  /** Simulated ms one row covers, given the sample interval. */
  rowMs(intervalMs: number): number {
    return intervalMs * 2 ** this.level;
  }

  /** One sample at `time` (after every earlier one), a value per column. */
  push(time: number, values: ArrayLike<number>): void {
    for (let c = 0; c < this.columns.length; c++) {
      const v = values[c] ?? NaN;
      if (Number.isNaN(v)) continue;
      const first = this.finite[c] === 0;
      if (this.rules[c] === 'mean') this.acc[c] = (first ? 0 : this.acc[c]!) + v;
      else this.acc[c] = first ? v : Math.max(this.acc[c]!, v);
      this.finite[c]!++;
    }
    this.pendingTime = time;
    this.pendingCount++;
    if (this.pendingCount >= 2 ** this.level) this.flush();
  }

  /** Ends the row being gathered even if it has fewer samples (before a gap in the data). */
  flush(): void {
    if (this.pendingCount === 0) return;
    const r = this.rows++;
    this.time[r] = this.pendingTime;
    for (let c = 0; c < this.columns.length; c++) {
      this.columns[c]![r] = this.pendingValue(c);
      this.finite[c] = 0;
    }
    this.pendingCount = 0;
    // Full: halve now, so the next row already gathers twice the samples (rows stay equally long).
    if (this.rows === this.capacity) this.halve();
  }

  /** The row being gathered (not yet in the table): its time and one value per column. */
  pending(): { time: number; values: number[] } | null {
    if (this.pendingCount === 0) return null;
    return { time: this.pendingTime, values: this.columns.map((_, c) => this.pendingValue(c)) };
  }

  private pendingValue(c: number): number {
    const n = this.finite[c]!;
    if (n === 0) return NaN;
    return this.rules[c] === 'mean' ? this.acc[c]! / n : this.acc[c]!;
  }

  /**
   * Adds `count` columns, `fill` in every row so far (and in the row being gathered), in one
   * block: a pool of ten thousand servers is one allocation and at most one shrink, never a copy
   * of every existing column per new column.
   */
  addColumns(count: number, rule: Merge, fill: number, capacity: number): void {
    if (count <= 0) return;
    if (capacity < this.capacity) this.shrink(capacity);
    const block = this.column(count * this.capacity);
    for (let k = 0; k < count; k++) {
      const col = block.subarray(k * this.capacity, (k + 1) * this.capacity);
      col.fill(fill, 0, this.rows);
      this.rules.push(rule);
      this.columns.push(col);
      // The samples already gathered for the next row had this value too.
      this.acc.push(rule === 'mean' ? fill * this.pendingCount : fill);
      this.finite.push(this.pendingCount);
    }
  }

  /** Merges neighbouring rows in pairs: half the rows, each covering twice the time. */
  private halve(): void {
    const n = this.rows;
    const half = Math.ceil(n / 2);
    for (let k = 0; k < half; k++) {
      const a = 2 * k;
      const b = Math.min(a + 1, n - 1);
      this.time[k] = this.time[b]!;
      for (let c = 0; c < this.columns.length; c++) {
        const col = this.columns[c]!;
        col[k] = b === a ? col[a]! : merge(this.rules[c]!, col[a]!, col[b]!);
      }
    }
    this.rows = half;
    this.level++;
  }

  /** Fewer rows fit (more columns share the memory): coarsen, then move to one smaller block. */
  private shrink(capacity: number): void {
    while (this.rows >= capacity) this.halve();
    this.capacity = capacity;
    this.time = this.time.slice(0, capacity);
    const block = this.column(this.columns.length * capacity);
    for (let c = 0; c < this.columns.length; c++) {
      const col = block.subarray(c * capacity, (c + 1) * capacity);
      col.set(this.columns[c]!.subarray(0, capacity));
      this.columns[c] = col;
    }
  }

  private column(capacity: number): Column {
    return this.float32 ? new Float32Array(capacity) : new Float64Array(capacity);
  }
}
