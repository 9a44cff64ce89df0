import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, parseScenario, serializeScenario } from '../engine/scenario/schema.ts';
import { PRESETS } from '../engine/scenario/presets.ts';
import { SimSession } from './simSession.ts';
import { LOG_PER_FRAME } from './snapshot.ts';

const cursor = { sinceVersion: 0, logSeq: 0, routeSeq: 0, pickSeq: 0 };
/** A wall clock the test moves by hand. */
const frozenClock = () => 0;

function classicSession(): SimSession {
  const s = new SimSession(DEFAULT_SCENARIO);
  expect(s.load(PRESETS[0]!.raw).ok).toBe(true);
  return s;
}

describe('SimSession', () => {
  it('plays the classic demo at 1x: 9 served, 1 rejected, once enough wall time has passed', () => {
    const s = classicSession();
    s.play();
    s.advance(100, 10, frozenClock);
    expect(s.simulation.now).toBe(100);
    for (let i = 0; i < 10; i++) s.advance(100, 10, frozenClock);
    const snap = s.snapshot(cursor)!;
    expect(snap.summary.requests.served).toBe(9);
    expect(snap.summary.requests.rejectedByReason.noHealthyServers).toBe(1);
    expect(snap.servers.map((v) => v.name)).toEqual(['Server-A', 'Server-B', 'Server-C']);
    expect(
      snap.log.entries.some(
        (e) => e.message === 'Request 10 failed: No healthy servers available!',
      ),
    ).toBe(true);
    expect(snap.routes.dests.length).toBe(10);
  });

  it('does not move time while paused, and moves it by speed while playing', () => {
    const s = classicSession();
    s.advance(100, 10, frozenClock);
    expect(s.simulation.now).toBe(0);
    s.setSpeed(10);
    s.play();
    s.advance(50, 10, frozenClock);
    expect(s.simulation.now).toBe(500);
  });

  it('at max speed a run with a duration reaches its end, past its last event', () => {
    const s = new SimSession(DEFAULT_SCENARIO);
    const raw = { traffic: [{ from: 0, to: 2000, ratePerSec: 20 }], durationMs: 5000 };
    expect(s.load(raw).ok).toBe(true);
    s.setSpeed('max');
    s.play();
    // A frozen wall clock: each tick may run one chunk of events and no more.
    for (let i = 0; i < 10 && s.playing; i++) s.advance(16, 10, frozenClock);
    expect(s.simulation.now).toBe(5000);
    expect(s.playing).toBe(false);
    expect(s.snapshot(cursor)!.finished).toBe(true);
  });

  it('at max speed with active health checks the run still pauses itself once traffic has ended', () => {
    const s = new SimSession(DEFAULT_SCENARIO);
    expect(s.load({ resilience: { healthCheck: { mode: 'active' } } }).ok).toBe(true);
    s.setSpeed('max');
    s.play();
    for (let i = 0; i < 5 && s.playing; i++) s.advance(16, 10, frozenClock);
    // Health checks recur for ever, but change no outcome: the run is over and says so.
    expect(s.playing).toBe(false);
    expect(s.snapshot(cursor)!).toMatchObject({ finished: true, pausedAtEnd: true });
    expect(s.snapshot(cursor)!.summary.requests.served).toBe(9);
    // Played on by hand, the clock moves on (the checks go on running).
    const at = s.simulation.now;
    s.play();
    s.advance(16, 10, frozenClock);
    expect(s.simulation.now).toBeGreaterThan(at);
    expect(s.playing).toBe(true);
  });

  describe('pausing itself at the end of a run', () => {
    /** The simulated time of the newest log entry: the event that ended the run. */
    const lastEventAt = (s: SimSession) => s.snapshot(cursor)!.log.entries.at(-1)!.timeMs;

    it('the classic demo at 1x pauses at the instant its last request ends, and says so', () => {
      const s = classicSession();
      s.play();
      for (let i = 0; i < 20 && s.playing; i++) s.advance(100, 10, frozenClock);
      expect(s.playing).toBe(false);
      const snap = s.snapshot(cursor)!;
      expect(snap).toMatchObject({ playing: false, finished: true, pausedAtEnd: true });
      expect(snap.summary.requests).toMatchObject({ served: 9, rejected: 1, inFlight: 0 });
      // The clock stands where the last request ended (0.2 to 0.6 s of work), not a tick later.
      expect(s.simulation.now).toBe(lastEventAt(s));
      expect(s.simulation.now).toBeGreaterThan(200);
      expect(s.simulation.now).toBeLessThan(600);
      const at = s.simulation.now;
      s.advance(100, 10, frozenClock);
      expect(s.simulation.now).toBe(at);
    });

    it('also at 1000x and at max, where a tick would otherwise run seconds past the end', () => {
      for (const speed of [1000, 'max'] as const) {
        const s = classicSession();
        s.setSpeed(speed);
        s.play();
        for (let i = 0; i < 20 && s.playing; i++) s.advance(16, 10, frozenClock);
        expect(s.pausedAtEnd).toBe(true);
        expect(s.simulation.now).toBe(lastEventAt(s));
        expect(s.simulation.now).toBeLessThan(600);
      }
    });

    it('new traffic plays a run that paused itself on; a pause by hand stays a pause', () => {
      const s = classicSession();
      s.play();
      for (let i = 0; i < 20 && s.playing; i++) s.advance(100, 10, frozenClock);
      expect(s.command({ type: 'fireBurst', count: 3 })).toEqual({ ok: true });
      expect(s.playing).toBe(true);
      expect(s.pausedAtEnd).toBe(false);
      for (let i = 0; i < 20 && s.playing; i++) s.advance(100, 10, frozenClock);
      expect(s.pausedAtEnd).toBe(true);
      expect(s.snapshot(cursor)!.summary.requests.total).toBe(13);

      s.play();
      s.pause();
      s.command({ type: 'fireBurst', count: 3 });
      expect(s.playing).toBe(false);
    });

    it('a run with a steady rate never pauses itself; setting the rate to 0 lets it end', () => {
      const s = classicSession();
      s.command({ type: 'setRate', ratePerSec: 50 });
      s.play();
      for (let i = 0; i < 30; i++) s.advance(100, 10, frozenClock);
      expect(s.playing).toBe(true);
      s.command({ type: 'setRate', ratePerSec: 0 });
      for (let i = 0; i < 20 && s.playing; i++) s.advance(100, 10, frozenClock);
      expect(s.pausedAtEnd).toBe(true);
      expect(s.snapshot(cursor)!.summary.requests.inFlight).toBe(0);
    });

    it('Play on a run that is already over lets the clock run on, as before', () => {
      const s = classicSession();
      s.setSpeed('max');
      s.play();
      for (let i = 0; i < 20 && s.playing; i++) s.advance(16, 10, frozenClock);
      const at = s.simulation.now;
      s.setSpeed(1);
      s.play();
      s.advance(100, 10, frozenClock);
      expect(s.simulation.now).toBe(at + 100);
      expect(s.playing).toBe(true);
    });
  });

  it('reports it is lagging when the budget runs out before the target time', () => {
    const s = classicSession();
    s.command({ type: 'setRate', ratePerSec: 1_000_000 });
    s.setSpeed(1000);
    s.play();
    let t = 0;
    s.advance(100, 1, () => (t += 1));
    expect(s.lagging).toBe(true);
    expect(s.simulation.now).toBeLessThan(100_000);
  });

  it('refuses impossible edits with a message naming the field, leaving the setup as it was', () => {
    const s = classicSession();
    const before = s.setup();
    const bad = s.command({ type: 'updateServer', slot: 0, changes: { capacity: 0 } });
    expect(bad).toEqual({ ok: false, message: expect.stringContaining('capacity') });
    expect(s.command({ type: 'updateServer', slot: 0, changes: { name: 'Server-B' } }).ok).toBe(
      false,
    );
    expect(
      s.command({ type: 'addServer', spec: { ...before.servers[0]!, name: '', capacity: NaN } }).ok,
    ).toBe(false);
    expect(s.command({ type: 'fireBurst', count: 1e9 }).ok).toBe(false);
    expect(s.command({ type: 'setRate', ratePerSec: -1 }).ok).toBe(false);
    expect(s.command({ type: 'killServer', slot: 99 }).ok).toBe(false);
    expect(s.setSpeed(0).ok).toBe(false);
    expect(s.setup()).toEqual(before);
  });

  it('keeps edits across reset, and a new seed starts a new run', () => {
    const s = classicSession();
    s.command({
      type: 'addServer',
      spec: {
        name: 'Server-D',
        capacity: 5,
        weight: 1,
        speed: 1,
        queueLimit: 0,
        up: true,
        errorRate: 0,
        partitioned: false,
      },
    });
    s.command({ type: 'setStrategy', strategy: 'least-connections' });
    s.play();
    s.advance(1000, 10, frozenClock);
    s.reset();
    expect(s.simulation.now).toBe(0);
    expect(s.playing).toBe(false);
    expect(s.setup().servers.map((v) => v.name)).toEqual([
      'Server-A',
      'Server-B',
      'Server-C',
      'Server-D',
    ]);
    expect(s.setup().strategy).toBe('least-connections');
    s.command({ type: 'setSeed', seed: 7 });
    expect(s.setup().seed).toBe(7);
    expect(s.simulation.scenario.seed).toBe(7);
  });

  it('loads a refused scenario without touching the current run', () => {
    const s = classicSession();
    const result = s.load({ servers: [{ name: 'A', capacity: -1 }] });
    expect(result.ok).toBe(false);
    expect(s.setup().name).toBe('Classic demo');
  });

  it('sends nothing when nothing changed since the last snapshot', () => {
    const s = classicSession();
    const first = s.snapshot(cursor)!;
    expect(s.snapshot({ ...cursor, sinceVersion: first.version })).toBeNull();
    s.step();
    expect(s.snapshot({ ...cursor, sinceVersion: first.version })).not.toBeNull();
  });

  it('survives a burst of 100,000 on one server of capacity 1', () => {
    const s = new SimSession(DEFAULT_SCENARIO);
    s.load({ servers: [{ name: 'Only', capacity: 1 }], traffic: [] });
    for (let i = 0; i < 10; i++)
      expect(s.command({ type: 'fireBurst', count: 100_000 }).ok).toBe(true);
    const snap = s.snapshot(cursor)!;
    expect(snap.summary.requests.total).toBe(1_000_000);
    expect(snap.summary.requests.rejected).toBe(999_999);
    expect(snap.log.entries.length).toBeLessThanOrEqual(LOG_PER_FRAME);
  });
});

describe('SimSession setup', () => {
  const failure = () => {
    const s = new SimSession(DEFAULT_SCENARIO);
    expect(s.load(PRESETS.find((p) => p.id === 'server-failure')!.raw).ok).toBe(true);
    return s;
  };

  it('keeps what scheduled events do to the run out of the setup', () => {
    const s = failure();
    s.play();
    for (let i = 0; i < 30; i++) s.advance(1000, 50, () => 0);
    // The preset kills Server-C at 20 s and revives it at 40 s; at 30 s it is down in the run only.
    expect(s.simulation.now).toBe(30_000);
    const c = s.simulation.pool.slotOf('Server-C');
    expect(s.simulation.pool.up[c]).toBe(0);
    expect(s.setup().servers.find((v) => v.name === 'Server-C')!.up).toBe(true);
    expect(s.setup().events.length).toBeGreaterThan(0);
  });

  it('stays a valid scenario after renames and removals the events mention', () => {
    const s = failure();
    const c = s.simulation.pool.slotOf('Server-C');
    expect(s.command({ type: 'updateServer', slot: c, changes: { name: 'Server-Z' } }).ok).toBe(
      true,
    );
    expect(s.setup().events.every((e) => !('server' in e) || e.server !== 'Server-C')).toBe(true);
    expect(parseScenario(serializeScenario(s.setup())).ok).toBe(true);
    expect(s.command({ type: 'removeServer', slot: c }).ok).toBe(true);
    expect(s.setup().events.some((e) => 'server' in e && e.server === 'Server-Z')).toBe(false);
    expect(parseScenario(serializeScenario(s.setup())).ok).toBe(true);
  });

  it('a new seed restarts the run with that seed', () => {
    const s = classicSession();
    expect(s.command({ type: 'setSeed', seed: 99 }).ok).toBe(true);
    expect(s.setup().seed).toBe(99);
    expect(s.simulation.scenario.seed).toBe(99);
  });
});
