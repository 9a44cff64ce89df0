/** A growable FIFO of integers in a ring of Int32Array: a server's waiting line of request slots. */
export class IntQueue {
  private buf: Int32Array;
  private head = 0;
  private count = 0;

  constructor(initialCapacity = 8) {
    this.buf = new Int32Array(initialCapacity);
  }

  get length(): number {
    return this.count;
  }

  push(v: number): void {
    if (this.count === this.buf.length) this.grow();
    this.buf[(this.head + this.count) % this.buf.length] = v;
    this.count++;
  }

  /** Removes and returns the oldest value; -1 when empty. */
  shift(): number {
    if (this.count === 0) return -1;
    const v = this.buf[this.head]!;
    this.head = (this.head + 1) % this.buf.length;
    this.count--;
    return v;
  }

  clear(): void {
    this.head = 0;
    this.count = 0;
  }

  private grow(): void {
    const next = new Int32Array(this.buf.length * 2);
    for (let i = 0; i < this.count; i++) next[i] = this.buf[(this.head + i) % this.buf.length]!;
    this.buf = next;
    this.head = 0;
  }
}
