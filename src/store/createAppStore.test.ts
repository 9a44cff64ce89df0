import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../engine/scenario/schema.ts';
import * as challenges from '../features/challenges/content/index.ts';
import { lessonById } from '../features/lessons/content/index.ts';
import { startComparison } from '../worker/compareRun.ts';
import { HeadlessRun } from '../worker/headlessRun.ts';
import { JobRunner } from '../worker/jobs.ts';
import type { JobProgress, SimCommand, SnapshotCursor, Speed } from '../worker/protocol.ts';
import { parseScenario } from '../engine/scenario/schema.ts';
import type { SimApi } from '../worker/simClient.ts';
import { SimSession } from '../worker/simSession.ts';
import { SetupVersions } from '../worker/setupDelta.ts';
import { createAppStore } from './createAppStore.ts';
import type { OnWorkerLoss, SimConnection } from './simLink.ts';
import type { WorkerLoss } from '../worker/simClient.ts';
import type { PageEnv } from './types.ts';

const page: PageEnv = {
  storage: () => null,
  address: () => ({ href: 'http://p.test/', origin: 'http://p.test', pathname: '/' }),
  replaceAddress: () => undefined,
  copy: async () => true,
  download: () => undefined,
  onLeave: () => undefined,
};

const catalog = {
  lessonById,
  challengeById: challenges.challengeById,
  challengeScenario: challenges.challengeScenario,
  imposeWorkload: challenges.imposeWorkload,
  evaluate: challenges.evaluate,
};

/**
 * The worker's API in process: a session and a job runner as sim.worker.ts builds them, every
 * value cloned as if it crossed a message port. `gate` holds headless jobs between slices until
 * the test lets them go, so progress and cancelling can be observed.
 */
function fakeWorker() {
  const session = new SimSession(DEFAULT_SCENARIO);
  const listeners = new Set<(p: JobProgress) => void>();
  let release: (() => void) | null = null;
  let held = false;
  const jobs = new JobRunner({
    yieldToLoop: () =>
      held ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve(),
    clock: () => 0,
    slice: 200,
    reportEveryMs: 0,
  });
  jobs.watch((p) => listeners.forEach((l) => l(structuredClone(p))));
  const clone = structuredClone;
  const versions = new SetupVersions();
  /** The setup versions the page said it held, call by call (null: none). */
  const setupAsked: Array<number | null> = [];
  const api = {
    load: async (raw: unknown) => clone(session.load(clone(raw))),
    setup: async () => clone(session.setup()),
    setupSince: async (known: number | null) => {
      setupAsked.push(known);
      return clone(versions.update(known, session.setupVersion, session.setup()));
    },
    command: async (cmd: SimCommand) => session.command(clone(cmd)),
    snapshot: async (cursor: SnapshotCursor) => {
      const snap = session.snapshot(cursor);
      if (!snap) return null;
      // As the worker does: the setup only when the page's copy is not current, and then as
      // the changes since that copy where it can.
      const update = versions.update(cursor.setupVersion, snap.setupVersion, snap.setup);
      return clone({ ...snap, setup: update.setup, setupDelta: update.delta });
    },
    play: async () => session.play(),
    pause: async () => session.pause(),
    setSpeed: async (speed: Speed) => session.setSpeed(speed),
    reset: async () => session.reset(),
    cancelJob: async (job: number) => jobs.cancel(job),
    runToEnd: (job: number, raw: unknown) =>
      jobs.run(job, 'run', () => {
        const parsed = parseScenario(clone(raw));
        return parsed.ok ? new HeadlessRun(parsed.scenario) : { ok: false, message: 'refused' };
      }),
    compare: (job: number, variants: unknown) =>
      jobs.run(job, 'compare', () =>
        startComparison(session.setup(), session.steadyRate, clone(variants)),
      ),
  } as unknown as SimApi;
  const crashes: OnWorkerLoss[] = [];
  let restarts = 0;
  const connection = (onCrash: OnWorkerLoss): SimConnection => {
    crashes.push(onCrash);
    let last = 0;
    return {
      call: (fn) => fn(api),
      restart: () => void restarts++,
      nextJobId: () => ++last,
      onJobProgress: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    };
  };
  return {
    session,
    connection,
    crash: (message: string, how: WorkerLoss = 'crashed') =>
      crashes.forEach((c) => c(message, how)),
    restarts: () => restarts,
    setupAsked,
    hold: (on: boolean) => {
      held = on;
      if (!on) release?.();
    },
    step: () => release?.(),
  };
}

/** A store over the fake worker, with animation frames the test runs by hand. */
function harness() {
  const worker = fakeWorker();
  const frames: Array<(now: number) => void> = [];
  const store = createAppStore({
    connect: worker.connection,
    page,
    learning: async () => catalog,
    nextFrame: (callback) => void frames.push(callback),
  });
  let now = 0;
  /** Runs the pending frames and lets the snapshot they asked for arrive. */
  const frame = async () => {
    for (const callback of frames.splice(0)) callback((now += 16));
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { store, worker, frame, state: () => store.getState() };
}

/** Lets pending promise callbacks run (no timers: every step of the fake worker is a promise). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

describe('the app store', () => {
  it('checks a challenge headless: the verdict comes back, the playground is left alone', async () => {
    const h = harness();
    await h.state().learn.startChallenge('even-utilization');
    await h.frame();
    expect(h.state().snapshot?.setup.servers.map((s) => s.name)).toEqual([
      'Big',
      'Small-1',
      'Small-2',
    ]);
    const versionBefore = h.state().snapshot!.setupVersion;

    await h.state().learn.checkChallenge();
    expect(h.state().learn.challenge?.result?.pass).toBe(false);
    expect(h.state().learn.running).toBeNull();
    // The live run did not move and its setup is the learner's, not the check's.
    await h.frame();
    expect(h.worker.session.simulation.now).toBe(0);
    expect(h.state().snapshot!.setupVersion).toBe(versionBefore);

    await h.state().learn.showSolution();
    await h.frame();
    await h.state().learn.checkChallenge();
    expect(h.state().learn.challenge?.result?.pass).toBe(true);
  });

  it('shows a check’s progress while it runs, and a stopped check leaves no verdict', async () => {
    const h = harness();
    await h.state().learn.startChallenge('even-utilization');
    await h.frame();
    h.worker.hold(true);
    const check = h.state().learn.checkChallenge();
    await settle();
    const first = h.state().learn.running;
    expect(first?.owner).toBe('challenge');
    h.worker.step();
    await settle();
    const later = h.state().learn.running!.job;
    expect(later.fraction).toBeGreaterThan(first!.job.fraction);
    expect(later.endMs).toBe(30_000);

    h.state().learn.stopRun();
    expect(h.state().learn.running).toBeNull();
    h.worker.hold(false);
    await check;
    expect(h.state().learn.challenge?.result).toBeNull();
    expect(h.state().learn.runError).toBeNull();
  });

  it('runs a lesson headless for its numbers and plays the same run to watch', async () => {
    const h = harness();
    await h.state().learn.startLesson('ten-requests');
    await h.state().learn.runLesson('demo', 0.5);
    const run = h.state().learn.lesson?.runs.demo;
    expect(run?.summary.requests.served).toBe(9);
    expect(run?.summary.requests.rejected).toBe(1);
    expect(h.worker.session.playing).toBe(true);
    expect(h.worker.session.speed).toBe(0.5);
    // Leaving the lesson puts the learner's own speed back.
    h.state().learn.leaveLesson();
    await settle();
    expect(h.worker.session.speed).toBe(1);
  });

  it('cancels a comparison and keeps the result it had', async () => {
    const h = harness();
    await h.state().loadPreset('unequal-servers');
    await h.frame();
    await h.state().compare.run();
    const result = h.state().compare.result;
    expect(result?.variants.map((v) => v.strategy)).toEqual(['round-robin', 'least-connections']);

    h.worker.hold(true);
    const again = h.state().compare.run();
    await settle();
    expect(h.state().compare.job).not.toBeNull();
    h.state().compare.cancel();
    await settle();
    h.worker.hold(false);
    await again;
    expect(h.state().compare.job).toBeNull();
    expect(h.state().compare.error).toBe('Stopped.');
    expect(h.state().compare.result).toBe(result);
  });

  it('marks a crash and restarts the worker with the last setup', async () => {
    const h = harness();
    await h.state().loadPreset('unequal-servers');
    await h.frame();
    h.worker.crash('the simulation worker failed');
    expect(h.state().status).toBe('crashed');
    expect(h.state().crash).toBe('the simulation worker failed');

    h.worker.session.load(DEFAULT_SCENARIO as unknown); // the fresh worker starts from the default
    await h.state().restart();
    expect(h.worker.restarts()).toBe(1);
    expect(h.state().status).toBe('starting');
    expect(h.worker.session.setup().name).toBe('Unequal servers');
  });

  it('asks a restarted worker for its whole setup: the old one’s version numbers mean nothing to it', async () => {
    const h = harness();
    await h.state().loadPreset('unequal-servers');
    await h.state().command({ type: 'setStrategy', strategy: 'least-connections' });
    await h.frame();
    const before = h.worker.setupAsked.length;
    expect(h.worker.setupAsked.at(-1)).not.toBeNull(); // the page held a version of the old one
    h.worker.crash('the simulation worker failed');
    await h.state().restart();
    expect(h.worker.setupAsked.slice(before)[0]).toBeNull();
  });

  it('replaces a worker that stopped answering at once, with the setup and a notice', async () => {
    const h = harness();
    await h.state().loadPreset('unequal-servers');
    await h.frame();
    h.worker.session.load(DEFAULT_SCENARIO as unknown); // the fresh worker starts from the default
    h.worker.crash('the simulation stopped answering (no reply for 5 s)', 'stalled');
    await expect.poll(() => h.state().notice?.text ?? '').toMatch(/^The simulation was replaced/);
    expect(h.worker.restarts()).toBe(1);
    expect(h.worker.session.setup().name).toBe('Unequal servers');
    expect(h.state().notice?.text).toContain('your setup from 0 s');
  });

  it('keeps nothing at module level: two stores have their own run, log and history', async () => {
    const a = harness();
    const b = harness();
    expect(a.state().logBook).not.toBe(b.state().logBook);
    expect(a.state().runHistory).not.toBe(b.state().runHistory);
    await a.state().loadPreset('unequal-servers');
    await a.frame();
    await b.frame();
    expect(a.state().snapshot?.setup.name).toBe('Unequal servers');
    expect(b.state().snapshot).toBeNull();
  });
});
