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
