import { describe, expect, it } from 'vitest';
import { PRESETS } from './presets.ts';
import { DEFAULT_SCENARIO, parseScenario } from './schema.ts';
import type { Scenario } from './types.ts';
import { segmentSpan } from '../arrivals/segments.ts';

function parsed(id: string): Scenario {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`no preset ${id}`);
  const result = parseScenario(preset.raw);
  if (!result.ok) throw new Error(`${id}: ${JSON.stringify(result.problems)}`);
  return result.scenario;
}

/** When the last request can arrive: a run with no duration ends after this and a drain. */
function lastArrival(s: Scenario): number {
  return Math.max(...s.traffic.map((t) => segmentSpan(t).to));
}

describe('presets', () => {
  it('lists the presets, classic first, with unique ids', () => {
    expect(PRESETS.map((p) => p.id)).toEqual([
      'classic',
      'steady-poisson',
      'unequal-servers',
      'flash-crowd',
      'hot-keys',
      'server-failure',
      'large-pool',
      'crash-no-health-checks',
      'crash-health-checks',
      'sinkhole',
      'sinkhole-outlier-ejection',
      'retry-storm',
      'retry-budget',
      // Overload control's pairs (issue 15).
      'spike-open-loop',
      'spike-closed-loop',
      'storm-fifo',
      'storm-codel-lifo',
      'slow-server',
      'slow-server-limit',
      'heavy-tail',
      'heavy-tail-hedged',
      'morning-peak',
      'cold-starts',
      'flapping',
    ]);
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))(
    '%s parses with no problems and ends',
    (_id, preset) => {
      const result = parseScenario(preset.raw);
      expect(result.ok ? [] : result.problems).toEqual([]);
      if (!result.ok) return;
      expect(result.scenario.name).toBe(preset.title);
      expect(preset.description).toMatch(/^[A-Z].+\.$/);
      expect(preset.description.split(/\.\s/)).toHaveLength(1);
      const ends =
        result.scenario.durationMs !== null ||
        (result.scenario.traffic.length > 0 && lastArrival(result.scenario) < Infinity);
      expect(ends).toBe(true);
    },
  );

  it('classic is exactly the demo, which is also the default scenario', () => {
    expect(parsed('classic')).toEqual({ ...DEFAULT_SCENARIO, name: 'Classic demo' });
    expect(parsed('classic')).toMatchObject({
      seed: 42,
      strategy: 'round-robin',
      servers: [
        { name: 'Server-A', capacity: 3 },
        { name: 'Server-B', capacity: 2 },
        { name: 'Server-C', capacity: 4 },
      ],
      traffic: [{ kind: 'burst', at: 0, burst: 10 }],
      cache: { placement: 'shared', capacity: 128 },
      service: { distribution: 'uniform', minMs: 200, maxMs: 600 },
    });
  });

  it('each preset shows what its description promises', () => {
    const capacityPerSec = (s: Scenario) =>
      s.servers.reduce((sum, srv) => sum + srv.capacity * srv.speed, 0) / 0.4; // mean service 400 ms

    const steady = parsed('steady-poisson');
    expect(steady.strategy).toBe('least-connections');
    const rate = steady.traffic[0]!.kind === 'poisson' ? steady.traffic[0]!.ratePerSec : 0;
    expect(rate / capacityPerSec(steady)).toBeGreaterThan(0.7);
    expect(rate / capacityPerSec(steady)).toBeLessThan(0.95);

    const unequal = parsed('unequal-servers');
    expect(unequal.strategy).toBe('round-robin');
    const [big, ...small] = unequal.servers;
    for (const s of small) expect(s.capacity).toBeLessThan(big!.capacity);
    // Weights follow capacity, ready for weighted round robin.
    for (const s of unequal.servers)
      expect(s.weight / s.capacity).toBeCloseTo(big!.weight / big!.capacity);

    const flash = parsed('flash-crowd');
    expect(flash.traffic.map((t) => t.kind).slice(0, 2)).toEqual(['ramp', 'burst']);
    for (const s of flash.servers) expect(s.queueLimit).toBeLessThanOrEqual(5);

    const hot = parsed('hot-keys');
    expect(hot).toMatchObject({
      strategy: 'consistent-hash',
      cache: { placement: 'per-server' },
      keys: { zipf: 1.1 },
    });

    const failure = parsed('server-failure');
    expect(failure.events.map((e) => e.action)).toEqual(['kill', 'revive']);
    const [kill, revive] = failure.events;
    expect(kill!.at).toBeGreaterThan(0);
    expect(revive!.at).toBeGreaterThan(kill!.at);
    expect(revive!.at).toBeLessThan(lastArrival(failure));
  });

  it('preset files are frozen', () => {
    expect(Object.isFrozen(PRESETS)).toBe(true);
    expect(Object.isFrozen(PRESETS[0]!.raw)).toBe(true);
  });
});
