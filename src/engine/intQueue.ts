/**
 * A growable FIFO of integers in a ring of Int32Array: a server's waiting line of request slots.
 * The ring's size is a power of two, so wrapping is a mask rather than a division.
 */
export class IntQueue {
  private buf: Int32Array;
  private head = 0;
  private count = 0;

  constructor(initialCapacity = 8) {
    let size = 8;
    while (size < initialCapacity) size *= 2;
    this.buf = new Int32Array(size);
  }

  get length(): number {
    return this.count;
  }

  push(v: number): void {
    if (this.count === this.buf.length) this.grow();
    this.buf[(this.head + this.count) & (this.buf.length - 1)] = v;
    this.count++;
  }

  /** Removes and returns the oldest value; -1 when empty. */
  shift(): number {
    if (this.count === 0) return -1;
    const v = this.buf[this.head]!;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.count--;
    return v;
  }

  /** The oldest value without removing it; -1 when empty. */
  peek(): number {
    return this.count === 0 ? -1 : this.buf[this.head]!;
  }

  /** The newest value without removing it; -1 when empty. */
  peekNewest(): number {
    return this.count === 0 ? -1 : this.buf[(this.head + this.count - 1) & (this.buf.length - 1)]!;
  }

  /**
   * Removes the first occurrence of `v`, keeping the order of the rest; returns whether it was
   * there. The ends cost O(1) (a request shed after waiting longest, or served newest first);
   * anywhere else, a scan.
   */
  remove(v: number): boolean {
    if (this.count === 0) return false;
    if (this.peekNewest() === v) {
      this.count--;
      return true;
    }
    if (this.peek() === v) {
      this.shift();
      return true;
    }
    const mask = this.buf.length - 1;
    for (let i = 1; i < this.count - 1; i++) {
      if (this.buf[(this.head + i) & mask] !== v) continue;
      for (let j = i; j < this.count - 1; j++)
        this.buf[(this.head + j) & mask] = this.buf[(this.head + j + 1) & mask]!;
      this.count--;
      return true;
    }
    return false;
  }

  clear(): void {
    this.head = 0;
    this.count = 0;
  }

  private grow(): void {
    const next = new Int32Array(this.buf.length * 2);
    const mask = this.buf.length - 1;
    for (let i = 0; i < this.count; i++) next[i] = this.buf[(this.head + i) & mask]!;
    this.buf = next;
    this.head = 0;
  }
}
