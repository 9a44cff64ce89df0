import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation.ts';
import { summarize, type RunSummary } from '../summary.ts';
import { PRESETS } from './presets.ts';
import { parseScenario } from './schema.ts';

interface Run {
  readonly sim: Simulation;
  readonly summary: RunSummary;
  /** Mean goodput (served within the deadline) per second over (fromMs, toMs]. */
  goodput(fromMs: number, toMs: number): number;
}

function run(id: string): Run {
  const parsed = parseScenario(PRESETS.find((p) => p.id === id)!.raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  // History long enough to keep every sample of the run (90 s at 100 ms).
  const sim = new Simulation(parsed.scenario, { logRequests: false, historyLength: 2000 });
  sim.runToEnd();
  const time = sim.metrics.series.time.toArray();
  const good = sim.metrics.overload.series!.goodputPerSec.toArray();
  return {
    sim,
    summary: summarize(sim),
    goodput(fromMs, toMs) {
      const picked = good.filter((_, i) => time[i]! > fromMs && time[i]! <= toMs);
      return picked.reduce((a, b) => a + b, 0) / picked.length;
    },
  };
}

/** Each overload pair differs in one thing and must tell its story (issue 15). */
describe('overload story presets', () => {
  it('open vs closed loop under the same spike: metastable collapse vs recovery', () => {
    const open = run('spike-open-loop');
    const closed = run('spike-closed-loop');
    // Before the spike (20-26 s) both serve about 54 requests a second within the deadline.
    for (const r of [open, closed]) expect(r.goodput(5000, 20_000)).toBeGreaterThan(50);
    // Long after it, the open loop is still collapsed; the closed loop has recovered.
    expect(open.goodput(40_000, 90_000)).toBeLessThan(1);
    expect(closed.goodput(40_000, 90_000)).toBeGreaterThan(0.95 * closed.goodput(5000, 20_000));
    expect(open.summary.retries.amplification).toBeGreaterThan(1.7); // at most 2 with one retry
    expect(closed.summary.retries.amplification).toBeLessThan(1.2);
  });

  it('a retry storm: FIFO queues stay collapsed, CoDel with adaptive LIFO recovers', () => {
    const fifo = run('storm-fifo');
    const codel = run('storm-codel-lifo');
    expect(fifo.goodput(30_000, 90_000)).toBeLessThan(1);
    expect(codel.goodput(30_000, 90_000)).toBeGreaterThan(50);
    // CoDel sheds a little to save the rest: a few percent of requests, nothing like the storm.
    const s = codel.summary;
    expect(s.requests.rejectedByReason.shed! / s.requests.total).toBeLessThan(0.1);
    expect(s.retries.amplification).toBeLessThan(1.3);
    expect(fifo.summary.retries.amplification).toBeGreaterThan(3);
  });

  it('a slow server: without a limit its retries drag the pool down, a learning limit holds', () => {
    const plain = run('slow-server');
    const limited = run('slow-server-limit');
    // Server-C turns slow at 15 s; from 25 s on the difference is plain.
    expect(plain.goodput(25_000, 60_000)).toBeLessThan(10);
    expect(limited.goodput(25_000, 60_000)).toBeGreaterThan(27);
    // The limiter learned a low limit for Server-C and a higher one for the fast servers.
    const lim = limited.sim;
    expect(lim.limitOf(2)).toBeLessThan(Math.min(lim.limitOf(0), lim.limitOf(1)));
    expect(
      limited.summary.requests.rejectedByReason.limited! / limited.summary.requests.total,
    ).toBeLessThan(0.1);
  });

  it('a heavy tail: hedging at the 95th percentile cuts p99 by over half for about 5% more requests', () => {
    const plain = run('heavy-tail');
    const hedged = run('heavy-tail-hedged');
    // The hedged preset hedges at the unhedged run's p95 (230 ms).
    const p95 = plain.sim.metrics.latency.quantile(0.95);
    const afterMs = (
      PRESETS.find((p) => p.id === 'heavy-tail-hedged')!.raw as {
        resilience: { hedge: { afterMs: number } };
      }
    ).resilience.hedge.afterMs;
    expect(Math.abs(afterMs - p95) / p95).toBeLessThan(0.05);
    expect(hedged.summary.latencyMs.p99!).toBeLessThan(0.5 * plain.summary.latencyMs.p99!);
    expect(hedged.summary.hedging!.extraLoad).toBeGreaterThan(0.04);
    expect(hedged.summary.hedging!.extraLoad).toBeLessThan(0.06);
    // The median does not move: most requests never needed a copy.
    expect(hedged.summary.latencyMs.p50).toBe(plain.summary.latencyMs.p50);
    expect(hedged.summary.goodput!).toBeGreaterThan(plain.summary.goodput!);
  });
});
