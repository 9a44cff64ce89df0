/**
 * A time series as readers see it: the last `capacity` values, oldest first (RingBuffer's reading
 * side, so either can stand behind a series).
 */
export interface SeriesReader {
  readonly capacity: number;
  readonly length: number;
  /** The i-th value held, 0 being the oldest. Throws RangeError outside [0, length). */
  get(i: number): number;
  /** The newest value, or undefined when empty. */
  last(): number | undefined;
  /** The values oldest→newest as a new plain array. */
  toArray(): number[];
  /** Copies the newest min(length, target.length) values, oldest first; returns how many. */
  copyTo(target: Float64Array): number;
}

/**
 * Many series sampled together, in one ring of rows: each sample interval writes one row of
 * `width` numbers (a typed-array copy for a whole pool's loads), so closing an interval costs a
 * few stores instead of a push per series, and nothing is allocated. Each column reads as a
 * SeriesReader. A column can be computed late: `resolve(row)` is called before a row is read
 * while `pending[row]` is set (interval quantiles are only worked out for samples someone reads).
 */
export class SampleTable<T extends Float64Array | Int32Array = Float64Array> {
  data: T;
  width: number;
  /** Rows whose late columns are still to be computed (set by the writer, cleared by resolve). */
  readonly pending: Uint8Array;
  /** Physical row of the oldest sample held. */
  private head = 0;
  private size = 0;

  constructor(
    readonly capacity: number,
    width: number,
    private readonly make: (n: number) => T,
    private readonly resolve: ((row: number) => void) | null = null,
  ) {
    if (!(Number.isInteger(capacity) && capacity > 0))
      throw new RangeError(`SampleTable capacity must be a positive integer, got ${capacity}`);
    this.width = width;
    this.data = make(capacity * width);
    this.pending = new Uint8Array(capacity);
  }

  /** Samples held now. */
  get length(): number {
    return this.size;
  }

  /** Starts a new sample (dropping the oldest when full) and returns its row's offset in `data`. */
  nextRow(): number {
    const cap = this.capacity;
    let row: number;
    if (this.size < cap) {
      row = this.head + this.size;
      if (row >= cap) row -= cap;
      this.size++;
    } else {
      row = this.head;
      this.head = row + 1 === cap ? 0 : row + 1;
    }
    this.pending[row] = 0;
    return row * this.width;
  }

  /** Physical row of the i-th sample held (0 = oldest), computing its late columns if pending. */
  row(i: number): number {
    if (!(i >= 0 && i < this.size && Number.isInteger(i)))
      throw new RangeError(`sample index ${i} out of range [0, ${this.size})`);
    let row = this.head + i;
    if (row >= this.capacity) row -= this.capacity;
    if (this.pending[row] === 1) {
      this.pending[row] = 0;
      this.resolve?.(row);
    }
    return row;
  }

  /** Makes room for `width` columns; new columns read 0 for the samples already held. */
  widen(width: number): void {
    if (width <= this.width) return;
    const next = this.make(this.capacity * width);
    for (let row = 0; row < this.capacity; row++)
      next.set(this.data.subarray(row * this.width, (row + 1) * this.width), row * width);
    this.data = next;
    this.width = width;
  }

  /** Column `c` as a series. */
  column(c: number): SeriesReader {
    return new TableColumn(this, c);
  }
}

class TableColumn implements SeriesReader {
  constructor(
    private readonly table: SampleTable<Float64Array | Int32Array>,
    private readonly c: number,
  ) {}

  get capacity(): number {
    return this.table.capacity;
  }

  get length(): number {
    return this.table.length;
  }

  get(i: number): number {
    const t = this.table;
    return t.data[t.row(i) * t.width + this.c]!;
  }

  last(): number | undefined {
    return this.table.length > 0 ? this.get(this.table.length - 1) : undefined;
  }

  toArray(): number[] {
    const out = new Array<number>(this.table.length);
    for (let i = 0; i < out.length; i++) out[i] = this.get(i);
    return out;
  }

  copyTo(target: Float64Array): number {
    const count = Math.min(this.table.length, target.length);
    const skip = this.table.length - count;
    for (let k = 0; k < count; k++) target[k] = this.get(skip + k);
    return count;
  }
}
