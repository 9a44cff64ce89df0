import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Agenda } from './agenda.ts';
import { EventQueue } from './eventQueue.ts';

const ARRIVAL = 1;

describe('Agenda', () => {
  it('gives the same order as one queue for any mix of arrivals and other events (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 20 }), fc.constantFrom(1, 2, 3), fc.boolean()),
          { maxLength: 200 },
        ),
        (ops) => {
          const agenda = new Agenda(ARRIVAL);
          const single = new EventQueue(1);
          const out: number[][] = [];
          const ref: number[][] = [];
          ops.forEach(([time, kind, popFirst], i) => {
            if (popFirst && single.size > 0) {
              out.push([agenda.peekTime(), agenda.peekKind(), agenda.peekData()]);
              agenda.pop();
              ref.push([single.peekTime(), single.peekKind(), single.peekData()]);
              single.pop();
            }
            agenda.push(time, kind, i);
            single.push(time, kind, i);
          });
          while (single.size > 0) {
            out.push([agenda.peekTime(), agenda.peekKind(), agenda.peekData()]);
            agenda.pop();
            ref.push([single.peekTime(), single.peekKind(), single.peekData()]);
            single.pop();
          }
          expect(out).toEqual(ref);
          expect(agenda.size).toBe(0);
        },
      ),
    );
  });

  it('keeps that order with bursts scheduled first and take() stopping at its end (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 20 }),
            fc.constantFrom(1, 2, 3),
            fc.constantFrom('push', 'push', 'first', 'take'),
          ),
          { maxLength: 200 },
        ),
        (ops) => {
          const agenda = new Agenda(ARRIVAL);
          const single = new EventQueue(1);
          const out: number[][] = [];
          const ref: number[][] = [];
          ops.forEach(([time, kind, op], i) => {
            if (op === 'take') {
              // Take what is due by `time`, as the run loop does with its end.
              for (let k = agenda.take(time); k >= 0; k = agenda.take(time))
                out.push([agenda.time, k, agenda.data]);
              while (single.size > 0 && single.peekTime() <= time) {
                ref.push([single.peekTime(), single.peekKind(), single.peekData()]);
                single.pop();
              }
            } else {
              agenda.push(time, kind, i, op === 'first');
              if (op === 'first') single.pushFirst(time, kind, i);
              else single.push(time, kind, i);
            }
          });
          for (let k = agenda.take(Infinity); k >= 0; k = agenda.take(Infinity))
            out.push([agenda.time, k, agenda.data]);
          while (single.size > 0) {
            ref.push([single.peekTime(), single.peekKind(), single.peekData()]);
            single.pop();
          }
          expect(out).toEqual(ref);
          expect(agenda.size).toBe(0);
        },
      ),
    );
  });
});
