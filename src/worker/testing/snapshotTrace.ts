import { fingerprint } from '../../engine/testing/goldenTrace.ts';
import {
  CONTENTION_OFF,
  HEDGE_OFF,
  LIMITER_OFF,
  SHEDDING_OFF,
  THROTTLING_OFF,
} from '../../engine/overload/specs.ts';
import { DEFAULT_SCENARIO } from '../../engine/scenario/schema.ts';
import type { Snapshot, SnapshotCursor, Speed } from '../protocol.ts';
import { SimSession } from '../simSession.ts';

/** Typed arrays as plain lists, and numbers JSON would lose (NaN, infinities) as text. */
function replacer(key: string, value: unknown): unknown {
  // Added after the goldens were taken: left out while unset, so they still pin everything else.
  if (key === 'strategyFault' && value === null) return undefined;
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>, String);
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The snapshot as the goldens were written: setup fields added since (overload control's, issue
 * 15) are left out while they hold their off defaults, so the goldens keep pinning everything
 * else. A setup that uses them keeps them, and its print changes, as it should.
 */
function asWhenWritten(snap: Snapshot): unknown {
  const setup = snap.setup as unknown as Record<string, unknown> | null;
  if (setup === null) return snap;
  const { contention, shedding, ...rest } = setup;
  const resilience = { ...(rest.resilience as Record<string, unknown>) };
  const dropped: [string, unknown][] = [
    ['deadlineMs', null],
    ['limiter', LIMITER_OFF],
    ['throttling', THROTTLING_OFF],
    ['hedge', HEDGE_OFF],
  ];
  for (const [k, off] of dropped) if (same(resilience[k], off)) delete resilience[k];
  const out: Record<string, unknown> = { ...rest, resilience };
  if (!same(contention, CONTENTION_OFF)) out.contention = contention;
  if (!same(shedding, SHEDDING_OFF)) out.shedding = shedding;
  return { ...snap, setup: out };
}

/**
 * Plays a scenario in a session as the page does (a frame of `frameMs` wall time, then a snapshot
 * read with the cursor the store keeps) with a frozen wall clock, so it is deterministic, and
 * returns how many snapshots it read and one fingerprint of all of them: every field the page
 * receives, log lines and explained picks included.
 */
export function traceSession(
  raw: unknown,
  speed: Speed,
  frames: number,
  frameMs = 16,
): { snapshots: number; print: string } {
  const session = new SimSession(DEFAULT_SCENARIO);
  const loaded = session.load(raw);
  if (!loaded.ok) throw new Error('traceSession: the scenario was refused');
  session.setSpeed(speed);
  session.play();
  let cursor: SnapshotCursor = { sinceVersion: 0, logSeq: 0, routeSeq: 0, pickSeq: 0 };
  const texts: string[] = [];
  for (let i = 0; i < frames; i++) {
    session.advance(frameMs, 10, () => 0);
    const snap: Snapshot | null = session.snapshot(cursor);
    if (snap === null) continue;
    texts.push(JSON.stringify(asWhenWritten(snap), replacer));
    cursor = {
      sinceVersion: snap.version,
      logSeq: snap.log.nextSeq,
      routeSeq: snap.routes.nextSeq,
      pickSeq: snap.picks.length > 0 ? snap.picks[snap.picks.length - 1]!.seq + 1 : cursor.pickSeq,
    };
  }
  return { snapshots: texts.length, print: fingerprint(texts.join('\n')) };
}
