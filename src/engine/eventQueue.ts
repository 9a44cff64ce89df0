/**
 * The simulation's agenda: a 4-ary min-heap of (time, kind, data) events in typed arrays, so a
 * run of millions of requests allocates nothing per event (four children per node halve the
 * heap's depth, and the children sit next to each other in memory). Events at the same time come
 * out in the order they were scheduled (a sequence number breaks ties): runs are deterministic.
 */
export class EventQueue {
  private times: Float64Array;
  private seqs: Float64Array;
  private kinds: Uint8Array;
  private datas: Int32Array;
  private count = 0;

  /**
   * `sequence` numbers events in scheduling order; queues that share one object keep one order
   * between them (see Agenda).
   */
  constructor(
    initialCapacity = 1024,
    private readonly sequence = { next: 0 },
  ) {
    this.times = new Float64Array(initialCapacity);
    this.seqs = new Float64Array(initialCapacity);
    this.kinds = new Uint8Array(initialCapacity);
    this.datas = new Int32Array(initialCapacity);
  }

  get size(): number {
    return this.count;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    return this.count > 0 ? this.times[0]! : Infinity;
  }

  /** Scheduling number of the earliest event (only valid when size > 0). */
  peekSeq(): number {
    return this.seqs[0]!;
  }

  /** Kind of the earliest event (only valid when size > 0). */
  peekKind(): number {
    return this.kinds[0]!;
  }

  /** Data of the earliest event (only valid when size > 0). */
  peekData(): number {
    return this.datas[0]!;
  }

  push(time: number, kind: number, data: number): void {
    if (this.count === this.times.length) this.grow();
    const seq = this.sequence.next++;
    let i = this.count++;
    const { times, seqs, kinds, datas } = this;
    // Sift up: move parents down until the new event's place is found.
    while (i > 0) {
      const p = (i - 1) >> 2;
      const pt = times[p]!;
      if (pt < time || (pt === time && seqs[p]! < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[p]!;
      kinds[i] = kinds[p]!;
      datas[i] = datas[p]!;
      i = p;
    }
    times[i] = time;
    seqs[i] = seq;
    kinds[i] = kind;
    datas[i] = data;
  }

  /** Removes the earliest event; read it first with peekTime/peekKind/peekData. */
  pop(): void {
    const n = --this.count;
    if (n <= 0) {
      this.count = Math.max(0, n);
      return;
    }
    const { times, seqs, kinds, datas } = this;
    const t = times[n]!;
    const s = seqs[n]!;
    const k = kinds[n]!;
    const d = datas[n]!;
    let i = 0;
    // Sift down the last event from the root, to below the smallest of up to four children.
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      let c = first;
      let ct = times[c]!;
      let cs = seqs[c]!;
      const last = first + 4 < n ? first + 4 : n;
      for (let k = first + 1; k < last; k++) {
        const kt = times[k]!;
        if (kt < ct || (kt === ct && seqs[k]! < cs)) {
          c = k;
          ct = kt;
          cs = seqs[k]!;
        }
      }
      if (t < ct || (t === ct && s < cs)) break;
      times[i] = ct;
      seqs[i] = cs;
      kinds[i] = kinds[c]!;
      datas[i] = datas[c]!;
      i = c;
    }
    times[i] = t;
    seqs[i] = s;
    kinds[i] = k;
    datas[i] = d;
  }

  clear(): void {
    this.count = 0;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const times = new Float64Array(cap);
    times.set(this.times);
    const seqs = new Float64Array(cap);
    seqs.set(this.seqs);
    const kinds = new Uint8Array(cap);
    kinds.set(this.kinds);
    const datas = new Int32Array(cap);
    datas.set(this.datas);
    this.times = times;
    this.seqs = seqs;
    this.kinds = kinds;
    this.datas = datas;
  }
}
