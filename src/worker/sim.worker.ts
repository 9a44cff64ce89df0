/**
 * The simulation's Web Worker: the only place comlink exposes anything. It owns the run loop
 * (runLoop.ts: wall-clock ticks that advance simulated time at the chosen speed) so the page's
 * main thread never steps the simulation. Nothing here may touch the DOM.
 */
import { expose, transfer } from 'comlink';
import { DEFAULT_SCENARIO, parseScenario } from '../engine/scenario/schema.ts';
import type {
  CompareOutcome,
  RunToEndOutcome,
  SimCommand,
  SnapshotCursor,
  SnapshotMessage,
  Speed,
} from './protocol.ts';
import { HeadlessRun } from './headlessRun.ts';
import { JobRunner } from './jobs.ts';
import { checkRecording } from './recordingFormat.ts';
import { RunLoop } from './runLoop.ts';
import { SimSession } from './simSession.ts';
import { transferables } from './snapshot.ts';
import { compareTransferables, startComparison } from './compareRun.ts';

const session = new SimSession(DEFAULT_SCENARIO);
/** Comparisons and runs to the end, in slices between run-loop ticks (see jobs.ts). */
const jobs = new JobRunner({
  yieldToLoop: () => new Promise((resolve) => setTimeout(resolve, 0)),
  clock: () => performance.now(),
});

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
  /** The page's watchdog asks every second; no answer for five seconds means a stuck worker. */
  ping: () => true,
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
  /**
   * The latest state, or null when nothing changed since `cursor.sinceVersion`; the setup only
   * when it changed since `cursor.setupVersion`.
   */
  snapshot: (cursor: SnapshotCursor): SnapshotMessage | null => {
    const snap = session.snapshot(cursor);
    if (snap === null) return null;
    const message = snap.setupVersion === cursor.setupVersion ? { ...snap, setup: null } : snap;
    return transfer(message, transferables(snap));
  },
  /** Sends every headless job's progress to `port` (the page's client keeps the other end). */
  watchJobs: (port: MessagePort) => jobs.watch((p) => port.postMessage(p)),
  /** Stops headless job `job` at its next slice; it then resolves as cancelled. */
  cancelJob: (job: number) => jobs.cancel(job),
  /**
   * Runs the current setup once per strategy on the identical workload (see compareRun.ts), in
   * slices between run-loop ticks so the live run keeps moving. One at a time. Never throws.
   */
  compare: async (job: number, variants: unknown): Promise<CompareOutcome> => {
    const outcome = await jobs.run(job, 'compare', () =>
      startComparison(session.setup(), session.steadyRate, variants),
    );
    return transfer(outcome, compareTransferables(outcome));
  },
  /**
   * Runs a scenario (raw JSON, checked like a file) from its start to its end, headless and apart
   * from the live run, for a lesson or a challenge check. One at a time. Never throws.
   */
  runToEnd: (job: number, raw: unknown): Promise<RunToEndOutcome> =>
    jobs.run(job, 'run', () => {
      const parsed = parseScenario(raw);
      if (parsed.ok) return new HeadlessRun(parsed.scenario);
      const problems = parsed.problems.map((p) => `${p.path || 'scenario'}: ${p.message}`);
      return { ok: false, message: `The scenario was refused: ${problems.join('; ')}` };
    }),
};

export type SimWorkerApi = typeof api;

expose(api);
