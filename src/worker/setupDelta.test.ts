import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../engine/scenario/schema.ts';
import type { Scenario } from '../engine/scenario/types.ts';
import { scenarioOf } from '../engine/testing/scenarioOf.ts';
import { LiveSetup } from './liveSetup.ts';
import {
  applySetupDelta,
  deltaIsNoChange,
  diffSetup,
  MAX_CHANGED_SERVERS,
  SetupVersions,
} from './setupDelta.ts';

/** A pool of `size` servers named node-1, node-2, ... under least connections. */
function pool(size: number): Scenario {
  return scenarioOf({
    strategy: 'least-connections',
    servers: Array.from({ length: size }, (_, i) => ({ name: `node-${i + 1}` })),
    traffic: [{ from: 0, to: 60_000, ratePerSec: size * 5 }],
  });
}

describe('setup deltas', () => {
  it('carry only the crashed server of a big pool, and rebuild the same setup', () => {
    const before = pool(1000);
    const live = new LiveSetup(before);
    const sim = live.build();
    expect(live.apply(sim, { type: 'crashServer', slot: 417 })).toEqual({ ok: true });
    const after = live.scenario;
    const delta = diffSetup(7, before, after)!;
    expect(delta.servers).toEqual([[417, { ...before.servers[417]!, up: false }]]);
    expect(delta.fields).toEqual({});
    const rebuilt = applySetupDelta(structuredClone(before), structuredClone(delta));
    expect(rebuilt).toEqual(after);
    expect(deltaIsNoChange(before, delta)).toBe(false);
  });

  it('carry changed top-level fields and removed ones', () => {
    const before = { ...DEFAULT_SCENARIO, slo: { thresholdMs: 200, objective: 0.99 } } as Scenario;
    const after: Scenario = { ...before, seed: before.seed + 1 };
    delete (after as { slo?: unknown }).slo;
    const delta = diffSetup(1, before, after)!;
    expect(delta.fields).toEqual({ seed: before.seed + 1 });
    expect(delta.removed).toEqual(['slo']);
    expect(applySetupDelta(before, delta)).toEqual(after);
  });

  it('follow servers added and removed at the end', () => {
    const before = pool(5);
    const added = { ...before.servers[0]!, name: 'extra' };
    const grown: Scenario = { ...before, servers: [...before.servers, added] };
    expect(applySetupDelta(before, diffSetup(1, before, grown)!)).toEqual(grown);
    const shrunk: Scenario = { ...before, servers: before.servers.slice(0, 4) };
    const delta = diffSetup(1, before, shrunk)!;
    expect(delta.servers).toEqual([]);
    expect(applySetupDelta(before, delta)).toEqual(shrunk);
  });

  it('give up past the limit (a server removed from the top of a big pool shifts the rest)', () => {
    const before = pool(MAX_CHANGED_SERVERS * 2);
    const after: Scenario = { ...before, servers: before.servers.slice(1) };
    expect(diffSetup(1, before, after)).toBeNull();
  });

  it('tell an edit that changed nothing a file shows', () => {
    const before = pool(3);
    const same: Scenario = { ...before, servers: before.servers.map((s) => ({ ...s })) };
    expect(deltaIsNoChange(before, diffSetup(1, before, same)!)).toBe(true);
  });
});

describe('the worker memory of setups sent', () => {
  it('sends nothing for a current copy, a delta for a known one, the whole for an unknown', () => {
    const versions = new SetupVersions(2);
    const v1 = pool(3);
    const v2: Scenario = { ...v1, seed: 9 };
    expect(versions.update(null, 1, v1)).toEqual({ version: 1, setup: v1, delta: null });
    expect(versions.update(1, 1, v1)).toEqual({ version: 1, setup: null, delta: null });
    const update = versions.update(1, 2, v2);
    expect(update.setup).toBeNull();
    expect(update.delta?.fields).toEqual({ seed: 9 });
    // Version 1 falls out of a memory of two once two more are sent.
    versions.update(2, 3, { ...v2, seed: 10 });
    expect(versions.update(1, 3, { ...v2, seed: 10 }).setup).not.toBeNull();
  });
});
