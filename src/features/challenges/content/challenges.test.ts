import { describe, expect, it } from 'vitest';
import { parseScenario, serializeScenario } from '../../../engine/scenario/schema.ts';
import type { RawScenario } from '../../../engine/scenario/schema.ts';
import type { Scenario } from '../../../engine/scenario/types.ts';
import { Simulation } from '../../../engine/simulation.ts';
import { summarize } from '../../../engine/summary.ts';
import { CHALLENGES, challengeById, challengeScenario, evaluate, imposeWorkload } from './index.ts';
import type { Challenge, CheckResult } from './types.ts';

function parsed(raw: RawScenario): Scenario {
  const p = parseScenario(raw);
  if (!p.ok) throw new Error(p.problems.map((x) => `${x.path}: ${x.message}`).join('; '));
  return p.scenario;
}

/** What "Check my setup" does, with the engine run headless instead of in the worker. */
function check(challenge: Challenge, raw: RawScenario): CheckResult {
  const setup = parsed(imposeWorkload(raw, challenge));
  const sim = new Simulation(setup, { logRequests: false });
  sim.runToEnd();
  return evaluate(challenge, setup, summarize(sim));
}

const failing = (r: CheckResult) => [...r.constraints, ...r.goals].filter((i) => !i.pass);

describe('challenges', () => {
  it('has at least four, with unique ids', () => {
    expect(CHALLENGES.length).toBeGreaterThanOrEqual(4);
    expect(new Set(CHALLENGES.map((c) => c.id)).size).toBe(CHALLENGES.length);
  });

  it.each(CHALLENGES.map((c) => [c.id, c] as const))(
    '%s: the starting setup fails a goal and the solution passes everything',
    (_id, challenge) => {
      const start = check(challenge, challengeScenario(challenge, challenge.start));
      expect(start.pass).toBe(false);
      // The start keeps the rules: it fails on outcomes, which is what the learner must fix.
      expect(start.constraints.every((c) => c.pass)).toBe(true);
      expect(start.goals.some((g) => !g.pass)).toBe(true);

      const solution = check(challenge, challengeScenario(challenge, challenge.solution));
      expect(failing(solution)).toEqual([]);
      expect(solution.pass).toBe(true);
    },
  );
});

describe('checking a setup', () => {
  const p99 = challengeById('p99-300rps')!;

  it('puts the workload back over the learner’s traffic, events and defences', () => {
    const mine = serializeScenario(
      parsed({
        name: 'Mine',
        seed: 7,
        servers: [{ name: 'Solo', capacity: 3 }],
        traffic: [{ at: 0, burst: 1 }],
        events: [{ at: 10, action: 'kill', server: 'Solo' }],
        durationMs: 5000,
      }),
    );
    const raw = imposeWorkload({ ...mine, resilience: { timeoutMs: 100 } }, p99);
    const setup = parsed(raw);
    expect(setup.traffic).toEqual([{ kind: 'poisson', from: 0, to: 30_000, ratePerSec: 300 }]);
    expect(setup.seed).toBe(42);
    expect(setup.events).toEqual([]);
    expect(setup.durationMs).toBeNull();
    expect(setup.resilience.timeoutMs).toBeNull();
    expect(setup.cache.placement).toBe('off');
    // The learner's own part stays.
    expect(setup.servers.map((s) => s.name)).toEqual(['Solo']);
    expect(setup.name).toBe('Challenge: p99 under 800 ms at 300 requests/s');
  });

  it('fails a setup that breaks a rule even when every goal is met', () => {
    const seven = {
      ...p99.solution,
      servers: Array.from({ length: 7 }, (_, i) => ({
        name: `S${i}`,
        capacity: 25,
        queueLimit: 20,
      })),
    };
    const result = check(p99, challengeScenario(p99, seven));
    expect(result.goals.every((g) => g.pass)).toBe(true);
    expect(result.constraints.find((c) => c.id === 'servers')).toMatchObject({
      pass: false,
      value: '7',
      target: '≤ 6',
    });
    expect(result.pass).toBe(false);
  });

  it('shows each goal with its measured value and target', () => {
    const result = check(p99, challengeScenario(p99, p99.start));
    const goal = result.goals.find((g) => g.id === 'p99')!;
    expect(goal.target).toBe('≤ 800 ms');
    expect(goal.pass).toBe(false);
    expect(goal.value).toMatch(/^\d+(\.\d+)? (ms|s)$/);
    expect(result.goals.find((g) => g.id === 'unserved')).toMatchObject({
      target: '≤ 1.0%',
      pass: false,
    });
  });

  it('requires per-server caches in the cache challenge', () => {
    const cache = challengeById('cache-hit-rate')!;
    const shared = { ...cache.solution, cache: { placement: 'shared' as const, capacity: 128 } };
    const result = check(cache, challengeScenario(cache, shared));
    expect(result.constraints.find((c) => c.id === 'placement')).toMatchObject({
      pass: false,
      value: 'shared',
    });
  });
});

describe('an overload challenge', () => {
  const storm = challengeById('goodput-storm')!;

  it('keeps the learner’s overload defences but the workload’s spike and clients', () => {
    const mine: RawScenario = {
      ...challengeScenario(storm, storm.start),
      shedding: { maxQueueMs: 400 },
      resilience: {
        limiter: { algorithm: 'aimd', initialLimit: 8, minLimit: 1 },
        // The client is not the learner's to change: a retry budget would be a way out.
        retry: { mode: 'budget' },
        timeoutMs: 60_000,
      },
    };
    const setup = parsed(imposeWorkload(mine, storm));
    expect(setup.shedding.maxQueueMs).toBe(400);
    expect(setup.resilience.limiter).toMatchObject({ algorithm: 'aimd', initialLimit: 8 });
    expect(setup.resilience.retry.mode).toBe('naive');
    expect(setup.resilience.timeoutMs).toBe(1000);
    expect(setup.events).toHaveLength(4);
    expect(setup.durationMs).toBe(90_000);
  });

  it('is passed by a learning limit at the balancer too, not only by CoDel', () => {
    const limited = check(storm, {
      ...challengeScenario(storm, storm.start),
      resilience: { limiter: { algorithm: 'aimd', initialLimit: 8, minLimit: 1 } },
    });
    expect(failing(limited)).toEqual([]);
  });
});
