import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../engine/scenario/presets.ts';
import { parseScenario } from '../engine/scenario/schema.ts';
import type { Scenario } from '../engine/scenario/types.ts';
import { STRATEGY_NAMES } from '../engine/strategies/strategy.ts';
import { Simulation } from '../engine/simulation.ts';
import { summarize } from '../engine/summary.ts';
import { BURST_SLICE } from '../engine/simulation/trafficSources.ts';
import { DEFAULT_LIMITS, requestsHeld, runWithinLimits, type RunLimits } from './runBounds.ts';

function scenario(raw: unknown): Scenario {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}

const simOf = (raw: unknown) => new Simulation(scenario(raw), { logRequests: false });

/** One slow server with a queue without a limit, and more traffic than it can serve. */
const GROWING_QUEUE = {
  servers: [{ name: 'slow', capacity: 1, queueLimit: null }],
  service: { distribution: 'constant', ms: 1000 },
  traffic: [{ from: 0, to: 1e9, ratePerSec: 100 }],
};

describe('a run within limits', () => {
  // One test per preset. The day-long ones (morning-peak sends 1.25 million requests, run twice)
  // get two minutes: a time limit for a shared machine, not a claim about speed.
  it.each(PRESETS.map((p) => [p.id, p] as const))(
    'gives preset %s exactly the summary runToEnd gives, under the default caps',
    (id, preset) => {
      const bounded = simOf(preset.raw);
      expect(runWithinLimits(bounded), id).toEqual({ ok: true });
      // The largest preset, run twice, would take most of this file's time; the fuzz below
      // compares hundreds of other runs with runToEnd.
      if (id === 'large-pool') {
        expect(bounded.eventsProcessed).toBeLessThan(DEFAULT_LIMITS.maxEvents / 10);
        return;
      }
      const plain = simOf(preset.raw);
      plain.runToEnd();
      expect(JSON.stringify(summarize(bounded)), id).toBe(JSON.stringify(summarize(plain)));
      expect(bounded.now, id).toBe(plain.now);
    },
    120_000,
  );

  it('stops a queue that grows without end at the cap on requests held, and says so', () => {
    const sim = simOf({ ...GROWING_QUEUE, traffic: [{ from: 0, to: 1e6, ratePerSec: 100 }] });
    const run = runWithinLimits(sim, { maxRequestsHeld: 1000, maxEvents: 1e9 });
    expect(run.ok).toBe(false);
    expect(requestsHeld(sim)).toBe(1001);
    expect(!run.ok && run.cap).toBe('held');
    expect(!run.ok && run.message).toMatch(
      /^stopped at \d+\.\d{3} s simulated: 1,001 requests held at once \(1,000 of them queued\), over the cap of 1,000\. Most wait in queues, .* queueLimit \(null: without end\).* Raise the cap with --max-requests-held N/,
    );
  });

  it('counts each request of a burst as an event, and stops one event past the cap', () => {
    // One server taking one request: the burst brings 100 requests (100 events), 99 are
    // turned away, and the one served completes: 101 events in all.
    const raw = {
      servers: [{ name: 'one', capacity: 1 }],
      traffic: [{ at: 0, burst: 100 }],
    };
    expect(runWithinLimits(simOf(raw), { maxRequestsHeld: 10, maxEvents: 101 })).toEqual({
      ok: true,
    });
    const sim = simOf(raw);
    const run = runWithinLimits(sim, { maxRequestsHeld: 10, maxEvents: 100 });
    expect(run).toEqual({
      ok: false,
      cap: 'events',
      message: expect.stringMatching(
        /^stopped at 0\.\d{3} s simulated after 101 events, over the cap of 100, with the run not finished\. Raise it with --max-events N/,
      ),
    });
    expect(sim.eventsProcessed).toBe(2);
  });

  it('refuses, before any event, traffic that alone sends more requests than the cap', () => {
    const rate = simOf({ traffic: [{ from: 0, to: 1e9, ratePerSec: 1e7 }] });
    expect(runWithinLimits(rate)).toEqual({
      ok: false,
      cap: 'events',
      message:
        'not run: its traffic sends about 10,000,000,000,000 requests (traffic[0]), each arrival ' +
        'an event, over the cap of 100,000,000 events. Raise it with --max-events N if the run ' +
        'is meant to be that long.',
    });
    expect(rate.eventsProcessed).toBe(0);
    const bursts = simOf({
      traffic: Array.from({ length: 1000 }, (_, i) => ({ at: i * 1000, burst: 1_000_000 })),
    });
    const refused = runWithinLimits(bursts);
    expect(!refused.ok && refused.message).toMatch(
      /^not run: its traffic sends about 1,000,000,000 requests \(1,000 traffic entries, the largest traffic\[0\] with 1,000,000\)/,
    );
    expect(bursts.eventsProcessed).toBe(0);
  });

  it('holds the defaults documented in the README and the usage text', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxRequestsHeld: 1_000_000, maxEvents: 100_000_000 });
  });
});

const int = (min: number, max: number) => fc.integer({ min, max });
/** Spread evenly over orders of magnitude, so small and huge values are drawn alike. */
const magnitude = (min: number, max: number) =>
  fc
    .noBias(fc.integer({ min: 0, max: 1_000_000 }))
    .map((i) => Math.min(max, min * (max / min) ** (i / 1_000_000)));
const time = fc.oneof(fc.constant(0), magnitude(1, 1e9));

/** Valid scenarios at the large end of every range: the inputs that used to exhaust the CLI. */
const largeScenario = fc.record({
  strategy: fc.constantFrom(...STRATEGY_NAMES),
  servers: fc.array(
    fc.record({
      capacity: magnitude(1, 1_000_000).map(Math.round),
      queueLimit: fc.option(int(0, 10_000_000), { nil: null }),
    }),
    { minLength: 1, maxLength: 40 },
  ),
  service: fc.record({
    distribution: fc.constant('exponential'),
    meanMs: magnitude(0.1, 3_600_000),
  }),
  traffic: fc.array(
    fc.oneof(
      fc.record({ at: time, burst: magnitude(1, 20_000).map(Math.round) }),
      fc
        .tuple(time, time, magnitude(0.01, 1e7))
        .filter(([a, b]) => a !== b)
        .map(([a, b, ratePerSec]) => ({ from: Math.min(a, b), to: Math.max(a, b), ratePerSec })),
      {
        // Steady traffic sized to send about as many requests as the event cap: the runs the
        // cap must stop while they run, not before.
        weight: 3,
        arbitrary: fc
          .tuple(magnitude(1, 9e8), magnitude(1, 1e8), magnitude(8000, 30_000))
          .map(([from, span, requests]) => ({
            from,
            to: from + span,
            ratePerSec: Math.min(1e7, requests / (span / 1000)),
          })),
      },
    ),
    { minLength: 1, maxLength: 6 },
  ),
  durationMs: fc.option(magnitude(1, 1e9), { nil: null, freq: 2 }),
});

describe('fuzz: large valid scenarios', () => {
  it('each finishes as runToEnd would, or stops at a cap it overshoots by at most one slice', () => {
    const limits: RunLimits = { maxRequestsHeld: 2000, maxEvents: 20_000 };
    const seen = { ok: 0, events: 0, held: 0, 'not run': 0 };
    fc.assert(
      fc.property(largeScenario, (raw) => {
        const named = { ...raw, servers: raw.servers.map((s, i) => ({ ...s, name: `s${i}` })) };
        const sim = simOf(named);
        const biggestBurst = Math.max(1, ...raw.traffic.map((t) => ('burst' in t ? t.burst : 1)));
        const run = runWithinLimits(sim, limits);
        if (run.ok) {
          seen.ok++;
          const plain = simOf(named);
          plain.runToEnd();
          expect(summarize(sim)).toEqual(summarize(plain));
        } else if (sim.eventsProcessed === 0) {
          seen['not run']++;
          expect(run.message).toMatch(
            /^not run: .* over the cap of 20,000 events.* --max-events N/,
          );
        } else if (run.cap === 'held') {
          seen.held++;
          expect(requestsHeld(sim)).toBeGreaterThan(limits.maxRequestsHeld);
          // A burst arrives in slices, and the cap is checked after each.
          const slice = Math.min(biggestBurst, BURST_SLICE);
          expect(requestsHeld(sim)).toBeLessThanOrEqual(limits.maxRequestsHeld + slice);
          expect(run.message).toMatch(/over the cap of 2,000\..* --max-requests-held N/);
        } else {
          seen.events++;
          const counted = Number(/after ([\d,]+) events/.exec(run.message)![1]!.replace(/,/g, ''));
          expect(counted).toBeGreaterThan(limits.maxEvents);
          expect(counted).toBeLessThanOrEqual(limits.maxEvents + biggestBurst);
          expect(run.message).toMatch(/over the cap of 20,000, .* --max-events N/);
        }
      }),
      { numRuns: 300, seed: 20_240_518 },
    );
    // Every way a run can end was reached, not just the easy one.
    for (const [outcome, count] of Object.entries(seen)) expect(count, outcome).toBeGreaterThan(5);
  });
});
