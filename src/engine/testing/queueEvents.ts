import type { CalendarQueue } from '../calendarQueue.ts';
import type { EventQueue } from '../eventQueue.ts';

/** Either of the agenda's queues: they keep one contract (see eventQueue.test.ts). */
export type Queue = EventQueue | CalendarQueue;

/** An event as the tests compare them: [time, kind, data]. */
export type QueuedEvent = [number, number, number];

/** Pops the head and returns it. */
export function take(q: Queue): QueuedEvent {
  const e: QueuedEvent = [q.peekTime(), q.peekKind(), q.peekData()];
  q.pop();
  return e;
}

/** Pops every event, in order. */
export function drain(q: Queue): QueuedEvent[] {
  const out: QueuedEvent[] = [];
  while (q.size > 0) out.push(take(q));
  return out;
}
