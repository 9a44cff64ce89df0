import { describe, expect, it } from 'vitest';
import { STRATEGY_NAMES } from '../strategies/strategy.ts';
import { DEFAULT_SCENARIO, parseScenario, type ScenarioProblem } from './schema.ts';
import type { Scenario } from './types.ts';

function problems(input: unknown): ScenarioProblem[] {
  const result = parseScenario(input);
  if (result.ok)
    throw new Error(`expected problems, got a scenario: ${JSON.stringify(result.scenario)}`);
  return result.problems;
}

function scenario(input: unknown): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(`expected a scenario, got ${JSON.stringify(result.problems)}`);
  return result.scenario;
}

/** The problems as "path: message" lines, the way the CLI prints them. */
function lines(input: unknown): string[] {
  return problems(input).map((p) => `${p.path}: ${p.message}`);
}

describe('defaults', () => {
  it('an empty file is the original demo', () => {
    expect(DEFAULT_SCENARIO).toEqual({
      version: 1,
      name: 'Untitled',
      seed: 42,
      strategy: 'round-robin',
      strategyOptions: { choices: 2, virtualNodes: 100, decayMs: 10_000 },
      servers: [
        {
          name: 'Server-A',
          capacity: 3,
          weight: 1,
          speed: 1,
          queueLimit: 0,
          up: true,
          errorRate: 0,
          partitioned: false,
        },
        {
          name: 'Server-B',
          capacity: 2,
          weight: 1,
          speed: 1,
          queueLimit: 0,
          up: true,
          errorRate: 0,
          partitioned: false,
        },
        {
          name: 'Server-C',
          capacity: 4,
          weight: 1,
          speed: 1,
          queueLimit: 0,
          up: true,
          errorRate: 0,
          partitioned: false,
        },
      ],
      service: { distribution: 'uniform', minMs: 200, maxMs: 600 },
      cache: { placement: 'shared', capacity: 128, hitMs: 1 },
      keys: { count: 1000, zipf: 1 },
      traffic: [{ kind: 'burst', at: 0, burst: 10 }],
      events: [],
      durationMs: null,
      sampleIntervalMs: 100,
      resilience: {
        healthCheck: { mode: 'instant', intervalMs: 2000, timeoutMs: 1000, rise: 2, fall: 3 },
        outlier: {
          enabled: false,
          consecutiveFailures: 5,
          baseEjectionMs: 30_000,
          maxEjectionMs: 300_000,
          maxEjectionPercent: 10,
        },
        panicThresholdPercent: 0,
        timeoutMs: null,
        connectTimeoutMs: 5000,
        retry: {
          mode: 'off',
          maxRetries: 2,
          budgetPercent: 20,
          minRetryConcurrency: 3,
          backoffMs: 25,
        },
        breaker: { enabled: false, failureThreshold: 5, openMs: 5000, halfOpenProbes: 1 },
        slowStartMs: 0,
        balancers: { count: 1, loadUpdateMs: 0 },
        // Overload control (issue 15): all off.
        deadlineMs: null,
        limiter: {
          algorithm: 'off',
          initialLimit: 20,
          minLimit: 20,
          maxLimit: 200,
          backoffRatio: 0.9,
          smoothing: 0.2,
          rttTolerance: 2,
          timeoutMs: 5000,
        },
        throttling: { enabled: false, k: 2, windowMs: 120_000 },
        hedge: { afterMs: null, cancelLoser: true, budgetPercent: null },
      },
      contention: { model: 'off', alpha: 0.05, beta: 0 },
      shedding: {
        maxQueue: null,
        maxQueueMs: null,
        codel: false,
        targetMs: 5,
        intervalMs: 100,
        adaptiveLifo: false,
      },
    });
    expect(scenario({})).toEqual(DEFAULT_SCENARIO);
  });

  it('DEFAULT_SCENARIO is frozen and each parse returns fresh objects', () => {
    expect(Object.isFrozen(DEFAULT_SCENARIO.servers[0])).toBe(true);
    const a = scenario({});
    const b = scenario({});
    expect(a.servers).not.toBe(b.servers);
    expect(a.traffic[0]).not.toBe(b.traffic[0]);
    expect(Object.isFrozen(a)).toBe(false);
  });

  it('fills defaults inside partly written objects', () => {
    const s = scenario({
      servers: [{ name: 'solo' }],
      strategyOptions: { choices: 3 },
      cache: { placement: 'off' },
      keys: { zipf: 0 },
      service: { distribution: 'uniform', maxMs: 1000 },
    });
    expect(s.servers).toEqual([
      {
        name: 'solo',
        capacity: 1,
        weight: 1,
        speed: 1,
        queueLimit: 0,
        up: true,
        errorRate: 0,
        partitioned: false,
      },
    ]);
    expect(s.strategyOptions).toEqual({ choices: 3, virtualNodes: 100, decayMs: 10_000 });
    expect(s.cache).toEqual({ placement: 'off', capacity: 128, hitMs: 1 });
    expect(s.keys).toEqual({ count: 1000, zipf: 0 });
    expect(s.service).toEqual({ distribution: 'uniform', minMs: 200, maxMs: 1000 });
  });

  it('accepts version 1 and every strategy name', () => {
    expect(scenario({ version: 1 }).version).toBe(1);
    for (const name of STRATEGY_NAMES) expect(scenario({ strategy: name }).strategy).toBe(name);
  });
});

describe('accepted values', () => {
  it('infers the kind of each traffic entry from its fields', () => {
    const s = scenario({
      traffic: [
        { at: 5, burst: 3 },
        { from: 0, to: 1000, ratePerSec: 2.5 },
        { from: 10, to: 20, startRatePerSec: 0, endRatePerSec: 4 },
      ],
    });
    expect(s.traffic).toEqual([
      { kind: 'burst', at: 5, burst: 3 },
      { kind: 'poisson', from: 0, to: 1000, ratePerSec: 2.5 },
      { kind: 'ramp', from: 10, to: 20, startRatePerSec: 0, endRatePerSec: 4 },
    ]);
  });

  it('reads every service distribution', () => {
    expect(scenario({ service: { distribution: 'exponential', meanMs: 50 } }).service).toEqual({
      distribution: 'exponential',
      meanMs: 50,
    });
    expect(scenario({ service: { distribution: 'constant', ms: 0 } }).service).toEqual({
      distribution: 'constant',
      ms: 0,
    });
    expect(
      scenario({ service: { distribution: 'lognormal', medianMs: 80, sigma: 5 } }).service,
    ).toEqual({
      distribution: 'lognormal',
      medianMs: 80,
      sigma: 5,
    });
  });

  it('trims names, and allows null queue limits and durations at the edges of their ranges', () => {
    const s = scenario({
      name: '  Lab  ',
      seed: 4_294_967_295,
      servers: [{ name: ' A ', queueLimit: null, capacity: 1_000_000 }],
      durationMs: 1e9,
      events: [{ at: 0, action: 'kill', server: 'A ' }],
    });
    expect(s.name).toBe('Lab');
    expect(s.servers[0]).toMatchObject({ name: 'A', queueLimit: null, capacity: 1_000_000 });
    expect(s.events).toEqual([{ at: 0, action: 'kill', server: 'A' }]);
    expect(s.durationMs).toBe(1e9);
    expect(scenario({ durationMs: null }).durationMs).toBeNull();
  });

  it('reads every kind of event, following adds and renames', () => {
    const events = [
      { at: 100, action: 'kill', server: 'Server-A' },
      { at: 200, action: 'revive', server: 'Server-A' },
      {
        at: 300,
        action: 'update',
        server: 'Server-B',
        set: { name: 'B2', capacity: 5, queueLimit: null },
      },
      { at: 400, action: 'kill', server: 'B2' },
      { at: 500, action: 'add', spec: { name: 'Server-D', capacity: 6 } },
      { at: 600, action: 'remove', server: 'Server-D' },
      { at: 700, action: 'strategy', strategy: 'peak-ewma' },
      // Re-adding a removed name is fine; so is an event listed before an earlier one.
      { at: 650, action: 'add', spec: { name: 'Server-D' } },
    ];
    const s = scenario({ events });
    expect(s.events[2]).toEqual({
      at: 300,
      action: 'update',
      server: 'Server-B',
      set: { name: 'B2', capacity: 5, queueLimit: null },
    });
    expect(s.events[4]).toEqual({
      at: 500,
      action: 'add',
      spec: {
        name: 'Server-D',
        capacity: 6,
        weight: 1,
        speed: 1,
        queueLimit: 0,
        up: true,
        errorRate: 0,
        partitioned: false,
      },
    });
    expect(s.events).toHaveLength(8);
  });
});

describe('problems', () => {
  it('capacity 0 names the server and the rule', () => {
    expect(problems({ servers: [{ name: 'a' }, { name: 'b', capacity: 0 }] })).toEqual([
      { path: 'servers[1].capacity', message: 'must be an integer >= 1' },
    ]);
  });

  it('numbers out of range, of the wrong type or not finite', () => {
    expect(lines({ seed: 4_294_967_296 })).toEqual(['seed: must be an integer <= 4,294,967,295']);
    expect(lines({ seed: 1.5 })).toEqual(['seed: must be an integer (got 1.5)']);
    expect(lines({ seed: '7' })).toEqual(['seed: must be an integer (got "7")']);
    expect(lines({ sampleIntervalMs: 5 })).toEqual(['sampleIntervalMs: must be a number >= 10']);
    expect(lines({ sampleIntervalMs: NaN })).toEqual([
      'sampleIntervalMs: must be a number (got NaN)',
    ]);
    expect(lines({ keys: { zipf: Infinity } })).toEqual([
      'keys.zipf: must be a number (got Infinity)',
    ]);
    expect(lines({ durationMs: 0 })).toEqual(['durationMs: must be a number > 0']);
    expect(lines({ durationMs: 'long' })).toEqual([
      'durationMs: must be a number or null (got "long")',
    ]);
    expect(lines({ servers: [{ name: 'a', queueLimit: -1, weight: 0, speed: 1001 }] })).toEqual([
      'servers[0].weight: must be a number > 0',
      'servers[0].speed: must be a number <= 1000',
      'servers[0].queueLimit: must be an integer >= 0',
    ]);
  });

  it('wrong version, empty or long names, unknown choices', () => {
    expect(lines({ version: 2 })).toEqual([
      'version: must be 1, the only version of the format (got 2)',
    ]);
    expect(lines({ name: '   ' })).toEqual(['name: must not be empty']);
    expect(lines({ name: 'x'.repeat(81) })).toEqual(['name: must be at most 80 characters']);
    expect(lines({ strategy: 'fastest' })).toEqual([
      'strategy: must be one of "round-robin", "least-connections", "random", "weighted-round-robin", ' +
        '"power-of-two-choices", "consistent-hash", "peak-ewma", "modulo-hash", "maglev" or "custom" (got "fastest")',
    ]);
    expect(lines({ cache: { placement: 'everywhere' } })).toEqual([
      'cache.placement: must be one of "shared", "per-server" or "off" (got "everywhere")',
    ]);
  });

  it('a server without a name, or with a name already used', () => {
    expect(lines({ servers: [{ capacity: 2 }] })).toEqual(['servers[0].name: is required']);
    expect(lines({ servers: [{ name: 'A' }, { name: 'B' }, { name: ' A' }] })).toEqual([
      'servers[2].name: must be unique: "A" is also the name of servers[0]',
    ]);
    expect(lines({ servers: [] })).toEqual(['servers: must list at least one server']);
    expect(lines({ servers: {} })).toEqual(['servers: must be a list (got an object)']);
  });

  it('unknown fields, with a hint for likely typos', () => {
    expect(lines({ seeed: 1 })).toEqual(['seeed: unknown field (did you mean "seed"?)']);
    expect(lines({ servers: [{ name: 'a', capcity: 2, colour: 'red' }] })).toEqual([
      'servers[0].capcity: unknown field (did you mean "capacity"?)',
      'servers[0].colour: unknown field',
    ]);
    expect(lines({ strategyOptions: { Choices: 3 } })).toEqual([
      'strategyOptions.Choices: unknown field (did you mean "choices"?)',
    ]);
    expect(lines({ 'odd key': 1 })).toEqual(['["odd key"]: unknown field']);
  });

  it('prototype keys are unknown fields and pollute nothing', () => {
    const input: unknown = JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": 1, "servers": [{"name": "a", "toString": 2}]}',
    );
    expect(lines(input)).toEqual([
      'servers[0].toString: unknown field',
      '__proto__: unknown field',
      'constructor: unknown field',
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('a uniform range with min above max', () => {
    expect(lines({ service: { distribution: 'uniform', minMs: 700, maxMs: 300 } })).toEqual([
      'service.minMs: must be <= maxMs (300)',
    ]);
    // maxMs defaults to 600.
    expect(lines({ service: { distribution: 'uniform', minMs: 700 } })).toEqual([
      'service.minMs: must be <= maxMs (600)',
    ]);
  });

  it('service distributions: unknown, missing or with wrong fields', () => {
    expect(lines({ service: { distribution: 'gamma' } })).toEqual([
      'service.distribution: must be one of "uniform", "exponential", "constant" or "lognormal" (got "gamma")',
    ]);
    expect(lines({ service: { meanMs: 5 } })).toEqual([
      'service.distribution: is required: one of "uniform", "exponential", "constant" or "lognormal"',
    ]);
    expect(lines({ service: { distribution: 'exponential', minMs: 1 } })).toEqual([
      'service.meanMs: is required',
      'service.minMs: unknown field',
    ]);
    expect(lines({ service: { distribution: 'lognormal', medianMs: 0, sigma: 6 } })).toEqual([
      'service.medianMs: must be a number > 0',
      'service.sigma: must be a number <= 5',
    ]);
    expect(lines({ service: 'fast' })).toEqual(['service: must be an object (got "fast")']);
  });

  it('traffic entries: one message naming the shapes, or the fields of the intended shape', () => {
    const shapes =
      'must be a burst {at, burst}, a steady rate {from, to, ratePerSec}, ' +
      'a ramp {from, to, startRatePerSec, endRatePerSec}, ' +
      'a daily pattern {from, to, troughRatePerSec, peakRatePerSec}, ' +
      'a spike {from, to, multiplier}, a trace {trace: [[timeMs, ratePerSec], ...]} ' +
      'or a closed-loop population {from, to, clients, thinkMs}';
    expect(lines({ traffic: [{ from: 0, to: 10 }] })).toEqual([`traffic[0]: ${shapes}`]);
    expect(lines({ traffic: [{ rate: 5 }] })).toEqual([`traffic[0]: ${shapes}`]);
    expect(lines({ traffic: [42] })).toEqual([`traffic[0]: ${shapes}`]);
    expect(lines({ traffic: [{ at: 0 }] })).toEqual(['traffic[0].burst: is required']);
    expect(lines({ traffic: [{ at: -1, burst: 0 }] })).toEqual([
      'traffic[0].at: must be a number >= 0',
      'traffic[0].burst: must be an integer >= 1',
    ]);
    expect(lines({ traffic: [{ from: 0, to: 10, ratePerSec: '5' }] })).toEqual([
      'traffic[0].ratePerSec: must be a number (got "5")',
    ]);
    expect(lines({ traffic: [{ from: 10, to: 10, ratePerSec: 0 }] })).toEqual([
      'traffic[0].ratePerSec: must be a number > 0',
      'traffic[0].to: must be > from (10)',
    ]);
    expect(lines({ traffic: [{ from: 10, to: 5, ratePerSec: 1 }] })).toEqual([
      'traffic[0].to: must be > from (10)',
    ]);
    expect(lines({ traffic: [{ from: 0, to: 5, startRatePerSec: 0, endRatePerSec: 0 }] })).toEqual([
      'traffic[0].endRatePerSec: must be > 0 when startRatePerSec is 0 (the ramp would send nothing)',
    ]);
    expect(lines({ traffic: [{ at: 0, burst: 1, ratePerSec: 3 }] })).toEqual([
      'traffic[0].ratePerSec: unknown field',
    ]);
    expect(lines({ traffic: [{ from: 0, to: 1e9 + 1, ratePerSec: 1 }] })).toEqual([
      'traffic[0].to: must be a number <= 1,000,000,000',
    ]);
  });

  it('events: unknown action, missing fields, empty changes', () => {
    const actions =
      '"kill", "drain", "crash", "revive", "spike", "update", "add", "remove" or "strategy"';
    expect(lines({ events: [{ at: 0, action: 'explode', server: 'Server-A' }] })).toEqual([
      `events[0].action: must be one of ${actions} (got "explode")`,
    ]);
    expect(lines({ events: [{ at: 0, server: 'Server-A' }] })).toEqual([
      `events[0].action: is required: one of ${actions}`,
    ]);
    expect(lines({ events: [{ action: 'kill', server: 'Server-A' }] })).toEqual([
      'events[0].at: is required',
    ]);
    expect(lines({ events: [{ at: 1, action: 'update', server: 'Server-A', set: {} }] })).toEqual([
      'events[0].set: must change at least one field',
    ]);
    expect(
      lines({ events: [{ at: 1, action: 'update', server: 'Server-A', set: { up: false } }] }),
    ).toEqual(['events[0].set.up: unknown field', 'events[0].set: must change at least one field']);
    expect(lines({ events: [{ at: 1, action: 'strategy', strategy: 'magic' }] })).toHaveLength(1);
    expect(lines({ events: [{ at: 1, action: 'add', spec: { capacity: 2 } }] })).toEqual([
      'events[0].spec.name: is required',
    ]);
  });

  it('events naming a server that does not exist when they fire', () => {
    expect(lines({ events: [{ at: 10, action: 'kill', server: 'Server-Z' }] })).toEqual([
      'events[0].server: no server named "Server-Z"',
    ]);
    const later = [
      { at: 10, action: 'kill', server: 'New' },
      { at: 20, action: 'add', spec: { name: 'New' } },
      { at: 30, action: 'remove', server: 'Server-A' },
      { at: 40, action: 'revive', server: 'Server-A' },
      { at: 50, action: 'update', server: 'Server-B', set: { name: 'Renamed' } },
      { at: 60, action: 'kill', server: 'Server-B' },
      { at: 70, action: 'add', spec: { name: 'Renamed' } },
      { at: 80, action: 'update', server: 'Server-C', set: { name: 'New' } },
    ];
    expect(lines({ events: later })).toEqual([
      'events[0].server: no server named "New" exists at 10 ms',
      'events[3].server: no server named "Server-A" exists at 40 ms',
      'events[5].server: no server named "Server-B" exists at 60 ms',
      'events[6].spec.name: a server named "Renamed" already exists at 70 ms',
      'events[7].set.name: a server named "New" already exists at 80 ms',
    ]);
    // Events at the same time fire in file order.
    expect(
      lines({
        events: [
          { at: 5, action: 'kill', server: 'X' },
          { at: 5, action: 'add', spec: { name: 'X' } },
        ],
      }),
    ).toEqual(['events[0].server: no server named "X" exists at 5 ms']);
  });

  it('checks names against the servers of the file, not the demo ones', () => {
    expect(
      lines({
        servers: [{ name: 'web' }],
        events: [{ at: 1, action: 'kill', server: 'Server-A' }],
      }),
    ).toEqual(['events[0].server: no server named "Server-A"']);
  });

  it('a root that is not an object', () => {
    for (const [input, got] of [
      [null, 'null'],
      [[], 'a list'],
      ['{}', '"{}"'],
      [3, '3'],
      [undefined, 'nothing'],
      [true, 'true'],
    ] as const) {
      expect(problems(input)).toEqual([{ path: '', message: `must be an object (got ${got})` }]);
    }
  });

  it('lists every problem at once, in file order', () => {
    const result = lines({
      version: 3,
      seed: -1,
      servers: [
        { name: 'A', capacity: 0 },
        { name: 'A', speed: 0 },
      ],
      service: { distribution: 'uniform', minMs: 10, maxMs: 5 },
      cache: { capacity: 0, size: 3 },
      traffic: [{ at: 0, burst: 0 }, { from: 0 }],
      events: [{ at: 1, action: 'kill', server: 'Nobody' }],
      sampleIntervalMs: 1e6,
      extra: true,
    });
    expect(result).toEqual([
      'version: must be 1, the only version of the format (got 3)',
      'seed: must be an integer >= 0',
      'servers[0].capacity: must be an integer >= 1',
      'servers[1].speed: must be a number > 0',
      'servers[1].name: must be unique: "A" is also the name of servers[0]',
      'service.minMs: must be <= maxMs (5)',
      'cache.capacity: must be an integer >= 1',
      'cache.size: unknown field',
      'traffic[0].burst: must be an integer >= 1',
      expect.stringMatching(/^traffic\[1\]: must be a burst/),
      'events[0].server: no server named "Nobody"',
      'sampleIntervalMs: must be a number <= 60,000',
      'extra: unknown field',
    ]);
  });

  it('lists too-long lists', () => {
    const traffic = Array.from({ length: 1001 }, () => ({ at: 0, burst: 1 }));
    expect(lines({ traffic })).toEqual(['traffic: must have at most 1000 entries']);
  });
});
