/**
 * Sweeps against queueing theory: the curves a sweep draws must be the curves theory predicts
 * where theory applies. Each check runs a real sweep (load scaling, warm-up, replications with
 * common random numbers, Student's t intervals) and accepts a point when theory lies inside its
 * 95% confidence interval or within 4% of its mean, as issue 14 asks; the intervals themselves
 * must be tight (under 10% of the mean), so "inside the interval" cannot pass by being vague.
 */
import { describe, expect, it } from 'vitest';
import { mm1, supermarketMeanSojourn } from '../theory.ts';
import { allRuns } from './plan.ts';
import { inThreadWorker, runSweep } from './pool.ts';
import { assembleResult, type SweepPoint } from './results.ts';
import { planOf } from './testing/planOf.ts';

const MEAN_SERVICE_MS = 10;

/** Mean latency at each load of a sweep over `servers` single-slot FIFO servers. */
async function meanLatencyByLoad(
  strategy: string,
  servers: number,
  loads: number[],
  warmupMs: number,
  durationMs: number,
): Promise<SweepPoint[]> {
  const plan = planOf({
    base: {
      strategy,
      servers: Array.from({ length: servers }, (_, i) => ({
        name: `S${i}`,
        capacity: 1,
        queueLimit: null,
      })),
      service: { distribution: 'exponential', meanMs: MEAN_SERVICE_MS },
      cache: { placement: 'off' },
      traffic: [{ from: 0, to: 1e9, ratePerSec: 100 }],
    },
    vary: { field: 'load', values: loads },
    replications: 5,
    warmupMs,
    durationMs,
  });
  const { figures } = await runSweep(plan, allRuns(plan.header), [inThreadWorker(plan)]);
  return [...assembleResult(plan.header, figures).points];
}

function expectAgrees(point: SweepPoint, theoryMs: number): void {
  const { mean, ci95 } = point.figures.meanMs!;
  const [lo, hi] = ci95!;
  const label = `load ${point.value}: ${mean} ms [${lo}, ${hi}] vs theory ${theoryMs.toFixed(3)} ms`;
  expect((hi - lo) / 2 / mean!, label).toBeLessThan(0.1);
  const inside = lo <= theoryMs && theoryMs <= hi;
  expect(inside || Math.abs(mean! / theoryMs - 1) < 0.04, label).toBe(true);
}

describe('fidelity of sweeps', () => {
  it('random routing: mean latency follows M/M/1 per server, W = 1/(μ − λ)', async () => {
    // Random splitting of Poisson arrivals gives each server Poisson arrivals at λ/n: 20
    // independent M/M/1 queues. The warm-up (200 service times) is over twice M/M/1's relaxation
    // time 1/(1 − √ρ)² at ρ = 0.8 (90 service times); each replication measures up to 48,000
    // requests.
    const loads = [0.3, 0.5, 0.7, 0.8];
    const points = await meanLatencyByLoad('random', 20, loads, 20_000, 30_000);
    for (const point of points) {
      const rho = point.value;
      expectAgrees(point, mm1(rho / MEAN_SERVICE_MS, 1 / MEAN_SERVICE_MS)!.meanResponseMs);
    }
  });

  it('power of two choices at 100 servers: within 4% of the supermarket fixed point', async () => {
    // Mitzenmacher's fixed point is the n → ∞ limit; at n = 100 the finite-size gap is under 1%
    // at these loads. Each replication measures up to 90,000 requests.
    const points = await meanLatencyByLoad(
      'power-of-two-choices',
      100,
      [0.5, 0.7, 0.9],
      3000,
      10_000,
    );
    for (const point of points) {
      expectAgrees(point, supermarketMeanSojourn(point.value, 2) * MEAN_SERVICE_MS);
    }
  });
});
