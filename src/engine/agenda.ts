import { EventQueue } from './eventQueue.ts';

/**
 * The simulation's agenda: one order of events (by time, then by when they were scheduled) kept
 * in two heaps. Arrivals, one pending per traffic source, sit in a heap of their own a few entries
 * deep; everything else (completions by the thousand, scheduled changes) in the main one. Each
 * request then costs one push and pop on the big heap instead of two.
 */
export class Agenda {
  private readonly sequence = { next: 0 };
  private readonly main = new EventQueue(1024, this.sequence);
  private readonly arrivals = new EventQueue(16, this.sequence);
  /** The queue holding the earliest event, chosen once per change. */
  private head: EventQueue = this.main;

  constructor(private readonly arrivalKind: number) {}

  get size(): number {
    return this.main.size + this.arrivals.size;
  }

  peekTime(): number {
    return this.head.peekTime();
  }

  peekKind(): number {
    return this.head.peekKind();
  }

  peekData(): number {
    return this.head.peekData();
  }

  push(time: number, kind: number, data: number): void {
    (kind === this.arrivalKind ? this.arrivals : this.main).push(time, kind, data);
    this.pickHead();
  }

  /** Removes the earliest event; read it first with peekTime/peekKind/peekData. */
  pop(): void {
    this.head.pop();
    this.pickHead();
  }

  private pickHead(): void {
    const a = this.arrivals;
    const m = this.main;
    if (a.size === 0) this.head = m;
    else if (m.size === 0) this.head = a;
    else {
      const at = a.peekTime();
      const mt = m.peekTime();
      this.head = at < mt || (at === mt && a.peekSeq() < m.peekSeq()) ? a : m;
    }
  }
}
