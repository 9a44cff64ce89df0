import { describe, expect, it } from 'vitest';
import { scenarioOf } from '../engine/testing/scenarioOf.ts';
import { runComparison, runComparisonInSlices } from './compareRun.ts';
import type { CompareOutcome, CompareResult } from './protocol.ts';

/** Round robin deals equal shares to one big and two small servers; weighted gives 4:1:1. */
const unequal = scenarioOf({
  seed: 7,
  servers: [
    { name: 'Big', capacity: 8, weight: 4, queueLimit: 10 },
    { name: 'Small-1', capacity: 2, weight: 1, queueLimit: 10 },
    { name: 'Small-2', capacity: 2, weight: 1, queueLimit: 10 },
  ],
  cache: { placement: 'shared', capacity: 64 },
  traffic: [{ from: 0, to: 30_000, ratePerSec: 24 }],
});

function ok(outcome: CompareOutcome): CompareResult {
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome;
}

describe('runComparison', () => {
  it('gives every strategy the identical arrivals', () => {
    const r = ok(
      runComparison(unequal, 0, [
        { strategy: 'round-robin' },
        { strategy: 'random' },
        { strategy: 'least-connections' },
        { strategy: 'power-of-two-choices', options: { choices: 3 } },
      ]),
    );
    const totals = r.variants.map((v) => v.summary.requests.total);
    // About 24/s for 30 s; the same requests in every column.
    expect(totals[0]).toBeGreaterThan(600);
    expect(totals[0]).toBeLessThan(840);
    expect(new Set(totals).size).toBe(1);
    for (const v of r.variants) {
      const s = v.summary.requests;
      // Without a duration each run goes on until its last request finished.
      expect(s.served + s.rejected).toBe(s.total);
      expect(s.inFlight).toBe(0);
    }
    expect(r.variants[3]!.options.choices).toBe(3);
    expect(r.capped).toBeNull();
  });

  it('shows a difference where the strategies must differ', () => {
    // Without the cache every request takes its full 200–600 ms.
    const uncached = { ...unequal, cache: { ...unequal.cache, placement: 'off' as const } };
    const r = ok(
      runComparison(uncached, 0, [
        { strategy: 'round-robin' },
        { strategy: 'weighted-round-robin' },
      ]),
    );
    const [rr, wrr] = r.variants;
    // Round robin sends 8/s to each small server (3.2 erlangs for 2 slots): their queues fill up
    // and requests wait, while weighted round robin's 4:1:1 keeps every server below its capacity.
    expect(rr!.summary.latencyMs.p99!).toBeGreaterThan(2 * wrr!.summary.latencyMs.p99!);
    expect(rr!.summary.latencyMs.mean!).toBeGreaterThan(2 * wrr!.summary.latencyMs.mean!);
    // The small servers run hot under round robin while the big one idles.
    expect(rr!.spread.maxMinusMin).toBeGreaterThan(0.2);
    expect(wrr!.spread.maxMinusMin).toBeLessThan(0.05);
    expect(rr!.spread.cv!).toBeGreaterThan(10 * wrr!.spread.cv!);
    expect(rr!.utilization.length).toBe(3);
    expect(rr!.utilization[1]!).toBeGreaterThan(rr!.utilization[0]!);
  });

  it('is deterministic', () => {
    const variants = [{ strategy: 'random' }, { strategy: 'power-of-two-choices' }];
    const a = ok(runComparison(unequal, 0, variants));
    const b = ok(runComparison(unequal, 0, variants));
    expect(b.variants.map((v) => v.summary)).toEqual(a.variants.map((v) => v.summary));
    expect(Array.from(b.variants[1]!.series.p99)).toEqual(Array.from(a.variants[1]!.series.p99));
  });

  it('runs the same in slices as at once', async () => {
    const variants = [{ strategy: 'round-robin' }, { strategy: 'least-connections' }];
    let pauses = 0;
    const sliced = ok(
      await runComparisonInSlices(unequal, 0, variants, async () => void pauses++, 500),
    );
    expect(pauses).toBeGreaterThan(2);
    expect(sliced.variants.map((v) => v.summary)).toEqual(
      ok(runComparison(unequal, 0, variants)).variants.map((v) => v.summary),
    );
  });

  it('keeps series over the whole run, sampled alike for every strategy', () => {
    const r = ok(runComparison(unequal, 0, [{ strategy: 'random' }, { strategy: 'round-robin' }]));
    const [a, b] = r.variants;
    expect(r.workload.pointMs).toBe(100);
    // 30 s of traffic at 100 ms per point, plus the last requests' drain.
    expect(a!.series.length).toBeGreaterThanOrEqual(300);
    expect(a!.series.time[0]).toBe(100);
    expect(Array.from(a!.series.time.subarray(0, 300))).toEqual(
      Array.from(b!.series.time.subarray(0, 300)),
    );
    for (const s of [a!.series.p99, a!.series.throughputPerSec, a!.series.cacheHitRate]) {
      expect(s.length).toBe(a!.series.length);
    }
  });

  it('adds a live steady rate as Poisson traffic over a stated window', () => {
    const quiet = scenarioOf({ traffic: [], cache: { placement: 'off' } });
    const r = ok(runComparison(quiet, 20, [{ strategy: 'round-robin' }, { strategy: 'random' }]));
    expect(r.workload.liveRate).toEqual({ ratePerSec: 20, windowMs: 60_000 });
    const total = r.variants[0]!.summary.requests.total;
    expect(total).toBeGreaterThan(1000);
    expect(total).toBeLessThan(1400);
    expect(r.variants[1]!.summary.requests.total).toBe(total);
  });

  it('explains that a setup without traffic has nothing to compare', () => {
    const quiet = scenarioOf({ traffic: [] });
    const r = runComparison(quiet, 0, [{ strategy: 'round-robin' }, { strategy: 'random' }]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/no traffic of its own/);
  });

  it('stops every strategy at the same time when the workload is too big', () => {
    const heavy = scenarioOf({
      servers: [{ name: 'S', capacity: 1000, queueLimit: null }],
      service: { distribution: 'constant', ms: 1 },
      traffic: [{ from: 0, to: 100_000, ratePerSec: 2000 }],
    });
    const r = ok(
      runComparison(heavy, 0, [{ strategy: 'random' }, { strategy: 'peak-ewma' }], 20_000),
    );
    // 10,000 requests per strategy at 2/ms: the cut comes at about 5 s.
    expect(r.capped).not.toBeNull();
    expect(r.capped!.atMs).toBeGreaterThan(4_500);
    expect(r.capped!.atMs).toBeLessThan(5_500);
    expect(r.capped!.reason).toMatch(/10,000 requests/);
    expect(r.variants[0]!.endMs).toBe(r.capped!.atMs);
    expect(r.variants[1]!.endMs).toBe(r.capped!.atMs);
    expect(r.variants[0]!.summary.requests.total).toBe(r.variants[1]!.summary.requests.total);
  });

  it('leaves out scheduled strategy switches, so each column keeps its strategy', () => {
    const switching = scenarioOf({
      ...unequal,
      traffic: [{ from: 0, to: 5_000, ratePerSec: 24 }],
      events: [{ at: 1000, action: 'strategy', strategy: 'random' }],
    });
    const r = ok(
      runComparison(switching, 0, [{ strategy: 'round-robin' }, { strategy: 'least-connections' }]),
    );
    expect(r.workload.droppedStrategyEvents).toBe(1);
    expect(r.variants.map((v) => v.summary.strategy)).toEqual(['round-robin', 'least-connections']);
  });

  it('refuses bad requests with a message instead of throwing', () => {
    const cases: Array<[unknown, RegExp]> = [
      [null, /2 to 4 strategies/],
      [[{ strategy: 'random' }], /2 to 4 strategies \(got 1\)/],
      [Array(5).fill({ strategy: 'random' }), /got 5/],
      [[{ strategy: 'random' }, { strategy: 'fastest' }], /compare\[1\]\.strategy: must be one of/],
      [[{ strategy: 'random' }, { strategy: 'random' }], /random is listed twice/],
      [
        [{ strategy: 'random' }, { strategy: 'power-of-two-choices', options: { choices: 0 } }],
        /compare\[1\]: strategyOptions\.choices/,
      ],
      [
        [{ strategy: 'random' }, { strategy: 'round-robin', options: 'd=2' }],
        /options: must be an object/,
      ],
    ];
    for (const [raw, message] of cases) {
      const r = runComparison(unequal, 0, raw);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.message).toMatch(message);
    }
    // The same strategy twice is fine when its options differ.
    const d = runComparison(unequal, 0, [
      { strategy: 'power-of-two-choices', options: { choices: 1 } },
      { strategy: 'power-of-two-choices', options: { choices: 2 } },
    ]);
    expect(d.ok).toBe(true);
  });
});
