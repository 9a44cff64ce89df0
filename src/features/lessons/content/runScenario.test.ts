import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../../engine/scenario/schema.ts';
import type { Scenario } from '../../../engine/scenario/types.ts';
import type { RunSummary } from '../../../engine/summary.ts';
import type { Snapshot, Speed } from '../../../worker/protocol.ts';
import { runScenario, type RunHost } from './runScenario.ts';

type Fields = Pick<Snapshot, 'now' | 'finished' | 'playing' | 'setupVersion' | 'speed'> & {
  name: string;
  durationMs?: number | null;
  served?: number;
};

/** A stand-in for the playground store: snapshots are pushed by the test. */
class FakeHost implements RunHost {
  calls: string[] = [];
  status: 'starting' | 'ready' | 'crashed' = 'ready';
  snapshot: Snapshot | null;
  loadOk = true;
  private listeners = new Set<() => void>();

  constructor(first: Fields) {
    this.snapshot = snap(first);
  }

  push(fields: Fields): void {
    this.snapshot = snap(fields);
    for (const l of [...this.listeners]) l();
  }

  get listening(): number {
    return this.listeners.size;
  }

  getState() {
    return {
      status: this.status,
      snapshot: this.snapshot,
      loadScenario: async (raw: unknown) => {
        this.calls.push(`load ${(raw as { name: string }).name}`);
        return this.loadOk;
      },
      setSpeed: async (speed: Speed) => void this.calls.push(`speed ${speed}`),
      play: async () => void this.calls.push('play'),
      pause: async () => void this.calls.push('pause'),
    };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function snap(f: Fields): Snapshot {
  const setup: Scenario = {
    ...DEFAULT_SCENARIO,
    name: f.name,
    durationMs: f.durationMs ?? null,
  };
  const summary = { name: f.name, requests: { served: f.served ?? 0 } } as unknown as RunSummary;
  return { ...f, setup, summary } as unknown as Snapshot;
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const raw = { name: 'Lesson: test', traffic: [{ at: 0, burst: 10 }] };
const base = { now: 0, finished: false, playing: true, speed: 4 as Speed };

describe('runScenario', () => {
  it('waits for its own run to finish, ignoring the previous setup that had finished', async () => {
    const host = new FakeHost({ ...base, finished: true, setupVersion: 3, name: 'Mine', speed: 4 });
    const progress: number[] = [];
    const done = runScenario(host, raw, {
      label: 'Lesson',
      speed: 0.5,
      onProgress: (now) => progress.push(now),
    });
    await tick();
    expect(host.calls).toEqual(['load Lesson: test', 'speed 0.5', 'play']);
    host.push({ ...base, finished: true, setupVersion: 3, name: 'Mine' }); // stale
    host.push({ ...base, setupVersion: 4, name: 'Lesson: test', now: 100 });
    host.push({ ...base, setupVersion: 4, name: 'Lesson: test', now: 400 });
    host.push({
      ...base,
      setupVersion: 4,
      name: 'Lesson: test',
      now: 560,
      finished: true,
      served: 9,
    });
    const outcome = await done;
    expect(outcome.ok && outcome.record.summary.requests.served).toBe(9);
    expect(progress).toEqual([100, 400, 560]);
    // Paused afterwards, with the learner's own speed back.
    expect(host.calls.slice(3)).toEqual(['pause', 'speed 4']);
    expect(host.listening).toBe(0);
  });

  it('ends a run with a duration when time reaches it, even with requests in flight', async () => {
    const host = new FakeHost({ ...base, setupVersion: 1, name: 'Mine' });
    const done = runScenario(host, raw, { label: 'Lesson', speed: 'max' });
    await tick();
    host.push({
      ...base,
      setupVersion: 2,
      name: 'Lesson: test',
      durationMs: 1000,
      now: 1000,
      playing: false,
    });
    expect((await done).ok).toBe(true);
  });

  it('gives up when another setup replaces its own, when stopped, and when the load is refused', async () => {
    const host = new FakeHost({ ...base, setupVersion: 1, name: 'Mine' });
    const replaced = runScenario(host, raw, { label: 'Lesson', speed: 1 });
    await tick();
    host.push({ ...base, setupVersion: 2, name: 'Lesson: test' });
    host.push({ ...base, setupVersion: 3, name: 'Classic demo', finished: true });
    expect(await replaced).toEqual({
      ok: false,
      reason: 'Another setup was loaded during the run.',
    });

    const controller = new AbortController();
    const stopped = runScenario(host, raw, {
      label: 'Lesson',
      speed: 1,
      signal: controller.signal,
    });
    await tick();
    controller.abort();
    expect(await stopped).toEqual({ ok: false, reason: 'Stopped.' });
    expect(host.listening).toBe(0);

    host.loadOk = false;
    expect(await runScenario(host, raw, { label: 'Lesson', speed: 1 })).toEqual({
      ok: false,
      reason: 'Lesson could not be loaded.',
    });
  });

  it('reports a crash of the simulation', async () => {
    const host = new FakeHost({ ...base, setupVersion: 1, name: 'Mine' });
    const done = runScenario(host, raw, { label: 'Lesson', speed: 1 });
    await tick();
    host.status = 'crashed';
    host.push({ ...base, setupVersion: 1, name: 'Mine' });
    expect(await done).toEqual({ ok: false, reason: 'The simulation crashed.' });
  });
});
