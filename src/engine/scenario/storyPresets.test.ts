import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation.ts';
import { summarize, type RunSummary } from '../summary.ts';
import { PRESETS } from './presets.ts';
import { parseScenario } from './schema.ts';

function run(id: string): { sim: Simulation; summary: RunSummary } {
  const parsed = parseScenario(PRESETS.find((p) => p.id === id)!.raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const sim = new Simulation(parsed.scenario);
  sim.runToEnd();
  return { sim, summary: summarize(sim) };
}

const logTime = (sim: Simulation, text: string) =>
  sim.metrics.log.entries().find((e) => e.message.includes(text))?.timeMs ?? null;

/** The story presets come in pairs that differ in one defence; each pair must tell its story. */
describe('fault story presets', () => {
  it('a crash: without health checks failures last until the revival, with them a few seconds', () => {
    const without = run('crash-no-health-checks');
    const withChecks = run('crash-health-checks');
    expect(without.summary.requests.failed).toBeGreaterThan(3 * withChecks.summary.requests.failed);
    // Least connections sends the dead server more than its quarter of 20 s of 20 requests/s.
    expect(without.summary.requests.failed).toBeGreaterThan(0.25 * 20 * 20);
    // Checks every 2 s, fall 3: marked down within 6 s of the crash at 20 s; rise 2 after 40 s.
    expect(logTime(withChecks.sim, 'marks Server-C DOWN')).toBeLessThanOrEqual(26_000);
    const up = logTime(withChecks.sim, 'marks Server-C UP');
    expect(up).toBeGreaterThan(40_000);
    expect(up).toBeLessThanOrEqual(44_000);
  });

  it('a sinkhole draws traffic under least connections; outlier ejection cuts its failures', () => {
    const sink = run('sinkhole');
    const ejected = run('sinkhole-outlier-ejection');
    const d = sink.summary.servers.find((s) => s.name === 'Server-D')!;
    // Over half of what arrived after it went bad (75 s of 25 requests/s) went to Server-D.
    expect((d.served + d.failed) / (75 * 25)).toBeGreaterThan(0.5);
    expect(ejected.summary.requests.failed).toBeLessThan(0.05 * sink.summary.requests.failed);
    expect(ejected.summary.servers.find((s) => s.name === 'Server-D')!.ejections).toBeGreaterThan(
      1,
    );
  });

  it('a retry storm: naive retries keep the servers collapsed, a budget lets them recover', () => {
    const naive = run('retry-storm');
    const budget = run('retry-budget');
    expect(naive.summary.retries.amplification).toBeGreaterThan(2.5);
    expect(budget.summary.retries.amplification).toBeLessThan(1.5);
    expect(naive.summary.requests.served / naive.summary.requests.total).toBeLessThan(0.4);
    expect(budget.summary.requests.served / budget.summary.requests.total).toBeGreaterThan(0.5);
    expect(naive.summary.retries.wastedMs).toBeGreaterThan(2 * budget.summary.retries.wastedMs);
  });
});
