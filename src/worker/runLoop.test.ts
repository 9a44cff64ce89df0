import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../engine/scenario/schema.ts';
import { MAX_SLICE_MS, RunLoop, TICK_MS, type LoopHost } from './runLoop.ts';
import { SimSession } from './simSession.ts';

/** A host whose wall clock moves `perRead` ms each time it is read, recording how it is called back. */
function fakeHost(perRead: number) {
  let t = 0;
  const calls: string[] = [];
  let pending: (() => void) | null = null;
  const host: LoopHost = {
    now: () => (t += perRead),
    later: (run, ms) => {
      calls.push(`later ${ms}`);
      pending = run;
    },
    soon: (run) => {
      calls.push('soon');
      pending = run;
    },
  };
  return {
    host,
    calls,
    wall: () => t,
    /** Runs the scheduled callback, as the event loop would. */
    next: () => {
      const run = pending;
      pending = null;
      run?.();
    },
  };
}

/** A session with steady traffic that never ends on its own. */
function busySession(): SimSession {
  const s = new SimSession(DEFAULT_SCENARIO);
  expect(s.load({ traffic: [] }).ok).toBe(true);
  s.command({ type: 'setRate', ratePerSec: 500 });
  return s;
}

describe('RunLoop', () => {
  it('at a set speed ticks on a timer, each tick moving time by the wall time since the last', () => {
    const session = busySession();
    const f = fakeHost(0);
    const loop = new RunLoop(session, f.host);
    loop.start();
    session.play();
    f.next();
    expect(f.calls).toEqual([`later ${TICK_MS}`, `later ${TICK_MS}`]);
    expect(session.simulation.now).toBe(0); // the frozen clock credited no wall time
  });

  it('at "max" runs slices of MAX_SLICE_MS back to back, coming back as soon as messages allow', () => {
    const session = busySession();
    const f = fakeHost(1);
    const loop = new RunLoop(session, f.host);
    session.setSpeed('max');
    session.play();
    loop.start();
    for (let i = 0; i < 4; i++) {
      const before = f.wall();
      f.next();
      // A slice stops once its budget of wall time is used (checked every chunk of events).
      expect(f.wall() - before).toBeGreaterThanOrEqual(MAX_SLICE_MS);
    }
    expect(f.calls).toEqual([`later ${TICK_MS}`, 'soon', 'soon', 'soon', 'soon']);
    expect(session.simulation.metrics.arrived).toBeGreaterThan(1000);
  });

  it('a pause between two slices stops the back-to-back slices at once', () => {
    const session = busySession();
    const f = fakeHost(1);
    const loop = new RunLoop(session, f.host);
    session.setSpeed('max');
    session.play();
    loop.start();
    f.next();
    f.next();
    session.pause(); // handled between slices, as the page's message would be
    const at = session.simulation.now;
    f.next();
    expect(session.simulation.now).toBe(at);
    expect(f.calls.slice(-1)).toEqual([`later ${TICK_MS}`]);
  });

  it('a run that throws is halted with its message, and the loop goes on', () => {
    const session = busySession();
    const f = fakeHost(0);
    const loop = new RunLoop(session, f.host);
    session.play();
    session.advance = () => {
      throw new Error('boom');
    };
    loop.start();
    f.next();
    expect(session.playing).toBe(false);
    expect(session.fault).toBe('boom');
    expect(f.calls).toEqual([`later ${TICK_MS}`, `later ${TICK_MS}`]);
  });
});
