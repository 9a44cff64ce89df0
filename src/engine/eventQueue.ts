import { grownFrom } from './typedArrays.ts';

/** Event data must fit in this many bits (the kind takes the bits above them). */
export const DATA_BITS = 26;
const DATA_MASK = (1 << DATA_BITS) - 1;
/** The largest event data: a request row, a slot, an index or a generation number. */
export const MAX_EVENT_DATA = DATA_MASK;
/** Kinds of event the queue can hold (0 to 31). */
export const MAX_EVENT_KIND = 31;

/**
 * The simulation's agenda: a 4-ary min-heap of (time, kind, data) events in typed arrays, so a
 * run of millions of requests allocates nothing per event (four children per node halve the
 * heap's depth, and the children sit next to each other in memory). Events at the same time come
 * out in the order they were scheduled (a sequence number breaks ties): runs are deterministic.
 * Kind and data share one 32-bit word, so moving an event moves three numbers, not four: kind <<
 * 26 | data, with DATA_BITS written as its number where events are made and read (V8 loads a
 * module-level constant from the module's context at every use; see CalendarQueue).
 */
export class EventQueue {
  private times: Float64Array;
  private seqs: Float64Array;
  /** kind << 26 | data (26 is DATA_BITS). */
  private words: Int32Array;
  private count = 0;

  /**
   * `sequence` numbers events in scheduling order (`pushFirst` counts down from 0, ahead of
   * them all); queues that share one object keep one order between them (see Agenda).
   */
  constructor(
    initialCapacity = 1024,
    private readonly sequence = { next: 0, first: 0 },
  ) {
    const cap = Math.max(1, initialCapacity);
    this.times = new Float64Array(cap);
    this.seqs = new Float64Array(cap);
    this.words = new Int32Array(cap);
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
    return this.words[0]! >>> 26;
  }

  /** Data of the earliest event (only valid when size > 0). */
  peekData(): number {
    return this.words[0]! & 0x3ffffff;
  }

  /** Schedules an event; `kind` is 0..MAX_EVENT_KIND and `data` 0..MAX_EVENT_DATA. */
  push(time: number, kind: number, data: number): void {
    this.insert(time, this.sequence.next++, kind, data);
  }

  /**
   * Schedules an event ahead of every event already scheduled for the same time (and of those
   * scheduled later for it), as if it had been scheduled before all of them: a burst's next
   * slice, which must come out exactly where the rest of the burst would have.
   */
  pushFirst(time: number, kind: number, data: number): void {
    this.insert(time, --this.sequence.first, kind, data);
  }

  /** Schedules an event under a sequence number already drawn (an agenda moving one in). */
  pushNumbered(time: number, seq: number, kind: number, data: number): void {
    this.insert(time, seq, kind, data);
  }

  private insert(time: number, seq: number, kind: number, data: number): void {
    if (this.count === this.times.length) this.grow();
    const word = (kind << 26) | data;
    let i = this.count++;
    const { times, seqs, words } = this;
    // Sift up: move parents down until the new event's place is found.
    while (i > 0) {
      const p = (i - 1) >> 2;
      const pt = times[p]!;
      if (pt < time || (pt === time && seqs[p]! < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[p]!;
      words[i] = words[p]!;
      i = p;
    }
    times[i] = time;
    seqs[i] = seq;
    words[i] = word;
  }

  /** Removes the earliest event; read it first with peekTime/peekKind/peekData. */
  pop(): void {
    const n = --this.count;
    if (n <= 0) {
      this.count = Math.max(0, n);
      return;
    }
    const { times, seqs, words } = this;
    const t = times[n]!;
    const s = seqs[n]!;
    const w = words[n]!;
    let i = 0;
    // Sift down the last event from the root, to below the smallest of up to four children.
    // Sequence numbers are read only on a tie of times, which continuous times seldom make.
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      let c = first;
      let ct = times[c]!;
      const last = first + 4 < n ? first + 4 : n;
      for (let k = first + 1; k < last; k++) {
        const kt = times[k]!;
        if (kt < ct || (kt === ct && seqs[k]! < seqs[c]!)) {
          c = k;
          ct = kt;
        }
      }
      if (t < ct || (t === ct && s < seqs[c]!)) break;
      times[i] = ct;
      seqs[i] = seqs[c]!;
      words[i] = words[c]!;
      i = c;
    }
    times[i] = t;
    seqs[i] = s;
    words[i] = w;
  }

  clear(): void {
    this.count = 0;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    this.times = grownFrom(this.times, new Float64Array(cap));
    this.seqs = grownFrom(this.seqs, new Float64Array(cap));
    this.words = grownFrom(this.words, new Int32Array(cap));
  }
}
