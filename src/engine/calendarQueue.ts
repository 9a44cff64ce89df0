import { brownWidth } from './calendarWidth.ts';
import { grownFrom } from './typedArrays.ts';

const MIN_BUCKETS = 8; // the calendar never has fewer
const SAMPLE = 25; // events sampled at the head to estimate the width (as Brown does)
/** A new width when pops and pushes walk more buckets + nodes than this per pop (usually ~1). */
const COSTLY_WORK_PER_POP = 8;

/**
 * The agenda's main queue as a calendar queue (R. Brown, "Calendar queues: a fast O(1) priority
 * queue implementation for the simulation event set problem", CACM 31(10), 1988): time is cut
 * into days of `width` ms, day d lives in bucket d mod buckets (a year is buckets x width), and
 * each bucket keeps its events in a list sorted by (time, sequence). Popping walks forward day by
 * day to a bucket whose first event falls on that day; pushing inserts into one short list. With
 * about one event per bucket and a width of three mean gaps between events (Brown's estimate from
 * a sample at the head), both are O(1) on average, where a heap pays log n for every pop.
 *
 * Same API and exactly the same order as EventQueue (by time, then sequence number, shared with
 * the arrivals heap through `sequence`). Departures from the paper, for exactness or speed:
 * - Days are integers, day(t) = floor(t / width) (a multiply by 1/width), not Brown's running
 *   floating-point bucket top: one monotone function of t decides both where an event is filed
 *   and when it is due, so rounding can never put an event on the wrong side.
 * - A push earlier than the current day moves the current day back to it (Brown assumes no event
 *   is scheduled before the last one taken; the agenda does not promise that).
 * - Each bucket also keeps its last node: an event later than all in its bucket (most pushes, and
 *   every push into a run of exact ties) is appended without walking the list.
 * - Besides Brown's resize when the size doubles or halves, the width is re-estimated when the
 *   measured work per pop grows (the times' distribution drifted after the last resize), as Oh
 *   and Ahn's dynamic calendar queue does (Proc. 32nd Annual Simulation Symposium, 1999).
 * - Events at +Infinity (never due) wait in a list of their own, after every finite one.
 * Nodes live in typed arrays with a free list: nothing is allocated per event. -1 is no node (the
 * end of a list, or an empty one), and an event's word is kind << 26 | data (EventQueue's
 * DATA_BITS and MAX_EVENT_DATA): written as numbers, not as the named constants, because V8 loads
 * a module-level constant from the module's context, with a check, at every use, and these run
 * several times an event (1% of a request's instructions, `npm run bench:instructions`).
 */
export class CalendarQueue {
  // The node pool: one event per node, `nexts` links a bucket's list (or the free list).
  private times: Float64Array;
  private seqs: Float64Array;
  /** kind << 26 | data, as in EventQueue. */
  private words: Int32Array;
  private nexts: Int32Array;
  private free = -1;
  private fresh = 0; // nodes from here to the end of the pool were never used

  // The calendar: buckets hold sorted lists of the finite events.
  private firsts = new Int32Array(MIN_BUCKETS).fill(-1);
  private lasts = new Int32Array(MIN_BUCKETS).fill(-1);
  private mask = MIN_BUCKETS - 1;
  private width = 1;
  private perWidth = 1;
  /** Finite events in the calendar. */
  private count = 0;
  /** The earliest event (-1 when empty); when finite, the first in bucket `day & mask`. */
  private head = -1;
  /** Its time (Infinity when empty), kept beside it: the run loop reads it at every event. */
  private headTime = Infinity;
  /** day(time of head): no finite event is on an earlier day. */
  private day = 0;
  /** Events at +Infinity, in sequence order. */
  private farFirst = -1;
  private farLast = -1;
  private farCount = 0;

  // Work done since the last review (buckets stepped over + list nodes walked past), and pops.
  private work = 0;
  private pops = 0;
  private reviewAt = 2 * MIN_BUCKETS + 64;
  /** Brown's resize points: more events than this doubles the buckets, fewer halves them. */
  private growAt = 2 * MIN_BUCKETS;
  private shrinkAt = 0;
  private readonly sample = new Int32Array(SAMPLE);

  /** As EventQueue's: `sequence` numbers events, shared with the queues of one agenda. */
  constructor(
    initialCapacity = 1024,
    private readonly sequence = { next: 0, first: 0 },
  ) {
    const cap = Math.max(1, initialCapacity);
    this.times = new Float64Array(cap);
    this.seqs = new Float64Array(cap);
    this.words = new Int32Array(cap);
    this.nexts = new Int32Array(cap);
  }

  get size(): number {
    return this.count + this.farCount;
  }

  /** Buckets in the calendar (resizing keeps them between half the size and twice it). */
  get buckets(): number {
    return this.mask + 1;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    return this.headTime;
  }

  /** Scheduling number of the earliest event (only valid when size > 0). */
  peekSeq(): number {
    return this.seqs[this.head]!;
  }

  /** Kind of the earliest event (only valid when size > 0). */
  peekKind(): number {
    return this.words[this.head]! >>> 26;
  }

  /** Data of the earliest event (only valid when size > 0). */
  peekData(): number {
    return this.words[this.head]! & 0x3ffffff;
  }

  /** Schedules an event; `kind` is 0..MAX_EVENT_KIND and `data` 0..MAX_EVENT_DATA. */
  push(time: number, kind: number, data: number): void {
    this.insert(time, this.sequence.next++, (kind << 26) | data);
  }

  /** Schedules an event ahead of all others due at `time` (see EventQueue.pushFirst). */
  pushFirst(time: number, kind: number, data: number): void {
    this.insert(time, --this.sequence.first, (kind << 26) | data);
  }

  /** Removes the earliest event; read it first with peekTime/peekKind/peekData. */
  pop(): void {
    const h = this.head;
    if (this.count === 0) {
      this.popFar();
      return;
    }
    this.unlinkHead();
    this.release(h);
    this.findHead();
    if (++this.pops >= this.reviewAt || this.count < this.shrinkAt) this.review();
  }

  /** Only events at +Infinity are left (or none): takes the first. */
  private popFar(): void {
    const h = this.head;
    if (h === -1) return;
    this.farFirst = this.nexts[h]!;
    if (this.farFirst === -1) this.farLast = -1;
    this.farCount--;
    this.release(h);
    this.setHead(this.farFirst);
  }

  clear(): void {
    this.free = -1;
    this.fresh = 0;
    this.setBuckets(MIN_BUCKETS);
    this.count = 0;
    this.setHead(-1);
    this.farFirst = this.farLast = -1;
    this.farCount = 0;
  }

  private insert(time: number, seq: number, word: number): void {
    let n = this.free;
    if (n !== -1) this.free = this.nexts[n]!;
    else n = this.allocFresh();
    const { times, seqs } = this;
    times[n] = time;
    seqs[n] = seq;
    this.words[n] = word;
    if (!(time < Infinity && time > -Infinity)) {
      this.insertUnbounded(n, time, seq);
      return;
    }
    const day = Math.floor(time * this.perWidth);
    const b = day & this.mask; // exact for any integer below 2^53, negative ones too
    this.link(n, time, seq, b);
    const h = this.head;
    // The new event is the earliest: it becomes the head, and its day the current one (it may
    // be earlier than the current day, which the calendar then goes back to).
    const ht = this.headTime;
    if (h === -1 || time < ht || (time === ht && seq < seqs[h]!)) {
      this.head = n;
      this.headTime = time;
      this.day = day;
    }
    if (++this.count > this.growAt) this.rebuild(2 * (this.mask + 1));
  }

  /** +Infinity waits in a list of its own; NaN and -Infinity are refused. */
  private insertUnbounded(n: number, time: number, seq: number): void {
    if (time !== Infinity) {
      this.release(n);
      throw new RangeError(`an event's time must be a number above -Infinity, not ${time}`);
    }
    this.linkFar(n, seq);
    if (this.count === 0) this.setHead(this.farFirst);
  }

  /** Files node `n` into bucket `b`'s list, sorted by (time, seq). */
  private link(n: number, time: number, seq: number, b: number): void {
    const last = this.lasts[b]!;
    if (last === -1) {
      this.firsts[b] = this.lasts[b] = n;
      this.nexts[n] = -1;
    } else if (this.times[last]! < time || (this.times[last] === time && this.seqs[last]! < seq)) {
      this.nexts[last] = n;
      this.lasts[b] = n;
      this.nexts[n] = -1;
    } else this.linkInside(n, time, seq, b);
  }

  /** Files node `n` before the last of bucket `b`: walks from the first to its place. */
  private linkInside(n: number, time: number, seq: number, b: number): void {
    const { firsts, times, seqs, nexts } = this;
    let prev = -1;
    let c = firsts[b]!;
    let walked = 0;
    for (;;) {
      const ct = times[c]!;
      if (ct > time || (ct === time && seqs[c]! > seq)) break;
      prev = c;
      c = nexts[c]!;
      walked++;
    }
    this.work += walked;
    nexts[n] = c;
    if (prev === -1) firsts[b] = n;
    else nexts[prev] = n;
  }

  /** Events at +Infinity come out by sequence number alone (most go after all the others). */
  private linkFar(n: number, seq: number): void {
    const { seqs, nexts } = this;
    this.farCount++;
    let prev = this.farLast;
    let c = -1;
    if (prev !== -1 && seqs[prev]! > seq) {
      prev = -1;
      c = this.farFirst;
      while (seqs[c]! < seq) {
        prev = c;
        c = nexts[c]!;
      }
    }
    nexts[n] = c;
    if (prev === -1) this.farFirst = n;
    else nexts[prev] = n;
    if (c === -1) this.farLast = n;
  }

  /** Takes the (finite) head out of its bucket (a node still to release); `findHead` must follow. */
  private unlinkHead(): void {
    const b = this.day & this.mask;
    const next = this.nexts[this.head]!;
    this.firsts[b] = next;
    if (next === -1) this.lasts[b] = -1;
    this.count--;
  }

  /**
   * Finds the earliest event after the head was taken: walks day by day from the current one to
   * the first bucket whose first event falls on that day. No finite event is earlier than the
   * current day, and a day's events all sit in one bucket, sorted, so that event is the earliest.
   * After a whole year without one (the next event is more than a year ahead), Brown's direct
   * search: the earliest of the buckets' first events.
   */
  private findHead(): void {
    if (this.count === 0) {
      this.setHead(this.farFirst);
      return;
    }
    const { firsts, times, mask, perWidth } = this;
    let day = this.day;
    for (let step = 0; step <= mask; step++, day++) {
      const c = firsts[day & mask]!;
      if (c !== -1 && Math.floor(times[c]! * perWidth) === day) {
        this.head = c;
        this.headTime = times[c]!;
        this.day = day;
        this.work += step;
        return;
      }
    }
    this.work += mask + 1;
    this.directSearch();
  }

  private directSearch(): void {
    const { firsts, times } = this;
    let best = -1;
    for (let b = 0; b < firsts.length; b++) {
      const c = firsts[b]!;
      // Strictly earlier: bucket heads never tie, as events due at one time share a bucket.
      if (c !== -1 && (best === -1 || times[c]! < times[best]!)) best = c;
    }
    if (best === -1) {
      this.setHead(this.farFirst);
      return;
    }
    this.setHead(best);
    this.day = Math.floor(times[best]! * this.perWidth);
  }

  /** Brown's shrink once the size halved; at the end of a window, a new width if work grew. */
  private review(): void {
    if (this.count < this.shrinkAt) this.rebuild((this.mask + 1) >> 1);
    else if (this.work > COSTLY_WORK_PER_POP * this.pops) this.rebuild(this.mask + 1);
    else this.work = this.pops = 0;
  }

  /**
   * Brown's resize: a new width estimated from the events at the head, then every event filed
   * again into `buckets` buckets. O(n), done when the size has doubled or halved since the last
   * one (or after a review window of 2 x buckets pops), so O(1) per event on average.
   */
  private rebuild(buckets: number): void {
    this.width = this.estimateWidth();
    this.perWidth = 1 / this.width;
    // Chain every finite event into one list, then file each into the new buckets.
    const { nexts } = this;
    let chain = -1;
    for (let b = 0; b < this.firsts.length; b++) {
      let c = this.firsts[b]!;
      while (c !== -1) {
        const next = nexts[c]!;
        nexts[c] = chain;
        chain = c;
        c = next;
      }
    }
    this.setBuckets(buckets);
    const { times, seqs, perWidth, mask } = this;
    while (chain !== -1) {
      const next = nexts[chain]!;
      this.link(chain, times[chain]!, seqs[chain]!, Math.floor(times[chain]! * perWidth) & mask);
      chain = next;
    }
    this.directSearch();
  }

  /**
   * Brown's estimate (calendarWidth.ts) from the first few events, taken off in order and filed
   * back.
   */
  private estimateWidth(): number {
    const m = Math.min(this.count, SAMPLE);
    if (m < 2) return this.width;
    const { sample, times } = this;
    for (let k = 0; k < m; k++) {
      sample[k] = this.head;
      this.unlinkHead();
      this.findHead();
    }
    for (let k = 0; k < m; k++) {
      const n = sample[k]!;
      this.link(n, times[n]!, this.seqs[n]!, Math.floor(times[n]! * this.perWidth) & this.mask);
      this.count++;
    }
    this.setHead(sample[0]!);
    this.day = Math.floor(times[this.head]! * this.perWidth);
    return brownWidth(times, sample, m, this.width);
  }

  /** New empty buckets, and the sizes at which to resize them (Brown: double, half). */
  private setBuckets(buckets: number): void {
    this.firsts = new Int32Array(buckets).fill(-1);
    this.lasts = new Int32Array(buckets).fill(-1);
    this.mask = buckets - 1;
    this.growAt = 2 * buckets;
    this.shrinkAt = buckets > MIN_BUCKETS ? buckets >> 1 : 0;
    this.work = this.pops = 0;
    this.reviewAt = 2 * buckets + 64;
  }

  /** Makes node `n` (or -1: none) the head, with its time. */
  private setHead(n: number): void {
    this.head = n;
    this.headTime = n === -1 ? Infinity : this.times[n]!;
  }

  private allocFresh(): number {
    if (this.fresh === this.times.length) this.grow();
    return this.fresh++;
  }

  private release(n: number): void {
    this.nexts[n] = this.free;
    this.free = n;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    this.times = grownFrom(this.times, new Float64Array(cap));
    this.seqs = grownFrom(this.seqs, new Float64Array(cap));
    this.words = grownFrom(this.words, new Int32Array(cap));
    this.nexts = grownFrom(this.nexts, new Int32Array(cap));
  }
}
