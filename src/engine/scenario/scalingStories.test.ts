import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation.ts';
import { summarize, type RunSummary } from '../summary.ts';
import { PRESETS } from './presets.ts';
import { parseScenario } from './schema.ts';

type Raw = Record<string, unknown> & { autoscaling: Record<string, unknown> };

function raw(id: string): Raw {
  return structuredClone(PRESETS.find((p) => p.id === id)!.raw) as Raw;
}

function run(input: Raw): RunSummary {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const sim = new Simulation(parsed.scenario, { logRequests: false });
  sim.runToEnd();
  return summarize(sim);
}

const rejectedShare = (s: RunSummary) => s.requests.rejected / s.requests.total;

/** The autoscaling presets tell their stories: each checked against a variant or a bound. */
describe('autoscaling story presets', () => {
  it('morning peak: p99 under the SLO at about a third of the cost of a pool sized for the peak', () => {
    const hpa = run(raw('morning-peak'));
    const day = 24;
    // The fixed pool that could take the peak: the most servers the autoscaler ever needed,
    // running all day at the same price.
    const peakPool = hpa.autoscaling!.servers.max * day * 0.1;
    expect(hpa.latencyMs.p99!).toBeLessThan(hpa.slo!.thresholdMs);
    expect(hpa.slo!.attainment!).toBeGreaterThanOrEqual(hpa.slo!.objective);
    expect(hpa.requests.rejected).toBe(0);
    const ratio = hpa.cost!.dollars / peakPool;
    expect(ratio).toBeGreaterThan(0.25);
    expect(ratio).toBeLessThan(0.4);
    // It did scale with the day: up for the rush and back down to the floor at night.
    expect(hpa.autoscaling!.servers.max).toBeGreaterThanOrEqual(3 * hpa.autoscaling!.servers.min);
    expect(hpa.autoscaling!.servers.final).toBe(2);
  }, 120_000);

  it('cold starts: a spike faster than provisioning is turned away; warm servers or a lower target buy it back', () => {
    const base = run(raw('cold-starts'));
    const warm = raw('cold-starts');
    warm.autoscaling.minServers = 6;
    const headroom = raw('cold-starts');
    headroom.autoscaling.target = 0.2;
    const withWarm = run(warm);
    const withHeadroom = run(headroom);
    // Ninety seconds of boot while five times the traffic arrives: over a tenth turned away.
    expect(rejectedShare(base)).toBeGreaterThan(0.1);
    expect(base.slo!.attainment!).toBeLessThan(0.8);
    for (const fixed of [withWarm, withHeadroom]) {
      expect(rejectedShare(fixed)).toBeLessThan(0.001);
      expect(fixed.slo!.attainment!).toBeGreaterThanOrEqual(0.99);
      expect(fixed.cost!.dollars).toBeGreaterThan(base.cost!.dollars);
    }
    // Here warm servers are the cheaper insurance.
    expect(withWarm.cost!.dollars).toBeLessThan(withHeadroom.cost!.dollars);
  });

  it('flapping: with no stabilization window servers come and go every minute', () => {
    const flapping = run(raw('flapping'));
    const stable = raw('flapping');
    stable.autoscaling.scaleDownStabilizationMs = 300_000;
    const withWindow = run(stable);
    const actions = flapping.autoscaling!.actions;
    const minutes = flapping.simulatedMs / 60_000;
    expect(actions.length).toBeGreaterThanOrEqual(minutes);
    const ups = actions.filter((a) => a.to > a.from).length;
    const downs = actions.filter((a) => a.to < a.from).length;
    expect(Math.min(ups, downs)).toBeGreaterThanOrEqual(minutes / 2);
    // Servers ordered at the top of a surge arrive after it: the SLO suffers.
    expect(flapping.slo!.attainment!).toBeLessThan(0.9);
    // The default 300 s window holds the count: a couple of changes, the SLO met.
    expect(withWindow.autoscaling!.actions.length).toBeLessThanOrEqual(3);
    expect(withWindow.slo!.attainment!).toBeGreaterThanOrEqual(0.99);
  });
});
