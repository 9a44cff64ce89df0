import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../engine/scenario/presets.ts';
import { Simulation } from '../../engine/simulation.ts';
import { summarize } from '../../engine/summary.ts';
import { scenarioOf } from '../../engine/testing/scenarioOf.ts';
import {
  cheHitRate,
  erlangB,
  supermarketMeanSojourn,
  zipfProbabilities,
} from '../../engine/theory.ts';
import { measuredLoadTail } from './loadTail.ts';
import { THEORY_EXAMPLES } from './theoryExamples.ts';
import {
  chePrediction,
  erlangBPrediction,
  latencyReference,
  measuredFor,
  mm1Prediction,
  supermarketPrediction,
  theoryPredictions,
} from './theoryOverlay.ts';

const classic = scenarioOf(PRESETS.find((p) => p.id === 'classic')!.raw);
const example = (id: keyof typeof THEORY_EXAMPLES) => scenarioOf(THEORY_EXAMPLES[id]);

function run(setup: ReturnType<typeof scenarioOf>) {
  const sim = new Simulation(setup, { logRequests: false });
  sim.runToEnd();
  return { sim, summary: summarize(sim) };
}

describe('the classic demo', () => {
  it('is outside every queueing formula, and says why', () => {
    const [erlang, mm, market] = theoryPredictions({ setup: classic, liveRatePerSec: 0 });
    expect(erlang!.predicted).toBeNull();
    expect(erlang!.reasons.join('\n')).toMatch(/burst of 10 requests/);
    expect(erlang!.reasons.join('\n')).toMatch(/cache is on/);
    expect(mm!.predicted).toBeNull();
    expect(mm!.reasons[0]).toMatch(/round-robin; M\/M\/1 per server needs random routing/);
    expect(mm!.reasons.join('\n')).toMatch(/Server-A, Server-B, Server-C serve more than one/);
    expect(mm!.reasons.join('\n')).toMatch(/uniform .* not exponential/);
    expect(market!.reasons.join('\n')).toMatch(/power of d choices/);
  });

  it('is inside the Che approximation: a shared LRU under Zipf keys', () => {
    const che = chePrediction({ setup: classic, liveRatePerSec: 0 });
    expect(che.reasons).toEqual([]);
    expect(che.predicted).toBeCloseTo(cheHitRate(128, zipfProbabilities(1000, 1)), 12);
  });
});

describe('Erlang B', () => {
  it('predicts the blocking the simulation measures for a no-queue pool', () => {
    const setup = example('erlang-b');
    const p = erlangBPrediction({ setup, liveRatePerSec: 0 });
    expect(p.reasons).toEqual([]);
    expect(p.predicted).toBeCloseTo(erlangB(9, 7), 12);
    expect(p.detail).toBe('9 slots, 7.00 erlangs offered (17.5/s × 400 ms)');
    const measured = measuredFor('erlang-b', run(setup).summary);
    expect(Math.abs(measured.value! - p.predicted!)).toBeLessThan(0.01);
  });

  it('takes a live rate as the Poisson traffic when the setup has none', () => {
    const setup = scenarioOf({ ...THEORY_EXAMPLES['erlang-b'], traffic: [] });
    expect(erlangBPrediction({ setup, liveRatePerSec: 17.5 }).predicted).toBeCloseTo(
      erlangB(9, 7),
      12,
    );
    const none = erlangBPrediction({ setup, liveRatePerSec: 0 });
    expect(none.predicted).toBeNull();
    expect(none.reasons).toEqual(['there is no steady traffic: set a rate in Traffic']);
  });

  it('lists every way a setup leaves the loss system', () => {
    const setup = scenarioOf({
      ...THEORY_EXAMPLES['erlang-b'],
      servers: [
        { name: 'A', capacity: 3, queueLimit: 5, speed: 2 },
        { name: 'B', capacity: 2, queueLimit: 0, up: false },
      ],
      traffic: [
        { from: 0, to: 1000, ratePerSec: 10 },
        { from: 500, to: 2000, ratePerSec: 20 },
      ],
    });
    const p = erlangBPrediction({ setup, liveRatePerSec: 5 });
    expect(p.predicted).toBeNull();
    expect(p.reasons).toEqual([
      'the traffic runs at several rates (10/s, 20/s), not at one',
      'traffic entries overlap, so their rates add up for a while',
      "the live rate of 5/s adds to the scenario's own traffic",
      'B is down',
      'the servers run at different speeds (2×, 1×)',
      'A can queue requests (Erlang B needs every queue limit 0)',
    ]);
  });
});

describe('M/M/1 under random routing', () => {
  it('predicts the mean response time the simulation measures', () => {
    const setup = example('mm1');
    const p = mm1Prediction({ setup, liveRatePerSec: 0 });
    // 30/s over 4 servers of 100 ms: ρ = 0.75, W = 100 / (1 − 0.75) = 400 ms.
    expect(p.predicted).toBeCloseTo(400, 9);
    expect(latencyReference({ setup, liveRatePerSec: 0 })).toEqual({
      value: p.predicted,
      label: 'M/M/1 mean',
    });
    const measured = measuredFor('mm1', run(setup).summary).value!;
    expect(Math.abs(measured / p.predicted! - 1)).toBeLessThan(0.05);
  });

  it('refuses an overloaded pool instead of giving a negative time', () => {
    const setup = scenarioOf({
      ...THEORY_EXAMPLES.mm1,
      traffic: [{ from: 0, to: 1, ratePerSec: 45 }],
    });
    const p = mm1Prediction({ setup, liveRatePerSec: 0 });
    expect(p.predicted).toBeNull();
    expect(p.reasons).toEqual([
      'the load is 113% of what the servers can serve: queues grow without end',
    ]);
  });
});

describe('the supermarket model', () => {
  it('predicts power of two choices on 20 servers within 5 %', () => {
    const setup = example('supermarket');
    const p = supermarketPrediction({ setup, liveRatePerSec: 0 });
    expect(p.predicted).toBeCloseTo(supermarketMeanSojourn(0.8, 2) * 100, 9);
    expect(latencyReference({ setup, liveRatePerSec: 0 })?.label).toBe('supermarket mean');
    const { summary } = run(setup);
    expect(Math.abs(summary.latencyMs.mean! / p.predicted! - 1)).toBeLessThan(0.05);
  });

  it('measures a load tail close to the fixed point', () => {
    const setup = scenarioOf({
      ...THEORY_EXAMPLES.supermarket,
      traffic: [{ from: 0, to: 60_000, ratePerSec: 160 }],
    });
    const sim = new Simulation(setup, { logRequests: false });
    sim.runUntil(60_000);
    const rows = sim.pool.members.length;
    const length = sim.metrics.series.time.length;
    const active = new Float32Array(rows * length);
    const queued = new Float32Array(rows * length);
    for (let s = 0; s < rows; s++) {
      for (let i = 0; i < length; i++) {
        active[s * length + i] = sim.metrics.serverActive[s]!.get(i);
        queued[s * length + i] = sim.metrics.serverQueued[s]!.get(i);
      }
    }
    const tail = measuredLoadTail({ length, time: new Float64Array(length), active, queued }, 5);
    expect(tail[0]).toBe(1);
    // s_1 = λ = 0.8 (the busy share), s_2 = λ³ = 0.512.
    expect(Math.abs(tail[1]! - 0.8)).toBeLessThan(0.03);
    expect(Math.abs(tail[2]! - 0.512)).toBeLessThan(0.05);
  });

  it('says when the pool is too small or d too large for the limit', () => {
    const few = scenarioOf({
      ...THEORY_EXAMPLES.supermarket,
      servers: THEORY_EXAMPLES.mm1.servers,
    });
    expect(supermarketPrediction({ setup: few, liveRatePerSec: 0 }).reasons).toEqual([
      'the load is 400% of what the servers can serve: queues grow without end',
      '4 servers are too few: the model is a limit of many servers (at least 20)',
      'd = 2 samples too much of 4 servers (needs d ≤ n/10)',
    ]);
    const random = scenarioOf({ ...THEORY_EXAMPLES.mm1, strategy: 'random' });
    // d = 1 is exactly M/M/1 per server, for any pool size.
    const p = supermarketPrediction({ setup: random, liveRatePerSec: 0 });
    expect(p.reasons).toEqual([]);
    expect(p.predicted).toBeCloseTo(400, 9);
  });

  it('says one server in the singular', () => {
    const one = scenarioOf({
      ...THEORY_EXAMPLES.supermarket,
      servers: [{ name: 'Solo', capacity: 1, queueLimit: null }],
    });
    const p = supermarketPrediction({ setup: one, liveRatePerSec: 0 });
    expect(p.reasons).toContain(
      '1 server is too few: the model is a limit of many servers (at least 20)',
    );
    expect(p.reasons).toContain('d = 2 samples too much of 1 server (needs d ≤ n/10)');
    expect(p.detail).toMatch(/^d = 2 of 1 server,/);
  });
});

describe('measuredFor', () => {
  it('says what a measurement rests on, one and many alike', () => {
    const figures = (total: number, served: number, hits: number, misses: number) => ({
      requests: { total, served, rejected: total - served },
      latencyMs: { mean: 300 },
      cache: { hits, misses, hitRate: hits + misses > 0 ? hits / (hits + misses) : null },
    });
    expect(measuredFor('erlang-b', figures(1, 1, 0, 0)).note).toBe('over 1 request');
    expect(measuredFor('erlang-b', figures(1200, 1100, 0, 0)).note).toBe('over 1,200 requests');
    expect(measuredFor('mm1', figures(1, 1, 0, 0)).note).toBe('mean of 1 finished request');
    expect(measuredFor('che', figures(5, 5, 1, 0)).note).toBe('over 1 look-up');
  });
});

describe('the Che approximation', () => {
  it('is outside for caches off or per-server caches behind key routing', () => {
    const off = scenarioOf({ cache: { placement: 'off' } });
    expect(chePrediction({ setup: off, liveRatePerSec: 0 }).reasons).toEqual(['the cache is off']);
    const hashed = scenarioOf({ strategy: 'maglev', cache: { placement: 'per-server' } });
    expect(chePrediction({ setup: hashed, liveRatePerSec: 0 }).reasons[0]).toMatch(
      /maglev routes by key/,
    );
    const random = scenarioOf({ strategy: 'random', cache: { placement: 'per-server' } });
    expect(chePrediction({ setup: random, liveRatePerSec: 0 }).predicted).not.toBeNull();
  });

  it('matches the measured hit rate of the example', () => {
    const setup = example('che');
    const p = chePrediction({ setup, liveRatePerSec: 0 });
    const measured = measuredFor('che', run(setup).summary).value!;
    expect(Math.abs(measured - p.predicted!)).toBeLessThan(0.015);
  });
});
