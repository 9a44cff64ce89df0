import { describe, expect, it } from 'vitest';
import { Simulation } from '../engine/simulation.ts';
import { summarize } from '../engine/summary.ts';
import { scenarioOf } from '../engine/testing/scenarioOf.ts';
import { formatSummary } from './formatTable.ts';

function text(raw: unknown): string {
  const sim = new Simulation(scenarioOf(raw), { logRequests: false });
  sim.runToEnd();
  return formatSummary(summarize(sim));
}

const two = [
  { name: 'A', capacity: 1 },
  { name: 'B', capacity: 1 },
];

describe('the terminal summary with overload control', () => {
  it('says nothing new for a run without it', () => {
    const t = text({ servers: two, traffic: [{ at: 0, burst: 3 }] });
    expect(t).not.toMatch(/goodput|hedging|shed/);
    expect(t).toContain('(no healthy servers 1, overloaded 0)');
  });

  it('adds the new reasons, goodput next to throughput, and hedges', () => {
    const t = text({
      servers: two,
      service: { distribution: 'constant', ms: 1000 },
      traffic: [{ at: 0, burst: 1 }],
      durationMs: 2000,
      resilience: { deadlineMs: 500, hedge: { afterMs: 100 } },
    });
    expect(t).toContain('(no healthy servers 0, overloaded 0, shed 0, limited 0, throttled 0)');
    // One request served after 1 s, past its 500 ms deadline, in a 2 s run.
    expect(t).toContain(
      'goodput    0.0 req/s served within the deadline, of 0.5 req/s served (0.0%); 1 served late',
    );
    expect(t).toContain(
      'hedging    1 copy sent (100.0% more requests), 0 won, 1 cancelled, 0 refused by the budget',
    );
  });
});
