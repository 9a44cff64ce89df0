import { describe, expect, it } from 'vitest';
import { Watchdog } from './watchdog.ts';

/** A hand-driven clock and timer: `advance` runs the ticks due, then lets answers arrive. */
function harness(answers: (n: number) => boolean) {
  let now = 0;
  let tick: (() => void) | null = null;
  let next = 0;
  let pings = 0;
  const stalls: number[] = [];
  const dog = new Watchdog(
    () => (answers(++pings) ? Promise.resolve(true) : new Promise(() => undefined)),
    (silent) => stalls.push(silent),
    {
      everyMs: 1000,
      stallMs: 5000,
      now: () => now,
      every: (fn, ms) => {
        tick = fn;
        next = now + ms;
        return () => {
          tick = null;
        };
      },
    },
  );
  return {
    dog,
    stalls,
    pings: () => pings,
    async advance(ms: number, step = 1000) {
      for (let end = now + ms; now + step <= end;) {
        now += step;
        if (tick && now >= next) {
          next += 1000;
          tick();
        }
        await Promise.resolve(); // answers arrive between ticks
      }
    },
    /** The page was busy for `ms`: time passes with no tick. */
    freeze(ms: number) {
      now += ms;
      next = now;
    },
  };
}

describe('Watchdog', () => {
  it('stays quiet while the worker answers every ping', async () => {
    const h = harness(() => true);
    h.dog.start();
    await h.advance(60_000);
    expect(h.stalls).toEqual([]);
    expect(h.pings()).toBe(60);
  });

  it('reports a worker that stops answering once, after five seconds of silence', async () => {
    const h = harness((n) => n <= 3);
    h.dog.start();
    await h.advance(30_000);
    // Pings 1–3 answered; ping 4 at 4 s never is: stuck from then, reported at 9 s.
    expect(h.stalls).toEqual([5000]);
    expect(h.pings()).toBe(4);
  });

  it('does not blame the worker for time the page itself was busy', async () => {
    const h = harness((n) => n !== 2);
    h.dog.start();
    await h.advance(2000); // ping 2 at 2 s is never answered...
    h.freeze(10_000); // ...and the page then hung for 10 s: a fresh window
    await h.advance(4000);
    expect(h.stalls).toEqual([]);
    await h.advance(2000);
    expect(h.stalls).toHaveLength(1);
  });
});
