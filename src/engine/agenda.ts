import { EventQueue } from './eventQueue.ts';

/**
 * The simulation's agenda: one order of events (by time, then by when they were scheduled) kept
 * in two heaps. Arrivals, one pending per traffic source, sit in a heap of their own a few entries
 * deep; everything else (completions by the thousand, scheduled changes) in the main one. Each
 * request then costs one push and pop on the big heap instead of two.
 */
export class Agenda {
  private readonly sequence = { next: 0, first: 0 };
  private readonly main = new EventQueue(1024, this.sequence);
  private readonly arrivals = new EventQueue(16, this.sequence);
  /** The time and data of the event `take` returned last. */
  time = 0;
  data = 0;

  constructor(private readonly arrivalKind: number) {}

  get size(): number {
    return this.main.size + this.arrivals.size;
  }

  peekTime(): number {
    return this.head().peekTime();
  }

  peekKind(): number {
    return this.head().peekKind();
  }

  peekData(): number {
    return this.head().peekData();
  }

  /** Schedules an event; `first`: ahead of all due at `time` (see EventQueue.pushFirst). */
  push(time: number, kind: number, data: number, first = false): void {
    const queue = kind === this.arrivalKind ? this.arrivals : this.main;
    if (first) queue.pushFirst(time, kind, data);
    else queue.push(time, kind, data);
  }

  /** Removes the earliest event; read it first with peekTime/peekKind/peekData. */
  pop(): void {
    this.head().pop();
  }

  /**
   * Takes the earliest event if it is due at or before `end`: returns its kind, with its time and
   * data in `time` and `data`; -1 (and nothing taken) when there is none that early. The run
   * loop's one call per event.
   */
  take(end: number): number {
    // The head queue and its time in one pass (head() would read both times, then one again).
    const a = this.arrivals;
    const m = this.main;
    let q = m;
    let found = m.size > 0;
    let t = found ? m.peekTime() : Infinity;
    if (a.size > 0) {
      const at = a.peekTime();
      if (!found || at < t || (at === t && a.peekSeq() < m.peekSeq())) {
        q = a;
        t = at;
        found = true;
      }
    }
    if (!found || t > end) return -1;
    this.time = t;
    this.data = q.peekData();
    const kind = q.peekKind();
    q.pop();
    return kind;
  }

  /** The queue holding the earliest event (decided when asked, not on every push). */
  private head(): EventQueue {
    const a = this.arrivals;
    const m = this.main;
    if (a.size === 0) return m;
    if (m.size === 0) return a;
    const at = a.peekTime();
    const mt = m.peekTime();
    return at < mt || (at === mt && a.peekSeq() < m.peekSeq()) ? a : m;
  }
}
