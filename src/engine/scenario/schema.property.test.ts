import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STRATEGY_NAMES } from '../strategies/strategy.ts';
import { parseScenario, serializeScenario } from './schema.ts';
import type {
  AutoscalingSpec,
  ResilienceSpec,
  Scenario,
  ScheduledEvent,
  ServerChanges,
  ServerSpec,
  ServiceSpec,
  TrafficSpec,
} from './types.ts';

/** A double in [min, max] (or (min, max] with `above`), never -0 so JSON round trips are exact. */
function dbl(min: number, max: number, above = false): fc.Arbitrary<number> {
  return fc
    .double({ min, max, minExcluded: above, noNaN: true, noDefaultInfinity: true })
    .map((x) => (x === 0 ? 0 : x));
}

const int = (min: number, max: number) => fc.integer({ min, max });
const time = dbl(0, 1e9);
const name = fc
  .string({ minLength: 1, maxLength: 64, unit: 'grapheme-ascii' })
  .map((s) => s.trim())
  .filter((s) => s.length > 0 && !s.startsWith('added '));

const serverFields = {
  capacity: int(1, 1_000_000),
  weight: dbl(0, 1e6, true),
  speed: dbl(0, 1000, true),
  queueLimit: fc.option(int(0, 10_000_000), { nil: null }),
  up: fc.boolean(),
  errorRate: dbl(0, 1),
  partitioned: fc.boolean(),
};

const server = (n: fc.Arbitrary<string>): fc.Arbitrary<ServerSpec> =>
  fc.record({ name: n, ...serverFields });

const service: fc.Arbitrary<ServiceSpec> = fc.oneof(
  fc.tuple(dbl(0, 3_600_000), dbl(0, 3_600_000)).map(([a, b]) => ({
    distribution: 'uniform' as const,
    minMs: Math.min(a, b),
    maxMs: Math.max(a, b),
  })),
  fc.record({ distribution: fc.constant('exponential' as const), meanMs: dbl(0, 3_600_000, true) }),
  fc.record({ distribution: fc.constant('constant' as const), ms: dbl(0, 3_600_000) }),
  fc.record({
    distribution: fc.constant('lognormal' as const),
    medianMs: dbl(0, 3_600_000, true),
    sigma: dbl(0, 5),
  }),
);

const span = fc
  .tuple(time, time)
  .filter(([a, b]) => a !== b)
  .map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) }));

const traffic: fc.Arbitrary<TrafficSpec> = fc.oneof(
  fc.record({ kind: fc.constant('burst' as const), at: time, burst: int(1, 1_000_000) }),
  fc
    .tuple(span, dbl(0, 1e7, true))
    .map(([s, ratePerSec]) => ({ kind: 'poisson' as const, ...s, ratePerSec })),
  fc.tuple(span, dbl(0, 1e7), dbl(0, 1e7, true), fc.boolean()).map(([s, a, b, flip]) => ({
    kind: 'ramp' as const,
    ...s,
    startRatePerSec: flip ? b : a,
    endRatePerSec: flip ? a : b,
  })),
  fc.tuple(span, int(1, 100_000), dbl(0, 3_600_000, true)).map(([s, clients, thinkMs]) => ({
    kind: 'closed' as const,
    ...s,
    clients,
    thinkMs,
  })),
);

/** The segments of issue 13: daily patterns, spikes and recorded traces. */
const changingTraffic: fc.Arbitrary<TrafficSpec> = fc.oneof(
  fc
    .tuple(span, dbl(0, 1e7), dbl(0, 1e7, true), dbl(0, 1e9, true), time)
    .map(([s, a, b, periodMs, phaseMs]) => ({
      kind: 'diurnal' as const,
      ...s,
      troughRatePerSec: Math.min(a, b),
      peakRatePerSec: Math.max(a, b),
      periodMs,
      phaseMs,
    })),
  fc
    .tuple(span, dbl(0, 1000))
    .map(([s, multiplier]) => ({ kind: 'spike' as const, ...s, multiplier })),
  fc.uniqueArray(time, { minLength: 2, maxLength: 6 }).chain((times) =>
    fc.tuple(...times.map(() => dbl(0, 1e7))).map((rates) => ({
      kind: 'trace' as const,
      trace: [...times]
        .sort((a, b) => a - b)
        .map((t, i) => [t, i === 0 ? Math.max(rates[i]!, 1) : rates[i]!] as const),
    })),
  ),
);

const scalingPolicy = fc.record({
  type: fc.constantFrom('Pods' as const, 'Percent' as const),
  value: int(1, 100_000),
  periodMs: dbl(0, 1_800_000, true),
});
const select = fc.constantFrom('Max' as const, 'Min' as const, 'Disabled' as const);

/** Steps from sorted bounds: consecutive intervals never overlap. */
const steps = fc.uniqueArray(dbl(-1e6, 1e6), { minLength: 2, maxLength: 5 }).chain((bounds) =>
  fc.tuple(...bounds.slice(1).map(() => int(-50, 50).filter((c) => c !== 0))).map((changes) => {
    const b = [...bounds].sort((x, y) => x - y);
    return changes.map((change, i) => ({ lower: b[i]!, upper: b[i + 1]!, change }));
  }),
);

const autoscaling: fc.Arbitrary<AutoscalingSpec> = fc
  .record({
    policy: fc.constantFrom('hpa' as const, 'step' as const, 'scheduled' as const),
    metric: fc.constantFrom(
      'utilization' as const,
      'inFlightPerServer' as const,
      'requestsPerSecondPerServer' as const,
    ),
    bounds: fc.tuple(int(1, 10_000), int(1, 10_000)),
    percent: int(1, 100),
    level: dbl(0, 1e9, true),
    template: fc.option(server(name), { nil: null }),
    syncPeriodMs: dbl(100, 3_600_000),
    tolerance: dbl(0, 0.99),
    scaleDownStabilizationMs: dbl(0, 3_600_000),
    scaleUpStabilizationMs: dbl(0, 3_600_000),
    scaleUpPolicies: fc.array(scalingPolicy, { maxLength: 3 }),
    scaleUpSelectPolicy: select,
    scaleDownPolicies: fc.array(scalingPolicy, { maxLength: 3 }),
    scaleDownSelectPolicy: select,
    provisioningMs: dbl(0, 3_600_000),
    steps,
    adjustmentType: fc.constantFrom(
      'ChangeInCapacity' as const,
      'PercentChangeInCapacity' as const,
    ),
    cooldownMs: dbl(0, 3_600_000),
    evaluationPeriods: int(1, 100),
    schedule: fc.array(fc.tuple(dbl(0, 0.999), dbl(0, 1)), { minLength: 1, maxLength: 4 }),
    scheduleRepeatMs: fc.option(dbl(1, 1e9), { nil: null }),
  })
  .map(({ bounds, percent, level, schedule, ...a }) => {
    const minServers = Math.min(...bounds);
    const maxServers = Math.max(...bounds);
    const horizon = a.scheduleRepeatMs ?? 1e9;
    return {
      ...a,
      minServers,
      maxServers,
      target: a.metric === 'utilization' ? percent / 100 : level,
      schedule: schedule.map(([at, share]) => ({
        at: at * horizon,
        servers: minServers + Math.floor(share * (maxServers - minServers)),
      })),
    };
  });

const changes: fc.Arbitrary<ServerChanges> = fc
  .record(
    {
      capacity: serverFields.capacity,
      weight: serverFields.weight,
      speed: serverFields.speed,
      queueLimit: serverFields.queueLimit,
      errorRate: serverFields.errorRate,
      partitioned: serverFields.partitioned,
    },
    { requiredKeys: [] },
  )
  .filter((c) => Object.keys(c).length > 0);

/** Events that stay valid in any order: they name the initial servers, or add fresh names. */
function events(names: readonly string[]): fc.Arbitrary<ScheduledEvent[]> {
  const target = fc.constantFrom(...names);
  const event: fc.Arbitrary<Omit<ScheduledEvent, 'spec'> | { at: number; action: 'add' }> =
    fc.oneof(
      fc.record({
        at: time,
        action: fc.constantFrom(
          'kill' as const,
          'drain' as const,
          'crash' as const,
          'revive' as const,
        ),
        server: target,
      }),
      fc.record({
        at: time,
        action: fc.constant('spike' as const),
        server: target,
        factor: dbl(0, 1000, true),
        durationMs: dbl(0, 1e9, true),
      }),
      fc.record({ at: time, action: fc.constant('update' as const), server: target, set: changes }),
      fc.record({
        at: time,
        action: fc.constant('strategy' as const),
        strategy: fc.constantFrom(...STRATEGY_NAMES),
      }),
      fc.record({ at: time, action: fc.constant('add' as const) }),
    );
  return fc
    .array(event, { maxLength: 8 })
    .chain((list) =>
      fc
        .tuple(
          ...list.map((e, i) =>
            e.action === 'add' ? server(fc.constant(`added ${i}`)) : fc.constant(null),
          ),
        )
        .map((specs) =>
          list.map(
            (e, i) => (e.action === 'add' ? { ...e, spec: specs[i]! } : e) as ScheduledEvent,
          ),
        ),
    );
}

const resilience: fc.Arbitrary<ResilienceSpec> = fc.record({
  healthCheck: fc.record({
    mode: fc.constantFrom('instant' as const, 'active' as const, 'none' as const),
    intervalMs: dbl(10, 3_600_000),
    timeoutMs: dbl(0, 3_600_000, true),
    rise: int(1, 100),
    fall: int(1, 100),
  }),
  outlier: fc.record({
    enabled: fc.boolean(),
    consecutiveFailures: int(1, 1000),
    baseEjectionMs: dbl(0, 3_600_000, true),
    maxEjectionMs: dbl(0, 3_600_000, true),
    maxEjectionPercent: dbl(0, 100),
  }),
  panicThresholdPercent: dbl(0, 100),
  timeoutMs: fc.option(dbl(0, 3_600_000, true), { nil: null }),
  connectTimeoutMs: dbl(0, 3_600_000, true),
  retry: fc.record({
    mode: fc.constantFrom('off' as const, 'budget' as const, 'naive' as const),
    maxRetries: int(0, 10),
    budgetPercent: dbl(0, 100),
    minRetryConcurrency: int(0, 1_000_000),
    backoffMs: dbl(0, 60_000),
  }),
  breaker: fc.record({
    enabled: fc.boolean(),
    failureThreshold: int(1, 1000),
    openMs: dbl(0, 3_600_000, true),
    halfOpenProbes: int(1, 1000),
  }),
  slowStartMs: dbl(0, 3_600_000),
  balancers: fc.record({ count: int(1, 64), loadUpdateMs: dbl(0, 3_600_000) }),
  deadlineMs: fc.option(dbl(0, 3_600_000, true), { nil: null }),
  limiter: fc.record({
    algorithm: fc.constantFrom(
      'off' as const,
      'aimd' as const,
      'gradient' as const,
      'gradient2' as const,
    ),
    initialLimit: int(1, 1_000_000),
    // min <= max, as the schema requires.
    minLimit: int(1, 1000),
    maxLimit: int(1000, 1_000_000),
    backoffRatio: dbl(0.5, 0.99),
    smoothing: dbl(0, 1),
    rttTolerance: dbl(1, 100),
    timeoutMs: dbl(0, 3_600_000, true),
  }),
  throttling: fc.record({ enabled: fc.boolean(), k: dbl(1, 100), windowMs: dbl(1000, 3_600_000) }),
  hedge: fc.record({
    afterMs: fc.option(dbl(0, 3_600_000, true), { nil: null }),
    cancelLoser: fc.boolean(),
    budgetPercent: fc.option(dbl(0, 100, true), { nil: null }),
  }),
});

const validScenario: fc.Arbitrary<Scenario> = fc
  .uniqueArray(name, { minLength: 1, maxLength: 6 })
  .chain((names) =>
    fc.record({
      version: fc.constant(1 as const),
      name: fc
        .string({ minLength: 1, maxLength: 80 })
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
      seed: int(0, 4_294_967_295),
      strategy: fc.constantFrom(...STRATEGY_NAMES),
      strategyOptions: fc.record({
        choices: int(1, 64),
        virtualNodes: int(1, 1000),
        decayMs: dbl(0, 1e7, true),
      }),
      servers: fc.tuple(...names.map((n) => server(fc.constant(n)))),
      service,
      cache: fc.record({
        placement: fc.constantFrom('shared' as const, 'per-server' as const, 'off' as const),
        capacity: int(1, 1_000_000),
        hitMs: dbl(0, 3_600_000),
      }),
      keys: fc.record({ count: int(1, 1_000_000_000), zipf: dbl(0, 5) }),
      traffic: fc.array(fc.oneof(traffic, changingTraffic), { maxLength: 5 }),
      events: events(names),
      durationMs: fc.option(dbl(0, 1e9, true), { nil: null }),
      sampleIntervalMs: dbl(10, 60_000),
      resilience,
      contention: fc.record({
        model: fc.constantFrom('off' as const, 'linear' as const, 'usl' as const),
        alpha: dbl(0, 10),
        beta: dbl(0, 1),
      }),
      shedding: fc.record({
        maxQueue: fc.option(int(0, 10_000_000), { nil: null }),
        maxQueueMs: fc.option(dbl(0, 3_600_000, true), { nil: null }),
        codel: fc.boolean(),
        targetMs: dbl(0, 3_600_000, true),
        intervalMs: dbl(0, 3_600_000, true),
        adaptiveLifo: fc.boolean(),
      }),
      autoscaling: fc.option(autoscaling, { nil: undefined }),
      cost: fc.option(
        fc.record({
          pricePerServerHour: dbl(0, 1e6),
          pricePerMillionRequests: fc.option(dbl(0, 1e6), { nil: null }),
        }),
        { nil: undefined },
      ),
      slo: fc.option(
        fc.record({ thresholdMs: dbl(0, 3_600_000, true), objective: dbl(0, 0.999999, true) }),
        { nil: undefined },
      ),
    }),
  );

describe('serializeScenario', () => {
  it('round-trips: parseScenario(serializeScenario(s)) equals s, also through JSON text', () => {
    fc.assert(
      fc.property(validScenario, (s) => {
        const raw = serializeScenario(s);
        expect(parseScenario(raw)).toEqual({ ok: true, scenario: s });
        expect(parseScenario(JSON.parse(JSON.stringify(raw)))).toEqual({ ok: true, scenario: s });
      }),
      { numRuns: 300 },
    );
  });

  it('writes every field in a fixed order and no kind', () => {
    fc.assert(
      fc.property(validScenario, (s) => {
        const raw = serializeScenario(s);
        expect(Object.keys(raw)).toEqual([
          'version',
          'name',
          'seed',
          'strategy',
          'strategyOptions',
          'servers',
          'service',
          'cache',
          'keys',
          'traffic',
          'events',
          'durationMs',
          'sampleIntervalMs',
          'resilience',
          'contention',
          'shedding',
          // Written only when set.
          ...(['autoscaling', 'cost', 'slo'] as const).filter((k) => s[k] !== undefined),
        ]);
        for (const t of raw.traffic ?? []) expect(t).not.toHaveProperty('kind');
        for (const srv of raw.servers ?? []) {
          expect(Object.keys(srv)).toEqual([
            'name',
            'capacity',
            'weight',
            'speed',
            'queueLimit',
            'up',
            'errorRate',
            'partitioned',
          ]);
        }
      }),
      { numRuns: 50 },
    );
  });
});

/** Zod's own default messages, which every problem must have been rewritten from. */
const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Unrecognized|Expected)/;

function checkResult(input: unknown): void {
  const result = parseScenario(input);
  if (result.ok) {
    // Anything accepted is a complete scenario that serializes back to itself.
    expect(parseScenario(serializeScenario(result.scenario))).toEqual(result);
    return;
  }
  expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) {
    expect(typeof p.path).toBe('string');
    expect(p.message.length).toBeGreaterThan(0);
    expect(p.message).not.toMatch(ZOD_DEFAULT);
  }
}

type Mutation = readonly [pathPick: number, how: 'replace' | 'delete' | 'add', value: unknown];

/** Every container in a JSON-like value (objects and arrays), depth first. */
function containers(value: unknown, out: (Record<string, unknown> | unknown[])[] = []) {
  if (typeof value === 'object' && value !== null) {
    out.push(value as Record<string, unknown>);
    for (const v of Object.values(value)) containers(v, out);
  }
  return out;
}

function mutate(raw: unknown, [pick, how, value]: Mutation): unknown {
  const copy: unknown = structuredClone(raw);
  const all = containers(copy);
  const target = all[pick % all.length]!;
  const keys = Object.keys(target);
  const key = keys.length > 0 ? keys[pick % keys.length]! : 'x';
  if (how === 'add') (target as Record<string, unknown>)[`k${pick % 7}`] = value;
  else if (how === 'delete') delete (target as Record<string, unknown>)[key];
  else (target as Record<string, unknown>)[key] = value;
  return copy;
}

describe('parseScenario never throws', () => {
  it('on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), checkResult),
      {
        numRuns: 2000,
      },
    );
  });

  it('on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.json(), (text) => checkResult(JSON.parse(text))),
      { numRuns: 2000 },
    );
  });

  it('on objects with scenario field names and arbitrary values', () => {
    const field = fc.constantFrom(
      'version',
      'seed',
      'servers',
      'service',
      'traffic',
      'events',
      'durationMs',
    );
    fc.assert(fc.property(fc.dictionary(field, fc.anything()), checkResult), { numRuns: 1000 });
  });

  it('on mutated valid scenarios', () => {
    const mutation = fc.tuple(
      fc.nat(),
      fc.constantFrom('replace' as const, 'delete' as const, 'add' as const),
      fc.oneof(fc.anything(), fc.constantFrom(0, -1, 1.5, '', null, NaN, Infinity, 1e300, [], {})),
    );
    fc.assert(
      fc.property(
        validScenario,
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (s, mutations) => {
          let raw: unknown = serializeScenario(s);
          for (const m of mutations) raw = mutate(raw, m);
          checkResult(raw);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('on huge and deeply nested values', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    checkResult({ name: deep, servers: [{ name: 'a', capacity: deep }] });
    const servers = Array.from({ length: 20_000 }, (_, i) => ({ name: `s${i}`, capacity: i % 3 }));
    // An over-long list is reported before its entries are read.
    expect(parseScenario({ servers })).toEqual({
      ok: false,
      problems: [{ path: 'servers', message: 'must have at most 10,000 entries' }],
    });
    const many = parseScenario({ servers: servers.slice(0, 10_000) });
    expect(many.ok ? [] : many.problems).toHaveLength(Math.ceil(10_000 / 3));
  });
});
