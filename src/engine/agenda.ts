import { CalendarQueue } from './calendarQueue.ts';
import { EventQueue } from './eventQueue.ts';

/**
 * The simulation's agenda: one order of events (by time, then by when they were scheduled) kept
 * in two queues. Arrivals, one pending per traffic source, sit in a heap of their own a few
 * entries deep; everything else (completions by the thousand, scheduled changes) in a calendar
 * queue, O(1) per event where the heap's pop was O(log n) (see calendarQueue.ts and
 * `npm run bench:queue`). Each request then costs one push and pop on the big queue instead of
 * two. The two are never used through one variable, so every call site stays monomorphic.
 */
export class Agenda {
  private readonly sequence = { next: 0, first: 0 };
  private readonly main = new CalendarQueue(1024, this.sequence);
  private readonly arrivals = new EventQueue(16, this.sequence);
  /** The time and data of the event `take` returned last. */
  time = 0;
  data = 0;

  constructor(private readonly arrivalKind: number) {}

  get size(): number {
    return this.main.size + this.arrivals.size;
  }

  peekTime(): number {
    return this.arrivalFirst() ? this.arrivals.peekTime() : this.main.peekTime();
  }

  peekKind(): number {
    return this.arrivalFirst() ? this.arrivals.peekKind() : this.main.peekKind();
  }

  peekData(): number {
    return this.arrivalFirst() ? this.arrivals.peekData() : this.main.peekData();
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
    if (first) this.arrivals.pushFirst(time, this.arrivalKind, data);
    else this.arrivals.push(time, this.arrivalKind, data);
  }

  /** Removes the earliest event; read it first with peekTime/peekKind/peekData. */
  pop(): void {
    if (this.arrivalFirst()) this.arrivals.pop();
    else this.main.pop();
  }

  /**
   * Takes the earliest event if it is due at or before `end`: returns its kind, with its time and
   * data in `time` and `data`; -1 (and nothing taken) when there is none that early. The run
   * loop's one call per event.
   */
  take(end: number): number {
    // Both heads' times read once (arrivalFirst() would read them again).
    const a = this.arrivals;
    const m = this.main;
    const mt = m.peekTime();
    if (a.size > 0) {
      const at = a.peekTime();
      if (at < mt || (at === mt && (m.size === 0 || a.peekSeq() < m.peekSeq()))) {
        if (at > end) return -1;
        this.time = at;
        this.data = a.peekData();
        const kind = a.peekKind();
        a.pop();
        return kind;
      }
    }
    if (m.size === 0 || mt > end) return -1;
    this.time = mt;
    this.data = m.peekData();
    const kind = m.peekKind();
    m.pop();
    return kind;
  }

  /** Whether the earliest event is an arrival (decided when asked, not on every push). */
  private arrivalFirst(): boolean {
    const a = this.arrivals;
    const m = this.main;
    if (a.size === 0) return false;
    if (m.size === 0) return true;
    const at = a.peekTime();
    const mt = m.peekTime();
    return at < mt || (at === mt && a.peekSeq() < m.peekSeq());
  }
}
