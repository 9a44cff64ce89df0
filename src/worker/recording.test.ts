import { describe, expect, it } from 'vitest';
import { SERIES_NAMES } from '../engine/metrics/runMetrics.ts';
import { PRESETS } from '../engine/scenario/presets.ts';
import { DEFAULT_SCENARIO } from '../engine/scenario/schema.ts';
import { summarize } from '../engine/summary.ts';
import type { Recording } from './protocol.ts';
import { checkRecording, MAX_ACTIONS } from './recordingFormat.ts';
import { SimSession } from './simSession.ts';

const frozen = () => 0;
/** A wall clock that moves 1 ms each time it is read, so frame budgets run out mid-run. */
const ticking = () => {
  let t = 0;
  return () => t++;
};

function preset(id: string): SimSession {
  const s = new SimSession(DEFAULT_SCENARIO);
  expect(s.load(PRESETS.find((p) => p.id === id)!.raw).ok).toBe(true);
  return s;
}

function ok(s: SimSession, cmd: Parameters<SimSession['command']>[0]): void {
  expect(s.command(cmd)).toEqual({ ok: true });
}

/** Everything a run produced that a replay must reproduce. */
function fingerprint(s: SimSession) {
  const sim = s.simulation;
  expect(sim.metrics.log.total).toBeLessThanOrEqual(sim.metrics.log.capacity); // the whole log
  return {
    now: sim.now,
    events: sim.eventsProcessed,
    summary: summarize(sim),
    log: sim.metrics.log.entries(),
    series: SERIES_NAMES.map((n) => sim.metrics.series[n].toArray()),
    setup: s.setup(),
  };
}

/** A run driven the way the page drives one: speeds, budgets running out, steps, live edits. */
function liveRun(): SimSession {
  const s = preset('server-failure');
  s.setSpeed(5);
  s.play();
  for (let i = 0; i < 40; i++) s.advance(100, 10, frozen); // to 20 s, past the scheduled kill
  ok(s, { type: 'fireBurst', count: 50 });
  for (let i = 0; i < 10; i++) s.advance(100, 10, frozen);
  ok(s, { type: 'killServer', slot: 0 });
  ok(s, { type: 'setService', service: { distribution: 'constant', ms: 250 } });
  ok(s, { type: 'fireBurst', count: 9 });
  // Constant service: the burst finishes in one instant; a command lands between its events.
  s.pause();
  s.stepBy(200);
  const sim = s.simulation;
  for (let i = 0; i < 100 && sim.nextEventTime !== sim.now; i++) s.step();
  expect(sim.nextEventTime).toBe(sim.now); // another event is due at this very instant
  ok(s, { type: 'fireBurst', count: 4 });
  ok(s, {
    type: 'addServer',
    spec: { ...s.setup().servers[0]!, name: 'Big', capacity: 5000, queueLimit: 0, up: true },
  });
  ok(s, { type: 'setService', service: { distribution: 'uniform', minMs: 200, maxMs: 600 } });
  ok(s, { type: 'setStrategy', strategy: 'power-of-two-choices', options: { choices: 3 } });
  ok(s, { type: 'fireBurst', count: 2050 });
  s.setSpeed(50);
  s.play();
  const clock = ticking();
  for (let i = 0; i < 3; i++) {
    s.advance(100, 1, clock); // more events than the budget allows: stops between events
    if (i === 0) expect(s.lagging).toBe(true);
    ok(s, { type: 'fireBurst', count: 2 });
  }
  ok(s, { type: 'updateServer', slot: 1, changes: { capacity: 6 } });
  ok(s, { type: 'reviveServer', slot: 0 });
  ok(s, { type: 'setRate', ratePerSec: 40 });
  s.setSpeed('max');
  s.advance(16, 1, clock);
  ok(s, { type: 'setCache', cache: { placement: 'per-server', capacity: 64, hitMs: 2 } });
  ok(s, { type: 'setKeys', keys: { count: 500, zipf: 1.2 } });
  ok(s, { type: 'removeServer', slot: 2 });
  s.pause();
  s.stepBy(3000);
  return s;
}

/** Plays a replay until it pauses at the recording's end. */
function playOut(s: SimSession, realMs: number, budget: number, clock: () => number): void {
  for (let i = 0; i < 100_000 && s.playing; i++) s.advance(realMs, budget, clock);
  expect(s.playing).toBe(false);
}

describe('recording and replay', () => {
  it('replays a run exactly, at another speed and with other frame budgets', () => {
    const original = liveRun();
    const recording = JSON.parse(JSON.stringify(original.recording())) as Recording;
    expect(recording.actions.length).toBe(18);
    expect(recording.truncated).toBe(false);
    const expected = fingerprint(original);

    const atMax = new SimSession(DEFAULT_SCENARIO);
    atMax.setSpeed('max');
    expect(atMax.replay(recording)).toEqual({ ok: true });
    playOut(atMax, 16, 5, ticking());
    expect(fingerprint(atMax)).toEqual(expected);
    expect(atMax.recordingStatus().replay).toMatchObject({ state: 'finished', applied: 18 });
    // The replay recorded itself on the way: the same actions at the same points.
    expect(atMax.recording().actions).toEqual(recording.actions);

    const slow = new SimSession(DEFAULT_SCENARIO);
    slow.setSpeed(7);
    expect(slow.replay(recording).ok).toBe(true);
    playOut(slow, 100, 10, frozen);
    expect(fingerprint(slow)).toEqual(expected);
  });

  it('replays a run stepped one event at a time', () => {
    const original = liveRun();
    const stepped = new SimSession(DEFAULT_SCENARIO);
    stepped.replay(original.recording());
    stepped.pause();
    for (
      let i = 0;
      i < 50_000 && stepped.simulation.eventsProcessed < original.simulation.eventsProcessed;
      i++
    )
      stepped.step();
    stepped.stepBy(original.simulation.now - stepped.simulation.now);
    expect(fingerprint(stepped).summary).toEqual(fingerprint(original).summary);
  });

  it('starts a new recording on load, reset and a new seed, with the steady rate as its first action', () => {
    const s = preset('classic');
    const first = s.recordingStatus().run;
    ok(s, { type: 'setRate', ratePerSec: 25 });
    ok(s, { type: 'fireBurst', count: 3 });
    expect(s.recordingStatus().actions).toBe(2);
    s.reset();
    expect(s.recordingStatus()).toMatchObject({ run: first + 1, actions: 1 });
    expect(s.recording().actions).toEqual([
      { at: 0, afterEvents: 0, command: { type: 'setRate', ratePerSec: 25 } },
    ]);
    ok(s, { type: 'setSeed', seed: 7 });
    expect(s.recording()).toMatchObject({ seed: 7, actions: [{ command: { type: 'setRate' } }] });
    expect(s.recordingStatus().run).toBe(first + 2);
    s.load(PRESETS[0]!.raw);
    expect(s.recordingStatus()).toMatchObject({ run: first + 3, actions: 0 });
  });

  it('stops the replay when the person edits, and goes on recording from there', () => {
    const original = preset('classic');
    original.play();
    original.advance(100, 10, frozen);
    ok(original, { type: 'fireBurst', count: 5 });
    original.advance(100, 10, frozen);
    ok(original, { type: 'killServer', slot: 1 });
    const replay = new SimSession(DEFAULT_SCENARIO);
    replay.replay(original.recording());
    replay.advance(150, 10, frozen);
    ok(replay, { type: 'fireBurst', count: 1 });
    expect(replay.recordingStatus().replay).toMatchObject({
      state: 'stopped',
      applied: 1,
      reason: expect.stringContaining('you changed the run at 0.150 s'),
    });
    expect(replay.recording().actions.map((a) => [a.at, a.command.type])).toEqual([
      [100, 'fireBurst'],
      [150, 'fireBurst'],
    ]);
    replay.advance(1000, 10, frozen); // the recorded kill is not applied any more
    expect(
      replay.snapshot({ sinceVersion: 0, logSeq: 0, routeSeq: 0, pickSeq: 0 })!.servers[1]!.up,
    ).toBe(true);
  });

  it('keeps at most MAX_ACTIONS actions and says from when the recording is cut off', () => {
    const s = new SimSession(DEFAULT_SCENARIO);
    s.load({ servers: [{ name: 'Only', capacity: 1 }], traffic: [] });
    for (let i = 0; i <= MAX_ACTIONS; i++) ok(s, { type: 'fireBurst', count: 1 });
    expect(s.recordingStatus()).toMatchObject({ actions: MAX_ACTIONS, truncatedAt: 0 });
    expect(s.recording().truncated).toBe(true);
  });

  it('refuses bad recordings with each problem by path, leaving the run alone', () => {
    const s = preset('classic');
    ok(s, { type: 'fireBurst', count: 2 });
    const good = s.recording();
    const bad = (patch: object) => s.replay({ ...good, ...patch });
    expect(s.replay('nope')).toEqual({ ok: false, message: 'a recording must be a JSON object' });
    expect(s.replay(PRESETS[0]!.raw).ok).toBe(false);
    expect(checkRecording(PRESETS[0]!.raw)).toEqual({
      ok: false,
      message: expect.stringContaining('scenario file, not a recording'),
    });
    const burst = (command: object) => bad({ actions: [{ at: 5, afterEvents: 3, command }] });
    expect(burst({ type: 'fireBurst', count: 1e9 })).toEqual({
      ok: false,
      message: expect.stringContaining('actions[0].command.count: must be a whole number'),
    });
    expect(burst({ type: 'explode' })).toMatchObject({
      message: expect.stringContaining('actions[0].command.type: must be one of'),
    });
    expect(burst({ type: 'setSeed', seed: 1 })).toMatchObject({
      message: expect.stringContaining('never one of its actions'),
    });
    expect(burst({ type: 'addServer', spec: { name: 'X', capacity: 0 } })).toMatchObject({
      message: expect.stringContaining('actions[0].command.spec.capacity'),
    });
    expect(bad({ scenario: { servers: [] } })).toMatchObject({
      message: expect.stringContaining('scenario.servers'),
    });
    expect(bad({ seed: 1 })).toMatchObject({
      message: expect.stringContaining('seed: must equal'),
    });
    expect(
      bad({
        actions: [
          { at: 5, afterEvents: 3, command: { type: 'fireBurst', count: 1 } },
          { at: 4, afterEvents: 3, command: { type: 'fireBurst', count: 1 } },
        ],
      }),
    ).toMatchObject({ message: expect.stringContaining('actions[1]: must not come before') });
    expect(s.recording()).toEqual(good); // nothing was loaded
  });

  it('stops a replay whose action the run refuses, and says which and why', () => {
    const s = preset('classic');
    const recording = s.recording();
    const edited = {
      ...recording,
      actions: [{ at: 0, afterEvents: 0, command: { type: 'killServer', slot: 9 } }],
    };
    expect(s.replay(edited).ok).toBe(true);
    expect(s.recordingStatus().replay).toMatchObject({
      state: 'stopped',
      reason: 'actions[0] (killServer) was refused: server: no server in slot 9',
    });
  });
});
