/**
 * The simulation's Web Worker: the only place comlink exposes anything. It owns the run loop
 * (wall-clock ticks that advance simulated time at the chosen speed) so the page's main thread
 * never steps the simulation. Nothing here may touch the DOM.
 */
import { expose, transfer } from 'comlink';
import { DEFAULT_SCENARIO } from '../engine/scenario/schema.ts';
import type { SimCommand, Snapshot, SnapshotCursor, Speed } from './protocol.ts';
import { SimSession } from './simSession.ts';
import { transferables } from './snapshot.ts';

/** Wall time between run-loop ticks, and the share of it the simulation may use. */
const TICK_MS = 8;
const BUDGET_MS = 10;

const session = new SimSession(DEFAULT_SCENARIO);
let lastTick = performance.now();

function tick(): void {
  const now = performance.now();
  // Never credit more than a quarter second after the tab slept.
  const elapsed = Math.min(now - lastTick, 250);
  lastTick = now;
  try {
    session.advance(elapsed, BUDGET_MS, () => performance.now());
  } catch (error) {
    // Keep the worker alive and the user's setup intact; the page offers a reset.
    session.halt(error);
  }
  setTimeout(tick, TICK_MS);
}
setTimeout(tick, TICK_MS);

const api = {
  load: (raw: unknown) => session.load(raw),
  reset: () => session.reset(),
  play: () => {
    lastTick = performance.now();
    session.play();
  },
  pause: () => session.pause(),
  setSpeed: (speed: Speed) => session.setSpeed(speed),
  step: () => session.step(),
  stepBy: (ms: number) => session.stepBy(ms),
  command: (cmd: SimCommand) => session.command(cmd),
  setup: () => session.setup(),
  /** The latest state, or null when nothing changed since `cursor.sinceVersion`. */
  snapshot: (cursor: SnapshotCursor): Snapshot | null => {
    const snap = session.snapshot(cursor);
    return snap === null ? null : transfer(snap, transferables(snap));
  },
};

export type SimWorkerApi = typeof api;

expose(api);
