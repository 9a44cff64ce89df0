import { describe, expect, it } from 'vitest';
import { loadSweep } from '../engine/sweep/loadSweep.ts';
import { allRuns, type SweepPlan } from '../engine/sweep/plan.ts';
import { inThreadWorker, runSweep, type RunSweepOptions } from '../engine/sweep/pool.ts';
import { SWEEP_PRESETS } from '../engine/sweep/presets.ts';
import { assembleResult, resultJson } from '../engine/sweep/results.ts';
import type { SweepRunner } from '../worker/sweepClient.ts';
import { createAppStore } from './createAppStore.ts';
import type { PageEnv } from './types.ts';

const page: PageEnv = {
  storage: () => null,
  address: () => ({ href: 'http://p.test/', origin: 'http://p.test', pathname: '/' }),
  replaceAddress: () => undefined,
  copy: async () => true,
  download: () => undefined,
  onLeave: () => undefined,
};

/** A small knee: 2 strategies × 2 loads × 2 replications of 2 simulated seconds, 20 servers. */
const FILE = {
  version: 1,
  name: 'small',
  base: (SWEEP_PRESETS[0]!.raw as { base: unknown }).base,
  vary: { field: 'load', values: [0.3, 0.7] },
  strategies: ['round-robin', 'random'],
  replications: 2,
  durationMs: 2_000,
};

/**
 * The pool in process: loadSweep and runOne as the sweep workers run them, each answer a step
 * later. `gate`, when set, holds every run until the test lets it go.
 */
function inProcessRunner(gate?: { wait: () => Promise<void> }): SweepRunner {
  return {
    size: 2,
    load: async (raw) => structuredClone(loadSweep(structuredClone(raw))),
    run: (plan: SweepPlan, runs: readonly number[], options: RunSweepOptions) => {
      const inner = inThreadWorker(plan);
      const worker = {
        run: async (index: number) => {
          await gate?.wait();
          return inner.run(index);
        },
      };
      return runSweep(plan, runs, [worker, worker], options);
    },
  };
}

function harness(runner: SweepRunner | undefined) {
  const frames: Array<(now: number) => void> = [];
  const store = createAppStore({
    connect: () => {
      throw new Error('a sweep must not touch the simulation worker');
    },
    page,
    learning: async () => {
      throw new Error('not used');
    },
    nextFrame: (callback) => void frames.push(callback),
    sweepRunner: runner && (async () => runner),
  });
  const flushFrames = () => frames.splice(0).forEach((f) => f(0));
  return { store, state: () => store.getState().sweep, flushFrames };
}

describe('the sweep slice', () => {
  it('runs a sweep file to the same results as the engine in one thread', async () => {
    const h = harness(inProcessRunner());
    await h.state().run(FILE);
    const loaded = loadSweep(FILE);
    if (!loaded.ok) throw new Error('the test sweep is invalid');
    const whole = await runSweep(loaded.plan, allRuns(loaded.plan.header), [
      inThreadWorker(loaded.plan),
    ]);
    const expected = resultJson(assembleResult(loaded.plan.header, whole.figures));
    const s = h.state();
    expect(s.job).toBeNull();
    expect(s.cancelled).toBe(false);
    expect(s.workers).toBe(2);
    expect(resultJson(s.result!)).toBe(expected);
    expect(s.points).toHaveLength(4);
    expect(s.points.every((p) => p.replications === 2)).toBe(true);
  });

  it('lists a bad file’s problems by path and runs nothing', async () => {
    const h = harness(inProcessRunner());
    await h.state().run({ ...FILE, vary: { field: 'load', values: [0.5, -1] } });
    const s = h.state();
    expect(s.plan).toBeNull();
    expect(s.problems.map((p) => p.path)).toContain('vary.values[1]');
  });

  it('Stop hands out no more runs; finished ones stay as points, without whole results', async () => {
    let release: (() => void)[] = [];
    const gate = { wait: () => new Promise<void>((r) => release.push(r)) };
    const h = harness(inProcessRunner(gate));
    const running = h.state().run(FILE);
    // Both workers hold their first run (depth 1 in this fake): let them finish, then stop.
    for (let i = 0; i < 20 && release.length < 2; i++) await Promise.resolve();
    expect(h.state().job?.total).toBe(8);
    const first = release;
    release = [];
    first.forEach((r) => r());
    for (let i = 0; i < 20 && release.length < 2; i++) await Promise.resolve();
    h.flushFrames();
    expect(h.state().job?.done).toBe(2);
    expect(h.state().points.length).toBeGreaterThan(0);
    h.state().cancel();
    expect(h.state().job?.stopping).toBe(true);
    release.forEach((r) => r());
    await running;
    const s = h.state();
    expect(s.job).toBeNull();
    expect(s.cancelled).toBe(true);
    expect(s.result).toBeNull();
    // Two runs finished before Stop, the two in progress after it: four of eight.
    expect(s.points.reduce((n, p) => n + p.replications, 0)).toBe(4);
  });

  it('says so when the page has no sweep workers', async () => {
    const h = harness(undefined);
    await h.state().run(FILE);
    expect(h.state().error).toMatch(/Web Workers/);
  });

  it('loads a point into the playground with replication 1’s seed', async () => {
    const h = harness(inProcessRunner());
    await h.state().run(FILE);
    const loaded: { raw: unknown; label: string | undefined }[] = [];
    h.store.setState({
      loadScenario: async (raw: unknown, label?: string) => {
        loaded.push({ raw, label });
        return true;
      },
    });
    await h.state().openPoint(3); // random at load 0.7
    const raw = loaded[0]!.raw as { strategy: string; seed: number };
    expect(raw.strategy).toBe('random');
    expect(raw.seed).toBe(h.state().plan!.header.seeds[0]);
    expect(loaded[0]!.label).toBe('Sweep point (random, load 0.7)');
  });
});
