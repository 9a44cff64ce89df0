/**
 * Fixed-capacity ring buffer of numbers over a Float64Array: the last N samples of a time series
 * (throughput, queue length, a moving window) in constant memory. push() overwrites the oldest
 * value once full and never allocates, so it can run on the simulation's hot path.
 */

/** The most recent `capacity` numbers pushed, oldest first. */
export class RingBuffer {
  private readonly data: Float64Array;
  /** Index of the oldest value. */
  private head = 0;
  private size = 0;

  /** `capacity` must be a positive integer. */
  constructor(capacity: number) {
    if (!(Number.isInteger(capacity) && capacity > 0)) {
      throw new RangeError(`RingBuffer capacity must be a positive integer, got ${capacity}`);
    }
    this.data = new Float64Array(capacity);
  }

  /** Maximum number of values held. */
  get capacity(): number {
    return this.data.length;
  }

  /** Number of values held now. */
  get length(): number {
    return this.size;
  }

  /** Appends a value, dropping the oldest when full. */
  push(v: number): void {
    const cap = this.data.length;
    if (this.size < cap) {
      let i = this.head + this.size;
      if (i >= cap) i -= cap;
      this.data[i] = v;
      this.size++;
    } else {
      this.data[this.head] = v;
      this.head = this.head + 1 === cap ? 0 : this.head + 1;
    }
  }

  /** The i-th value held, 0 being the oldest. Throws RangeError outside [0, length). */
  get(i: number): number {
    if (!(i >= 0 && i < this.size && Number.isInteger(i))) {
      throw new RangeError(`RingBuffer index ${i} out of range [0, ${this.size})`);
    }
    let j = this.head + i;
    if (j >= this.data.length) j -= this.data.length;
    return this.data[j]!;
  }

  /** The newest value, or undefined when empty. */
  last(): number | undefined {
    return this.size > 0 ? this.get(this.size - 1) : undefined;
  }

  /** Drops every value (capacity is kept). */
  clear(): void {
    this.head = 0;
    this.size = 0;
  }

  /**
   * Copies the values oldest→newest into the start of `target` and returns how many were copied.
   * If `target` is shorter than length, only the newest target.length values are copied.
   */
  copyTo(target: Float64Array): number {
    const count = Math.min(this.size, target.length);
    if (count === 0) return 0;
    const cap = this.data.length;
    let start = this.head + (this.size - count);
    if (start >= cap) start -= cap;
    const firstPart = Math.min(count, cap - start);
    target.set(this.data.subarray(start, start + firstPart), 0);
    if (firstPart < count) target.set(this.data.subarray(0, count - firstPart), firstPart);
    return count;
  }

  /** The values oldest→newest as a new plain array. */
  toArray(): number[] {
    const out = new Array<number>(this.size);
    for (let i = 0; i < this.size; i++) {
      let j = this.head + i;
      if (j >= this.data.length) j -= this.data.length;
      out[i] = this.data[j]!;
    }
    return out;
  }
}
