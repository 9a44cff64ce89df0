import { describe, expect, it } from 'vitest';
import { loadSweep } from './loadSweep.ts';
import { SWEEP_PRESETS } from './presets.ts';
import { planOf, SMALL_BASE, smallSweep } from './testing/planOf.ts';

function problemsOf(raw: unknown): string[] {
  const loaded = loadSweep(raw);
  if (loaded.ok) throw new Error('expected the sweep to be refused');
  return loaded.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('a sweep file', () => {
  it('fills in defaults: 5 replications, no warm-up, the base strategy, a name', () => {
    const plan = planOf({
      base: SMALL_BASE,
      vary: { field: 'load', values: [0.5] },
      durationMs: 1000,
    });
    expect(plan.header).toMatchObject({
      version: 1,
      name: 'Four queues by load',
      base: 'Four queues',
      strategies: ['random'],
      replications: 5,
      warmupMs: 0,
      durationMs: 1000,
      requests: null,
    });
    expect(plan.header.figures).toEqual([
      'meanMs',
      'p50Ms',
      'p99Ms',
      'p999Ms',
      'throughputPerSec',
      'rejectedShare',
      'utilization',
      'hitRate',
    ]);
  });

  it('takes a preset as its base by name', () => {
    const plan = planOf({
      base: 'steady-poisson',
      vary: { field: 'capacity', values: [2, 4] },
      durationMs: 10_000,
    });
    expect(plan.header.base).toBe('steady-poisson');
    expect(plan.variants.map((v) => v.servers.map((s) => s.capacity))).toEqual([
      [2, 2, 2],
      [4, 4, 4],
    ]);
  });

  it("names every problem by path, the base scenario's under base", () => {
    expect(
      problemsOf({
        version: 2,
        base: { servers: [{ name: 'A', capacity: 0 }], strategy: 'fastest' },
        vary: { field: 'load', values: [0.5, 'high', 0.5] },
        strategies: ['random', 'psychic'],
        replications: 0,
        warmupMs: -1,
        colour: 'blue',
      }),
    ).toEqual([
      'version: must be 1, the only version of the sweep format (got 2)',
      'base.strategy: must be one of "round-robin", "least-connections", "random", "weighted-round-robin", "power-of-two-choices", "consistent-hash", "peak-ewma", "modulo-hash", "maglev" or "custom" (got "fastest")',
      'base.servers[0].capacity: must be an integer >= 1',
      'vary.values[1]: must be a number (got "high")',
      'vary.values[2]: repeats values[0] (0.5)',
      'strategies[1]: must be one of "round-robin", "least-connections", "random", "weighted-round-robin", "power-of-two-choices", "consistent-hash", "peak-ewma", "modulo-hash" or "maglev" (got "psychic")',
      'replications: must be an integer >= 1',
      'warmupMs: must be a number >= 0',
      'durationMs: is required: the measured simulated time of each run in ms (or `requests`, a count of arrivals)',
      'colour: unknown field',
    ]);
  });

  it('refuses an unknown preset, listing the presets', () => {
    const [problem] = problemsOf(smallSweep({ base: 'clasic' }));
    expect(problem).toMatch(/^base: no preset named "clasic" \(presets: classic, steady-poisson/);
  });

  it('refuses a base running custom code unless built-in strategies are named', () => {
    const base = {
      ...SMALL_BASE,
      strategy: 'custom',
      customStrategy: { code: 'function selectServer(servers) { return 0; }' },
    };
    expect(problemsOf(smallSweep({ base, strategies: undefined }))).toEqual([
      'strategies: the base runs a custom strategy (your own code), which sweeps do not run; name up to 4 built-in strategies here',
    ]);
    expect(planOf(smallSweep({ base, strategies: ['random'] })).header.strategies).toEqual([
      'random',
    ]);
  });

  it('refuses both or neither of durationMs and requests', () => {
    expect(problemsOf(smallSweep({ requests: 100 }))).toEqual([
      'requests: give either durationMs or requests per run, not both',
    ]);
  });

  it('refuses runs that would measure past the end of the base traffic', () => {
    const base = { ...SMALL_BASE, traffic: [{ from: 0, to: 30_000, ratePerSec: 200 }] };
    expect(problemsOf(smallSweep({ base, warmupMs: 5000, durationMs: 30_000 }))).toEqual([
      "durationMs: warmupMs + durationMs (35,000 ms) runs past the end of the base's traffic at 30,000 ms, so the runs would measure an emptying pool; extend the base's traffic or shorten the runs",
    ]);
  });

  it('refuses more than 100,000 runs', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(
      problemsOf(smallSweep({ vary: { field: 'servers', values }, replications: 1000 })),
    ).toEqual([
      'replications: 3 strategies × 1000 values × 1000 replications is 3,000,000 runs; a sweep may run at most 100,000',
    ]);
  });
});

describe('the varied field', () => {
  const variantsOf = (field: string, values: number[], extra: Record<string, unknown> = {}) =>
    planOf(smallSweep({ vary: { field, values }, strategies: ['power-of-two-choices'], ...extra }))
      .variants;

  it('servers: copies of the first server, the first keeping its name', () => {
    const [two] = variantsOf('servers', [3]);
    expect(two!.servers.map((s) => s.name)).toEqual(['S0', 'S0-2', 'S0-3']);
    expect(two!.servers.every((s) => s.capacity === 1 && s.queueLimit === null)).toBe(true);
  });

  it('capacity, queueLimit: every server; choices: d; cacheCapacity: the cache', () => {
    expect(variantsOf('capacity', [5])[0]!.servers.map((s) => s.capacity)).toEqual([5, 5, 5, 5]);
    expect(variantsOf('queueLimit', [0])[0]!.servers.map((s) => s.queueLimit)).toEqual([
      0, 0, 0, 0,
    ]);
    expect(variantsOf('choices', [3])[0]!.strategyOptions.choices).toBe(3);
    const cached = { ...SMALL_BASE, cache: { placement: 'shared' } };
    expect(variantsOf('cacheCapacity', [64], { base: cached })[0]!.cache.capacity).toBe(64);
  });

  it('a JSON path: any number of the scenario file, null ones included', () => {
    expect(variantsOf('resilience.retry.maxRetries', [4])[0]!.resilience.retry.maxRetries).toBe(4);
    expect(variantsOf('resilience.timeoutMs', [250])[0]!.resilience.timeoutMs).toBe(250);
    expect(variantsOf('servers[2].capacity', [9])[0]!.servers.map((s) => s.capacity)).toEqual([
      1, 1, 9, 1,
    ]);
  });

  it('the strategy of each point, strategy-major, and the run length', () => {
    const plan = planOf(smallSweep());
    expect(plan.variants.map((v) => v.strategy)).toEqual([
      ...Array<string>(3).fill('random'),
      ...Array<string>(3).fill('power-of-two-choices'),
      ...Array<string>(3).fill('least-connections'),
    ]);
    expect(plan.variants.every((v) => v.durationMs === 2500)).toBe(true);
    const byRequests = planOf(smallSweep({ durationMs: undefined, requests: 500 }));
    expect(byRequests.variants.every((v) => v.durationMs === null)).toBe(true);
  });

  it('says why a field cannot be varied', () => {
    const sweep = (field: string, extra: Record<string, unknown> = {}) =>
      problemsOf(smallSweep({ vary: { field, values: [1] }, ...extra }));
    expect(sweep('resilience.retry.mode')).toEqual([
      'vary.field: resilience.retry.mode is not a number in the base scenario (it is "off")',
    ]);
    expect(sweep('resilience.retry.maxRetry')).toEqual([
      'vary.field: the base scenario has no field resilience.retry.maxRetry',
    ]);
    expect(sweep('seed')[0]).toMatch(
      /^vary\.field: cannot be varied: the seed is set per replication/,
    );
    expect(sweep('servers..capacity')[0]).toMatch(/^vary\.field: must be one of load, servers/);
    expect(sweep('choices', { strategies: ['random'] })[0]).toMatch(
      /^vary\.field: choices \(d\) is read only by power-of-two-choices and peak-ewma/,
    );
    expect(sweep('cacheCapacity')[0]).toMatch(/^vary\.field: the base's cache is off/);
    expect(sweep('load', { base: { ...SMALL_BASE, traffic: [{ at: 0, burst: 10 }] } })[0]).toMatch(
      /^vary\.field: load scales the base's traffic rates, but its traffic has none/,
    );
  });

  it("names each value that makes an invalid scenario, with the scenario's own message", () => {
    expect(problemsOf(smallSweep({ vary: { field: 'capacity', values: [2, 0, 1.5] } }))).toEqual([
      'vary.values[1]: capacity 0 makes an invalid scenario: servers[0].capacity: must be an integer >= 1',
      'vary.values[1]: capacity 0 makes an invalid scenario: servers[1].capacity: must be an integer >= 1',
      'vary.values[1]: capacity 0 makes an invalid scenario: servers[2].capacity: must be an integer >= 1',
      'vary.values[1]: capacity 0 makes an invalid scenario: servers[3].capacity: must be an integer >= 1',
      'vary.values[2]: capacity 1.5 makes an invalid scenario: servers[0].capacity: must be an integer (got 1.5)',
      'vary.values[2]: capacity 1.5 makes an invalid scenario: servers[1].capacity: must be an integer (got 1.5)',
      'vary.values[2]: capacity 1.5 makes an invalid scenario: servers[2].capacity: must be an integer (got 1.5)',
      'vary.values[2]: capacity 1.5 makes an invalid scenario: servers[3].capacity: must be an integer (got 1.5)',
    ]);
    expect(
      problemsOf(smallSweep({ vary: { field: 'servers', values: [0, 2.5, 20_000] } })),
    ).toEqual([
      'vary.values[0]: servers must be an integer from 1 to 10,000 (got 0)',
      'vary.values[1]: servers must be an integer from 1 to 10,000 (got 2.5)',
      'vary.values[2]: servers must be an integer from 1 to 10,000 (got 20000)',
    ]);
    expect(problemsOf(smallSweep({ vary: { field: 'load', values: [0, -1] } }))).toEqual([
      'vary.values[0]: load must be > 0 (got 0)',
      'vary.values[1]: load must be > 0 (got -1)',
    ]);
  });
});

describe('the built-in sweeps', () => {
  it('load, and each describes itself', () => {
    for (const preset of SWEEP_PRESETS) {
      const loaded = loadSweep(preset.raw);
      expect(loaded.ok ? [] : loaded.problems).toEqual([]);
      expect(preset.description.length).toBeGreaterThan(40);
    }
  });

  it('the knee: random, two choices and least connections over load 0.1–0.98 on 20 servers', () => {
    const { header, variants } = planOf(SWEEP_PRESETS.find((p) => p.id === 'the-knee')!.raw);
    expect(header.strategies).toEqual(['random', 'power-of-two-choices', 'least-connections']);
    expect(header.vary.field).toBe('load');
    expect(Math.min(...header.vary.values)).toBe(0.1);
    expect(Math.max(...header.vary.values)).toBe(0.98);
    expect(variants[0]!.servers).toHaveLength(20);
  });
});
