import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../engine/scenario/schema.ts';
import type { Snapshot, SnapshotCursor, SnapshotMessage } from '../worker/protocol.ts';
import { SimSession } from '../worker/simSession.ts';
import type { SimApi } from '../worker/simClient.ts';
import { LogBook } from './logBook.ts';
import { RouteFeed } from './routeFeed.ts';
import { SimLink } from './simLink.ts';
import { SnapshotPump } from './snapshotPump.ts';
import type { PlaygroundState } from './types.ts';

/**
 * A pump over a session, with the worker's rule for the setup (left out while the cursor's
 * version is current) and frames run by hand. Records every cursor the pump sent.
 */
function harness() {
  const session = new SimSession(DEFAULT_SCENARIO); // the default setup is named "Untitled"
  const cursors: SnapshotCursor[] = [];
  const api = {
    snapshot: async (cursor: SnapshotCursor): Promise<SnapshotMessage | null> => {
      cursors.push(cursor);
      const snap = structuredClone(session.snapshot(cursor));
      if (!snap) return null;
      return snap.setupVersion === cursor.setupVersion ? { ...snap, setup: null } : snap;
    },
  } as unknown as SimApi;
  const link = new SimLink(
    () => ({
      call: (fn) => fn(api),
      restart: () => undefined,
      nextJobId: () => 1,
      onJobProgress: () => () => undefined,
    }),
    () => undefined,
  );
  let state = {
    snapshot: null,
    status: 'starting',
    picks: [],
    logVersion: 0,
  } as unknown as PlaygroundState;
  const frames: Array<(now: number) => void> = [];
  const pump = new SnapshotPump({
    get: () => state,
    set: (p) => {
      state = { ...state, ...(typeof p === 'function' ? p(state) : p) };
    },
    link,
    logBook: new LogBook(),
    routeFeed: new RouteFeed(),
    nextFrame: (cb) => void frames.push(cb),
  });
  let now = 0;
  const frame = async () => {
    for (const cb of frames.splice(0)) cb((now += 16));
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return {
    ...{ session, pump, frame, cursors },
    snapshot: (): Snapshot | null => state.snapshot,
    notice: () => state.notice,
    setNotice: (notice: PlaygroundState['notice']) => void (state = { ...state, notice }),
  };
}

describe('SnapshotPump', () => {
  it('asks for the setup only when it changed, and keeps the copy it has', async () => {
    const h = harness();
    h.pump.start();
    await h.frame();
    const first = h.snapshot()!;
    expect(first.setup.name).toBe('Untitled');
    expect(h.cursors[0]!.setupVersion).toBeUndefined();

    h.session.play();
    h.session.advance(100, 10, () => 0);
    await h.frame();
    // The run moved, the setup did not: the same setup object, not a copy sent again.
    expect(h.cursors[1]!.setupVersion).toBe(first.setupVersion);
    expect(h.snapshot()!.now).toBe(100);
    expect(h.snapshot()!.setup).toBe(first.setup);

    h.session.command({ type: 'setStrategy', strategy: 'least-connections' });
    await h.frame();
    expect(h.snapshot()!.setup.strategy).toBe('least-connections');
    expect(h.snapshot()!.setup).not.toBe(first.setup);
  });

  it('asks for everything again after a new run restarts the cursors', async () => {
    const h = harness();
    h.pump.start();
    await h.frame();
    h.pump.restart();
    h.session.play();
    h.session.advance(50, 10, () => 0);
    await h.frame();
    expect(h.cursors[1]).toEqual({ sinceVersion: 0, logSeq: 0, routeSeq: 0, pickSeq: 0 });
    expect(h.snapshot()!.setup.name).toBe('Untitled');
  });

  it('says once that the run paused itself at its end, and why, without hiding an error', async () => {
    const h = harness();
    h.pump.start();
    h.session.play();
    for (let i = 0; i < 20 && h.session.playing; i++) h.session.advance(100, 10, () => 0);
    await h.frame();
    expect(h.notice()).toEqual({
      kind: 'info',
      text: expect.stringMatching(
        /^The run paused itself at 0\.\d{3} s: its traffic is over and every request has ended \(10 requests: 9 served and 1 rejected\)\./,
      ),
    });
    // Not again on the next snapshots of the same pause.
    h.setNotice(null);
    h.session.command({ type: 'setStrategy', strategy: 'random' });
    await h.frame();
    expect(h.notice()).toBeNull();

    // A burst plays it on; when it pauses again an unread error is left in place.
    h.session.command({ type: 'fireBurst', count: 2 });
    await h.frame();
    const error = { kind: 'error' as const, text: 'capacity: must be at least 1' };
    h.setNotice(error);
    for (let i = 0; i < 20 && h.session.playing; i++) h.session.advance(100, 10, () => 0);
    await h.frame();
    expect(h.snapshot()!.pausedAtEnd).toBe(true);
    expect(h.notice()).toBe(error);
  });
});
