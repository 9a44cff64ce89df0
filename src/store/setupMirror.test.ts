import { describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/scenario/types.ts';
import { scenarioOf } from '../engine/testing/scenarioOf.ts';
import { SetupVersions, type SetupUpdate } from '../worker/setupDelta.ts';
import { SetupMirror } from './setupMirror.ts';

/**
 * A stand-in for one worker: its setup, its own version count, and the SetupVersions it answers
 * `setupSince` with (as sim.worker.ts does), noting what the page said it knew.
 */
class FakeWorker {
  readonly asked: Array<number | null> = [];
  private readonly versions = new SetupVersions();
  constructor(
    public setup: Scenario,
    public version = 1,
  ) {}

  /** An edit as LiveSetup makes one: new objects only for what changed, and a new version. */
  edit(change: (s: Scenario) => Scenario): void {
    this.setup = change(this.setup);
    this.version++;
  }

  readonly setupSince = (known: number | null): Promise<SetupUpdate> => {
    this.asked.push(known);
    return Promise.resolve(this.versions.update(known, this.version, this.setup));
  };
}

const classic = scenarioOf({
  name: 'Mirror',
  servers: [
    { name: 'A', capacity: 3 },
    { name: 'B', capacity: 2 },
    { name: 'C', capacity: 4 },
  ],
});

const withCapacity = (s: Scenario, index: number, capacity: number): Scenario => ({
  ...s,
  servers: s.servers.map((server, i) => (i === index ? { ...server, capacity } : server)),
});

describe('SetupMirror', () => {
  it('takes the whole setup first, then only the changes, and knows when nothing changed', async () => {
    const worker = new FakeWorker(classic);
    const mirror = new SetupMirror();

    const first = await mirror.read(0, worker.setupSince);
    expect(first).toEqual({ setup: classic, changed: undefined });

    worker.edit((s) => withCapacity(s, 1, 7));
    const second = await mirror.read(0, worker.setupSince);
    expect(second?.changed).toBe(true);
    expect(second?.setup.servers.map((s) => s.capacity)).toEqual([3, 7, 4]);
    // Only the edited server is a new object: the others are the ones the mirror held.
    expect(second?.setup.servers[0]).toBe(first?.setup.servers[0]);

    const third = await mirror.read(0, worker.setupSince);
    expect(third).toEqual({ setup: second?.setup, changed: false });
    expect(worker.asked).toEqual([null, 1, 2]);
  });

  it('reports an edit that put back what was there as no change', async () => {
    const worker = new FakeWorker(classic);
    const mirror = new SetupMirror();
    await mirror.read(0, worker.setupSince);
    worker.edit((s) => withCapacity(s, 0, 3)); // the capacity it had: a new object, same values
    expect((await mirror.read(0, worker.setupSince))?.changed).toBe(false);
  });

  it('starts over with a replaced worker even when its version count meets the one held', async () => {
    const old = new FakeWorker(classic);
    const mirror = new SetupMirror();
    await mirror.read(0, old.setupSince); // version 1 of the old worker
    old.edit((s) => withCapacity(s, 2, 9)); // version 2, not read by the page

    // The fresh worker has its own setup at its own version 1, already known to its
    // SetupVersions (its snapshots are answered from the same one).
    const fresh = new FakeWorker(withCapacity(classic, 2, 9));
    await fresh.setupSince(null);
    const read = await mirror.read(1, fresh.setupSince);
    expect(fresh.asked).toEqual([null, null]);
    expect(read?.setup.servers.map((s) => s.capacity)).toEqual([3, 2, 9]);
    expect(read?.changed).toBeUndefined();
  });

  it('returns undefined when the call fails, and keeps its copy for the next read', async () => {
    const worker = new FakeWorker(classic);
    const mirror = new SetupMirror();
    await mirror.read(0, worker.setupSince);
    expect(await mirror.read(0, () => Promise.resolve(undefined))).toBeUndefined();
    worker.edit((s) => withCapacity(s, 1, 5));
    const read = await mirror.read(0, worker.setupSince);
    expect(worker.asked).toEqual([null, 1]);
    expect(read?.setup.servers[1]?.capacity).toBe(5);
  });
});
