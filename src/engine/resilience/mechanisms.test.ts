import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../scenario/schema.ts';
import { CircuitBreakers, CLOSED, HALF_OPEN, OPEN } from './circuitBreakers.ts';
import { HealthChecks } from './healthChecks.ts';
import { maxEjected, OutlierDetector } from './outlierDetector.ts';
import { retryAllowed, retryBackoff } from './retryPolicy.ts';
import { slowStartLimit } from './slowStart.ts';

const defaults = DEFAULT_SCENARIO.resilience;

describe('health checks (HAProxy rise/fall)', () => {
  it('takes a server out after `fall` failures in a row and back after `rise` passes', () => {
    const h = new HealthChecks();
    // fall 3: two failures are not enough, a pass in between starts over.
    expect(h.record(0, false, true, 2, 3)).toBe(0);
    expect(h.record(0, false, true, 2, 3)).toBe(0);
    expect(h.record(0, true, true, 2, 3)).toBe(0);
    expect(h.record(0, false, true, 2, 3)).toBe(0);
    expect(h.record(0, false, true, 2, 3)).toBe(0);
    expect(h.record(0, false, true, 2, 3)).toBe(-1);
    // Believed down now: rise 2.
    expect(h.record(0, true, false, 2, 3)).toBe(0);
    expect(h.record(0, true, false, 2, 3)).toBe(1);
  });

  it('keeps streaks per server', () => {
    const h = new HealthChecks();
    h.record(5, false, true, 2, 1);
    expect(h.streak(5)).toEqual({ passes: 0, fails: 1 });
    expect(h.streak(2)).toEqual({ passes: 0, fails: 0 });
  });
});

describe('outlier detection (Envoy consecutive failures)', () => {
  const spec = { ...defaults.outlier, enabled: true };

  it('ejects at exactly `consecutiveFailures` failures in a row; a success resets the count', () => {
    const o = new OutlierDetector();
    for (let i = 0; i < 4; i++) expect(o.onFailure(0, spec, 10, false)).toBe(false);
    o.onSuccess(0);
    for (let i = 0; i < 4; i++) expect(o.onFailure(0, spec, 10, false)).toBe(false);
    expect(o.onFailure(0, spec, 10, false)).toBe(true);
  });

  it('ejects for base × times ejected, capped at the maximum', () => {
    const o = new OutlierDetector();
    expect(o.eject(0, spec)).toBe(30_000);
    o.restore(0);
    expect(o.eject(0, spec)).toBe(60_000);
    o.restore(0);
    const capped = { ...spec, maxEjectionMs: 70_000 };
    expect(o.eject(0, capped)).toBe(70_000);
    expect(o.ejections(0)).toBe(3);
  });

  it('never ejects more than the share allowed, but always allows one', () => {
    expect(maxEjected(spec, 3)).toBe(1);
    expect(maxEjected(spec, 25)).toBe(2);
    expect(maxEjected({ ...spec, maxEjectionPercent: 0 }, 25)).toBe(1);
    const o = new OutlierDetector();
    for (let i = 0; i < 5; i++) o.onFailure(0, spec, 3, false);
    o.eject(0, spec);
    for (let i = 0; i < 4; i++) o.onFailure(1, spec, 3, false);
    // The cap (1 of 3 servers) is reached: server 1 stays in however often it fails.
    expect(o.onFailure(1, spec, 3, false)).toBe(false);
    o.restore(0);
    expect(o.onFailure(1, spec, 3, false)).toBe(true);
  });
});

describe('circuit breaker', () => {
  const spec = { enabled: true, failureThreshold: 3, openMs: 5000, halfOpenProbes: 1 };

  it('opens at the threshold, blocks while open, lets one probe through half-open', () => {
    const b = new CircuitBreakers();
    expect(b.onFailure(0, false, spec)).toBe(-1);
    expect(b.onFailure(0, false, spec)).toBe(-1);
    expect(b.onFailure(0, false, spec)).toBe(OPEN);
    expect(b.allows(0, spec)).toBe(false);
    b.halfOpen(0);
    expect(b.state[0]).toBe(HALF_OPEN);
    expect(b.allows(0, spec)).toBe(true);
    b.onSend(0);
    expect(b.allows(0, spec)).toBe(false);
    expect(b.onSuccess(0, true)).toBe(CLOSED);
    expect(b.allows(0, spec)).toBe(true);
  });

  it('a failed probe opens the circuit again at once', () => {
    const b = new CircuitBreakers();
    for (let i = 0; i < 3; i++) b.onFailure(0, false, spec);
    b.halfOpen(0);
    b.onSend(0);
    expect(b.onFailure(0, true, spec)).toBe(OPEN);
    expect(b.probes[0]).toBe(0);
  });

  it('a success while closed resets the failure count', () => {
    const b = new CircuitBreakers();
    b.onFailure(0, false, spec);
    b.onFailure(0, false, spec);
    b.onSuccess(0, false);
    expect(b.onFailure(0, false, spec)).toBe(-1);
    expect(b.state[0]).toBe(CLOSED);
  });
});

describe('retry policy', () => {
  const budget = { ...defaults.retry, mode: 'budget' as const };

  it('off never retries; naive retries up to maxRetries whatever is in flight', () => {
    expect(retryAllowed(defaults.retry, 0, 0, 10)).toBe(false);
    const naive = { ...defaults.retry, mode: 'naive' as const };
    expect(retryAllowed(naive, 0, 1e6, 1)).toBe(true);
    expect(retryAllowed(naive, 1, 1e6, 1)).toBe(true);
    expect(retryAllowed(naive, 2, 0, 1)).toBe(false);
  });

  it('the budget allows retries up to budgetPercent of active requests, at least the floor', () => {
    // 20% of 100 active requests: 20 retries in flight at most.
    expect(retryAllowed(budget, 0, 19, 100)).toBe(true);
    expect(retryAllowed(budget, 0, 20, 100)).toBe(false);
    // With few requests active, the floor of 3 applies.
    expect(retryAllowed(budget, 0, 2, 4)).toBe(true);
    expect(retryAllowed(budget, 0, 3, 4)).toBe(false);
  });

  it('backs off with full jitter, doubling up to ten times the base', () => {
    expect(retryBackoff(budget, 1, 0.5)).toBe(12.5);
    expect(retryBackoff(budget, 3, 1)).toBe(100);
    expect(retryBackoff(budget, 9, 1)).toBe(250);
    expect(retryBackoff(budget, 1, 0)).toBe(0);
  });
});

describe('slow start', () => {
  it('ramps the limit linearly from 1 to the capacity over the window', () => {
    expect(slowStartLimit(10, 0, 10_000)).toBe(1);
    expect(slowStartLimit(10, 2_500, 10_000)).toBe(3);
    expect(slowStartLimit(10, 5_000, 10_000)).toBe(5);
    expect(slowStartLimit(10, 10_000, 10_000)).toBe(10);
    expect(slowStartLimit(10, 1, 0)).toBe(10);
  });
});
