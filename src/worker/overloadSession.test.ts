import { describe, expect, it } from 'vitest';
import { PRESETS } from '../engine/scenario/presets.ts';
import { DEFAULT_SCENARIO } from '../engine/scenario/schema.ts';
import { SimSession } from './simSession.ts';
import { transferables } from './snapshot.ts';

const cursor = { sinceVersion: 0, logSeq: 0, routeSeq: 0, pickSeq: 0 };
const frozenClock = () => 0;

function session(id: string): SimSession {
  const s = new SimSession(DEFAULT_SCENARIO);
  expect(s.load(PRESETS.find((p) => p.id === id)!.raw).ok).toBe(true);
  return s;
}

function playFor(s: SimSession, ms: number): void {
  s.setSpeed(100);
  s.play();
  for (let t = 0; t < ms; t += 1000) s.advance(10, 10, frozenClock);
}

describe('overload control in a live session', () => {
  it('has no overload figures until a mechanism is switched on, then series as long as the run', () => {
    const s = session('retry-storm');
    playFor(s, 25_000);
    expect(s.snapshot(cursor)!.overload).toBeUndefined();
    const shedding = { ...s.setup().shedding, codel: true, adaptiveLifo: true };
    expect(s.command({ type: 'setShedding', shedding })).toEqual({ ok: true });
    expect(s.setup().shedding).toEqual(shedding);
    playFor(s, 20_000);
    const snap = s.snapshot(cursor)!;
    const o = snap.overload!;
    expect(o.series.length).toBe(snap.series.length);
    // Goodput was not measured before the switch (NaN there), and is after it.
    expect(Number.isNaN(o.series.goodputPerSec[0]!)).toBe(true);
    expect(o.series.goodputPerSec[o.series.length - 1]).toBeGreaterThan(0);
    expect(o.series.shedPerSec.some((v) => v > 0)).toBe(true);
    expect(snap.summary.requests.rejectedByReason.shed).toBeGreaterThan(0);
    // Its arrays cross the boundary as transfers, like the rest.
    expect(transferables(snap)).toContain(o.series.goodputPerSec.buffer);
  });

  it("keeps each server's learned limit over time while a limiter runs", () => {
    const s = session('slow-server-limit');
    playFor(s, 40_000);
    const snap = s.snapshot(cursor)!;
    const o = snap.overload!;
    const rows = snap.serverSeries.length;
    expect(o.limits).toHaveLength(snap.servers.length * rows);
    const lastOf = (i: number) => o.limits![i * rows + rows - 1];
    expect(lastOf(2)).toBe(o.limitNow[2]);
    expect(o.limitNow[2]).toBeLessThan(o.limitNow[0]!);
    expect(o.throttleProbability).toBeNull();
  });

  it('refuses bad settings with the field named, and keeps a live population across a reset', () => {
    const s = session('classic');
    const bad = s.command({
      type: 'setShedding',
      shedding: { ...s.setup().shedding, targetMs: -1 },
    });
    expect(bad).toEqual({ ok: false, message: expect.stringContaining('shedding.targetMs') });
    expect(s.command({ type: 'setPopulation', clients: -3, thinkMs: 100 }).ok).toBe(false);
    expect(s.command({ type: 'setPopulation', clients: 20, thinkMs: 500 })).toEqual({ ok: true });
    expect(s.snapshot(cursor)!.population).toEqual({ clients: 20, thinkMs: 500 });
    s.reset();
    playFor(s, 5000);
    const snap = s.snapshot(cursor)!;
    expect(snap.population).toEqual({ clients: 20, thinkMs: 500 });
    expect(snap.summary.requests.total).toBeGreaterThan(100);
    expect(snap.overload!.clientsWaiting).toBeLessThanOrEqual(20);
  });
});
