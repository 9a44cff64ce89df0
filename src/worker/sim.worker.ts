/**
 * The simulation's Web Worker: the only place comlink exposes anything. It owns the run loop
 * (runLoop.ts: wall-clock ticks that advance simulated time at the chosen speed) so the page's
 * main thread never steps the simulation. Nothing here may touch the DOM.
 */
import { expose, transfer } from 'comlink';
import { DEFAULT_SCENARIO } from '../engine/scenario/schema.ts';
import type { CompareOutcome, SimCommand, Snapshot, SnapshotCursor, Speed } from './protocol.ts';
import { checkRecording } from './recordingFormat.ts';
import { RunLoop } from './runLoop.ts';
import { SimSession } from './simSession.ts';
import { transferables } from './snapshot.ts';
import { compareTransferables, runComparisonInSlices } from './compareRun.ts';

const session = new SimSession(DEFAULT_SCENARIO);
/** One comparison at a time: a second request while one runs is refused. */
let comparing = false;

// At "max" the loop comes back through a message to itself rather than a timer: it runs after the
// page's messages already waiting (a pause, a snapshot request) and without timers' 4 ms clamp.
const channel = new MessageChannel();
let soonRun: (() => void) | null = null;
channel.port1.onmessage = () => {
  const run = soonRun;
  soonRun = null;
  run?.();
};
const loop = new RunLoop(session, {
  now: () => performance.now(),
  later: (run, ms) => setTimeout(run, ms),
  soon: (run) => {
    soonRun = run;
    channel.port2.postMessage(null);
  },
});
loop.start();

const api = {
  load: (raw: unknown) => session.load(raw),
  reset: () => session.reset(),
  play: () => {
    loop.restartClock();
    session.play();
  },
  pause: () => session.pause(),
  setSpeed: (speed: Speed) => session.setSpeed(speed),
  step: () => session.step(),
  stepBy: (ms: number) => session.stepBy(ms),
  command: (cmd: SimCommand) => session.command(cmd),
  setup: () => session.setup(),
  /** The run's recording so far: its start and every live command (see recording.ts). */
  recording: () => session.recording(),
  /** Checks a recording file's contents without touching the run. Never throws. */
  checkRecording: (raw: unknown) => checkRecording(raw),
  /** Starts the run over from a recording and plays it; a refused one leaves the run as it was. */
  replay: (raw: unknown) => {
    loop.restartClock();
    return session.replay(raw);
  },
  /** The latest state, or null when nothing changed since `cursor.sinceVersion`. */
  snapshot: (cursor: SnapshotCursor): Snapshot | null => {
    const snap = session.snapshot(cursor);
    return snap === null ? null : transfer(snap, transferables(snap));
  },
  /**
   * Runs the current setup once per strategy on the identical workload (see compareRun.ts), in
   * slices between run-loop ticks so the live run keeps moving. Never throws.
   */
  compare: async (variants: unknown): Promise<CompareOutcome> => {
    if (comparing) return { ok: false, message: 'compare: a comparison is already running' };
    comparing = true;
    try {
      const outcome = await runComparisonInSlices(
        session.setup(),
        session.steadyRate,
        variants,
        () => new Promise((resolve) => setTimeout(resolve, 0)),
      );
      return transfer(outcome, compareTransferables(outcome));
    } finally {
      comparing = false;
    }
  },
};

export type SimWorkerApi = typeof api;

expose(api);
