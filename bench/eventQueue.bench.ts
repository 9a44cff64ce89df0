/**
 * The agenda's priority queues on the classic hold model (Jones, "An empirical comparison of
 * priority-queue and event-set implementations", CACM 1986; the benchmark Brown's calendar queue
 * paper uses): fill the queue with `pending` events, then repeat "pop the earliest, push one at its
 * time + a random increment", so the size stays constant. The 4-ary heap (EventQueue) against the
 * calendar queue (CalendarQueue), alternated in one process and timed by CPU time (the machine is
 * shared), median of several runs, in nanoseconds per hold. Run with `npm run bench:queue`.
 */
import { CalendarQueue } from '../src/engine/calendarQueue.ts';
import { EventQueue } from '../src/engine/eventQueue.ts';
import { Xoshiro128 } from '../src/engine/random.ts';
import { cpuMs, median } from './measure.ts';

/** Increments drawn once per distribution, so both queues see the very same sequence. */
const TABLE = 1 << 20;
const RUNS = 7;
/** Holds per timed run (after as many untimed ones to reach the steady state). */
const HOLDS = 2_000_000;

const increments: Record<string, (u: number) => number> = {
  'uniform(200, 600)': (u) => 200 + 400 * u,
  'exponential(1000)': (u) => -1000 * Math.log(1 - u),
};

function table(draw: (u: number) => number): Float64Array {
  const rng = new Xoshiro128(2024);
  const t = new Float64Array(TABLE);
  for (let i = 0; i < TABLE; i++) t[i] = draw(rng.next());
  return t;
}

// One function per queue class, so every call site stays monomorphic (as it is in Agenda).
function holdHeap(pending: number, inc: Float64Array): number {
  const q = new EventQueue(1024);
  let k = 0;
  for (let i = 0; i < pending; i++) q.push(inc[k++ & (TABLE - 1)]!, 1, i);
  const run = (holds: number) => {
    for (let i = 0; i < holds; i++) {
      const t = q.peekTime();
      const d = q.peekData();
      q.pop();
      q.push(t + inc[k++ & (TABLE - 1)]!, 1, d);
    }
  };
  run(HOLDS);
  const start = cpuMs();
  run(HOLDS);
  return ((cpuMs() - start) * 1e6) / HOLDS;
}

function holdCalendar(pending: number, inc: Float64Array): number {
  const q = new CalendarQueue(1024);
  let k = 0;
  for (let i = 0; i < pending; i++) q.push(inc[k++ & (TABLE - 1)]!, 1, i);
  const run = (holds: number) => {
    for (let i = 0; i < holds; i++) {
      const t = q.peekTime();
      const d = q.peekData();
      q.pop();
      q.push(t + inc[k++ & (TABLE - 1)]!, 1, d);
    }
  };
  run(HOLDS);
  const start = cpuMs();
  run(HOLDS);
  return ((cpuMs() - start) * 1e6) / HOLDS;
}

console.log(
  `Event queue hold model · node ${process.version} · ${new Date().toISOString().slice(0, 10)}\n` +
    `CPU ns per hold (pop + push), median of ${RUNS} alternated runs of ${HOLDS.toLocaleString('en-US')} holds\n` +
    `  increment           pending   4-ary heap   calendar   heap / calendar`,
);
for (const [name, draw] of Object.entries(increments)) {
  const inc = table(draw);
  for (const pending of [100, 2_000, 20_000]) {
    const heap: number[] = [];
    const calendar: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      // Alternate which goes first, so neither always runs on the warmer (or busier) machine.
      if (r % 2 === 0) {
        heap.push(holdHeap(pending, inc));
        calendar.push(holdCalendar(pending, inc));
      } else {
        calendar.push(holdCalendar(pending, inc));
        heap.push(holdHeap(pending, inc));
      }
    }
    const h = median(heap);
    const c = median(calendar);
    const ratios = heap.map((x, i) => (x / calendar[i]!).toFixed(2)).join(' ');
    console.log(
      `  ${name.padEnd(19)} ${pending.toLocaleString('en-US').padStart(7)} ${h.toFixed(1).padStart(12)} ${c.toFixed(1).padStart(10)} ${(h / c).toFixed(2).padStart(16)}x   (per run: ${ratios})`,
    );
  }
}
