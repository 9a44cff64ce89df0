/**
 * The simulation's Web Worker: the only place comlink exposes anything. It owns the run loop
 * (runLoop.ts: wall-clock ticks that advance simulated time at the chosen speed) so the page's
 * main thread never steps the simulation. Nothing here may touch the DOM.
 */
import { expose, transfer } from 'comlink';
import { DEFAULT_SCENARIO, parseScenario } from '../engine/scenario/schema.ts';
import type {
  CompareOutcome,
  GradeOutcome,
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
import { SetupVersions, type SetupUpdate } from './setupDelta.ts';
import { asksForCustom, compareTransferables, startComparison } from './compareRun.ts';
import { mentionsCustom } from './customStrategyUse.ts';

/** The sandbox's part of the worker, loaded the first time a strategy of the user's is involved. */
let sandboxJobs: Promise<typeof import('./sandboxJobs.ts')> | null = null;
const withSandbox = () => (sandboxJobs ??= import('./sandboxJobs.ts'));

const session = new SimSession(DEFAULT_SCENARIO);

/** Runs `fn`; if the simulation throws, the run stops with the error shown (never a crash). */
function halting<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    session.halt(error);
    return undefined;
  }
}

/**
 * Before a run that may run the user's code (a scenario, recording or command naming "custom"):
 * loads the sandbox and gives the session a fresh QuickJS instance. A page that never uses a
 * custom strategy never loads QuickJS.
 */
async function sandboxFor(needed: boolean): Promise<void> {
  if (!needed && session.makeCustom === undefined) return;
  try {
    session.makeCustom = await (await withSandbox()).customStrategyMaker();
  } catch {
    // The sandbox did not load: "custom" is then refused with its message, nothing else changes.
  }
}
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

/** The setups last sent to the page, so the next can cross as a delta (setupDelta.ts). */
const setupVersions = new SetupVersions();

const api = {
  /** The page's watchdog asks every second; no answer for five seconds means a stuck worker. */
  ping: () => true,
  load: async (raw: unknown) => {
    await sandboxFor(mentionsCustom(raw));
    return session.load(raw);
  },
  reset: async () => {
    await sandboxFor(session.setup().strategy === 'custom');
    session.reset();
  },
  play: () => {
    loop.restartClock();
    session.play();
  },
  pause: () => session.pause(),
  setSpeed: (speed: Speed) => session.setSpeed(speed),
  // A step can make the user's strategy fail: the run then stops, as in the loop (runLoop.ts).
  step: () => halting(() => session.step()),
  stepBy: (ms: number) => halting(() => session.stepBy(ms)) ?? { ok: true as const },
  command: async (cmd: SimCommand) => {
    if (cmd.type === 'setStrategy' && cmd.strategy === 'custom') await sandboxFor(true);
    return session.command(cmd);
  },
  setup: () => session.setup(),
  /** The setup for a holder of version `known`: nothing, the changes, or all (setupDelta.ts). */
  setupSince: (known: number | null): SetupUpdate =>
    setupVersions.update(known, session.setupVersion, session.setup()),
  /** The run's recording so far: its start and every live command (see recording.ts). */
  recording: () => session.recording(),
  /** Checks a recording file's contents without touching the run. Never throws. */
  checkRecording: (raw: unknown) => checkRecording(raw),
  /** Starts the run over from a recording and plays it; a refused one leaves the run as it was. */
  replay: async (raw: unknown) => {
    await sandboxFor(mentionsCustom(raw));
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
    const update = setupVersions.update(cursor.setupVersion, snap.setupVersion, snap.setup);
    const message = { ...snap, setup: update.setup, setupDelta: update.delta };
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
    const makeCustom = asksForCustom(variants)
      ? await (await withSandbox()).customStrategyMaker().catch(() => undefined)
      : undefined;
    const outcome = await jobs.run(job, 'compare', () =>
      startComparison(session.setup(), session.steadyRate, variants, undefined, makeCustom),
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
  /** Whether a strategy's code loads, and if not the problem and its line. Never throws. */
  checkStrategy: async (code: unknown) => (await withSandbox()).checkStrategy(code),
  /**
   * Grades `code` against an exercise's hidden cases in a sandbox of its own, one case per slice
   * between run-loop ticks. One at a time; cancellable. Never throws.
   */
  grade: async (job: number, exercise: unknown, code: unknown): Promise<GradeOutcome> =>
    (await withSandbox()).grade(jobs, job, exercise, code),
};

export type SimWorkerApi = typeof api;

expose(api);
