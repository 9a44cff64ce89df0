import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../engine/summary.ts';
import { formatSummary } from './formatTable.ts';

const base: RunSummary = {
  name: 'x',
  strategy: 'round-robin',
  seed: 1,
  requests: {
    total: 10,
    served: 10,
    rejected: 0,
    rejectedByReason: { noHealthyServers: 0, overloaded: 0 },
    failed: 0,
    timedOut: 0,
    inFlight: 0,
  },
  retries: { sent: 0, denied: 0, amplification: 1, lateResponses: 0, wastedMs: 0 },
  latencyMs: { mean: 1, p50: 1, p90: 1, p99: 1, p999: 1, max: 1 },
  servers: [],
  cache: { placement: 'off', hits: 0, misses: 0, evictions: 0, hitRate: null },
  simulatedMs: 1000,
};

describe('the table of a run with autoscaling, cost and an SLO', () => {
  it('adds a line for each, in words', () => {
    const text = formatSummary({
      ...base,
      autoscaling: {
        policy: 'hpa',
        actions: [
          { at: 15_000, from: 1, to: 2, reason: 'utilization 0.9 over target 0.5: 1 -> 2' },
        ],
        servers: { min: 1, max: 2, mean: 1.5, final: 2 },
      },
      cost: { serverHours: 1.5, dollars: 0.15, dollarsPerMillion: 15_000 },
      slo: {
        thresholdMs: 300,
        objective: 0.999,
        attainment: 0.9995,
        budgetLeft: 0.5,
        windowsBroken: 1,
      },
    });
    expect(text).toContain('autoscale  hpa: 1 change; servers min 1 · mean 1.50 · max 2 · final 2');
    expect(text).toContain('last at 15 s: utilization 0.9 over target 0.5: 1 -> 2');
    expect(text).toContain('cost       1.50 server-hours · $0.15 · $15000.00 per million served');
    expect(text).toContain(
      'slo        300 ms for 99.90%: attainment 99.95% · error budget left 50.0% · 1 minute below the objective',
    );
  });

  it('says when the error budget is overspent, and has no such lines without them', () => {
    const text = formatSummary({
      ...base,
      slo: { thresholdMs: 300, objective: 0.99, attainment: 0.9, budgetLeft: -9, windowsBroken: 3 },
    });
    expect(text).toContain('error budget left -900.0% (overspent) · 3 minutes below the objective');
    expect(formatSummary(base)).not.toMatch(/autoscale|cost|slo/);
  });
});
