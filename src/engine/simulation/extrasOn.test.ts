import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation.ts';
import { scenarioOf } from '../testing/scenarioOf.ts';

/** The classic demo's servers with nothing optional on. */
function plain(): Simulation {
  return new Simulation(scenarioOf({ traffic: [{ from: 0, to: 10_000, ratePerSec: 20 }] }));
}

/*
 * extrasOn lets a plain request skip a dozen optional steps (core.ts): every setting that adds a
 * step to a send, an answer or a request's end must turn it on, mid-run as at the start, or that
 * step silently stops happening.
 */
describe('extrasOn', () => {
  it('is off in the plain model and on with each optional mechanism set from the start', () => {
    expect(plain().extrasOn).toBe(false);
    const withSetting = (extra: Record<string, unknown>) =>
      new Simulation(scenarioOf({ traffic: [{ at: 0, burst: 1 }], ...extra })).extrasOn;
    expect(withSetting({ resilience: { timeoutMs: 2000 } })).toBe(true);
    expect(withSetting({ resilience: { outlier: { enabled: true } } })).toBe(true);
    expect(withSetting({ resilience: { breaker: { enabled: true } } })).toBe(true);
    expect(withSetting({ resilience: { deadlineMs: 1000 } })).toBe(true);
    expect(withSetting({ resilience: { hedge: { afterMs: 100 } } })).toBe(true);
    expect(withSetting({ slo: { thresholdMs: 600, objective: 0.9 } })).toBe(true);
  });

  it('follows the client timeout, breakers and the SLO when they change mid-run', () => {
    const sim = plain();
    sim.runUntil(1000);
    const resilience = sim.resilience;
    sim.setResilience({ ...resilience, timeoutMs: 2000 });
    expect(sim.extrasOn).toBe(true);
    sim.setResilience(resilience);
    expect(sim.extrasOn).toBe(false);
    sim.setResilience({ ...resilience, breaker: { ...resilience.breaker, enabled: true } });
    expect(sim.extrasOn).toBe(true);
    sim.setResilience(resilience);
    sim.setSlo({ thresholdMs: 600, objective: 0.9 });
    expect(sim.extrasOn).toBe(true);
    sim.setSlo(null);
    expect(sim.extrasOn).toBe(false);
  });

  it('stays on once an overload mechanism was on (its figures and hedged twins outlive it)', () => {
    const sim = plain();
    sim.runUntil(1000);
    const resilience = sim.resilience;
    sim.setResilience({ ...resilience, hedge: { ...resilience.hedge, afterMs: 100 } });
    expect(sim.extrasOn).toBe(true);
    sim.setResilience(resilience);
    expect(sim.extrasOn).toBe(true);
    const closed = plain();
    closed.setPopulation(5, 100);
    expect(closed.extrasOn).toBe(true);
  });
});
