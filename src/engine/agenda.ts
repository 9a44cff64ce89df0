import { CalendarQueue } from './calendarQueue.ts';
import { EventQueue } from './eventQueue.ts';

/**
 * The simulation's agenda: one order of events (by time, then by when they were scheduled) kept
 * in two queues. Arrivals, one pending per traffic source, sit apart: the earliest in fields of
 * its own and any others in a heap a few entries deep (a run with one source, the usual case,
 * never touches the heap); everything else (completions by the thousand, scheduled changes) in a
 * calendar queue, O(1) per event where the heap's pop was O(log n) (see calendarQueue.ts and
 * `npm run bench:queue`). Each request then costs one push and pop on the big queue instead of
 * two. The two are never used through one variable, so every call site stays monomorphic.
 */
export class Agenda {
  private readonly sequence = { next: 0, first: 0 };
  private readonly main = new CalendarQueue(1024, this.sequence);
  /** Arrivals after the earliest. */
  private readonly arrivals = new EventQueue(16, this.sequence);
  // The earliest arrival (when `hasArrival`): its time, sequence number and data.
  private hasArrival = false;
  private arrivalTime = Infinity;
  private arrivalSeq = 0;
  private arrivalData = 0;
  /** The time and data of the event `take` returned last. */
  time = 0;
  data = 0;

  constructor(private readonly arrivalKind: number) {}

  get size(): number {
    return this.main.size + this.arrivals.size + (this.hasArrival ? 1 : 0);
  }

  peekTime(): number {
    return this.arrivalFirst() ? this.arrivalTime : this.main.peekTime();
  }

  peekKind(): number {
    return this.arrivalFirst() ? this.arrivalKind : this.main.peekKind();
  }

  peekData(): number {
    return this.arrivalFirst() ? this.arrivalData : this.main.peekData();
  }

  /** Schedules an event; `first`: ahead of all due at `time` (see EventQueue.pushFirst). */
  push(time: number, kind: number, data: number, first = false): void {
    if (kind === this.arrivalKind) this.pushArrival(time, data, first);
    else if (first) this.main.pushFirst(time, kind, data);
    else this.pushMain(time, kind, data);
  }

  /** `push` of an event known not to be an arrival (a completion: the hot path's one per attempt). */
  pushMain(time: number, kind: number, data: number): void {
    this.main.push(time, kind, data);
  }

  /** `push` of a source's next arrival (one per request on the hot path). */
  pushArrival(time: number, data: number, first = false): void {
    const seq = first ? --this.sequence.first : this.sequence.next++;
    if (!this.hasArrival) {
      this.hasArrival = true;
      this.arrivalTime = time;
      this.arrivalSeq = seq;
      this.arrivalData = data;
    } else if (time < this.arrivalTime || (time === this.arrivalTime && seq < this.arrivalSeq)) {
      // The new one is the earliest: the one held so far joins the others.
      this.arrivals.pushNumbered(
        this.arrivalTime,
        this.arrivalSeq,
        this.arrivalKind,
        this.arrivalData,
      );
      this.arrivalTime = time;
      this.arrivalSeq = seq;
      this.arrivalData = data;
    } else this.arrivals.pushNumbered(time, seq, this.arrivalKind, data);
  }

  /** Removes the earliest event; read it first with peekTime/peekKind/peekData. */
  pop(): void {
    if (this.arrivalFirst()) this.nextArrival();
    else this.main.pop();
  }

  /**
   * Takes the earliest event if it is due at or before `end`: returns its kind, with its time and
   * data in `time` and `data`; -1 (and nothing taken) when there is none that early. The run
   * loop's one call per event.
   */
  take(end: number): number {
    const m = this.main;
    const mt = m.peekTime();
    if (this.hasArrival) {
      const at = this.arrivalTime;
      if (at < mt || (at === mt && (m.size === 0 || this.arrivalSeq < m.peekSeq()))) {
        if (at > end) return -1;
        this.time = at;
        this.data = this.arrivalData;
        this.nextArrival();
        return this.arrivalKind;
      }
    }
    if (m.size === 0 || mt > end) return -1;
    this.time = mt;
    this.data = m.peekData();
    const kind = m.peekKind();
    m.pop();
    return kind;
  }

  /** The held arrival was taken: the next earliest, if any, takes its place. */
  private nextArrival(): void {
    const a = this.arrivals;
    if (a.size === 0) {
      this.hasArrival = false;
      return;
    }
    this.arrivalTime = a.peekTime();
    this.arrivalSeq = a.peekSeq();
    this.arrivalData = a.peekData();
    a.pop();
  }

  /** Whether the earliest event is an arrival (decided when asked, not on every push). */
  private arrivalFirst(): boolean {
    if (!this.hasArrival) return false;
    const m = this.main;
    if (m.size === 0) return true;
    const at = this.arrivalTime;
    const mt = m.peekTime();
    return at < mt || (at === mt && this.arrivalSeq < m.peekSeq());
  }
}
