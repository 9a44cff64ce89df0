import * as z from 'zod';
import { CUSTOM_STRATEGY, STRATEGY_NAMES } from '../strategies/strategy.ts';
import { bool, describe, fmt, int, list, num, oneOf, strict, tagError, text } from './fields.ts';
import { DEFAULTS, DEMO_SERVERS, LIMITS, type Range } from './limits.ts';
import { issuesToProblems, type ScenarioProblem } from './problems.ts';
import {
  CLOSED_LOOP_SHAPE,
  closedLoopTrafficSchema,
  contentionSchema,
  deadlineSchema,
  hedgeSchema,
  limiterSchema,
  sheddingSchema,
  throttlingSchema,
} from './overloadSchema.ts';
import { checkReferences } from './references.ts';
import {
  autoscalingSchema,
  costSchema,
  diurnalTrafficSchema,
  sloSchema,
  spikeTrafficSchema,
  traceTrafficSchema,
} from './scalingSchema.ts';

import type { Scenario } from './types.ts';

// No code generation: the site's Content-Security-Policy forbids eval, and the schema is small.
z.config({ jitless: true });

export type { ScenarioProblem } from './problems.ts';
export { serializeScenario } from './serialize.ts';

/**
 * Scenario format v1 as written in files: a zod schema of the raw JSON, and `parseScenario`, which
 * turns anything into either a complete `Scenario` (every default filled in) or the full list of
 * problems with it. Omitted fields take the values of the original demo: Server-A/B/C with
 * capacity 3/2/4, round robin, ten simultaneous requests of 200–600 ms, a shared LRU of 128.
 */

export { DEMO_SERVERS } from './limits.ts';

/** A field of the range's kind (whole or any number) with its limits from limits.ts. */
const inRange = (r: Range, orNull = false) =>
  r.integer ? int(r.min, r.max, orNull) : num(r.min, r.max, { aboveMin: r.aboveMin, orNull });

const L = LIMITS;
const D = DEFAULTS;
const R = L.resilience;
const RD = D.resilience;
const time = () => inRange(L.traffic.time);
const serverName = () => text(L.server.nameLength);
const S = L.server;

const serverSchema = strict({
  name: serverName(),
  capacity: inRange(S.capacity).default(D.server.capacity),
  weight: inRange(S.weight).default(D.server.weight),
  speed: inRange(S.speed).default(D.server.speed),
  queueLimit: inRange(S.queueLimit, true).nullable().default(D.server.queueLimit),
  up: bool().default(D.server.up),
  errorRate: inRange(S.errorRate).default(D.server.errorRate),
  partitioned: bool().default(D.server.partitioned),
});

const changesSchema = strict({
  name: serverName().optional(),
  capacity: inRange(S.capacity).optional(),
  weight: inRange(S.weight).optional(),
  speed: inRange(S.speed).optional(),
  queueLimit: inRange(S.queueLimit, true).nullable().optional(),
  errorRate: inRange(S.errorRate).optional(),
  partitioned: bool().optional(),
}).refine((set) => Object.keys(set).length > 0, { error: 'must change at least one field' });

const DISTRIBUTIONS = ['uniform', 'exponential', 'constant', 'lognormal'] as const;

const serviceSchema = z.discriminatedUnion(
  'distribution',
  [
    strict({
      distribution: z.literal('uniform'),
      minMs: inRange(L.service.ms).default(D.service.minMs),
      maxMs: inRange(L.service.ms).default(D.service.maxMs),
    }).superRefine((v, ctx) => {
      if (v.minMs > v.maxMs) {
        ctx.addIssue({
          code: 'custom',
          path: ['minMs'],
          message: `must be <= maxMs (${fmt(v.maxMs)})`,
        });
      }
    }),
    strict({ distribution: z.literal('exponential'), meanMs: inRange(L.service.positiveMs) }),
    strict({ distribution: z.literal('constant'), ms: inRange(L.service.ms) }),
    strict({
      distribution: z.literal('lognormal'),
      medianMs: inRange(L.service.positiveMs),
      sigma: inRange(L.service.sigma),
    }),
  ],
  { error: tagError('distribution', DISTRIBUTIONS) },
);

function checkSpan(v: { from: number; to: number }, ctx: z.RefinementCtx): void {
  if (v.from >= v.to)
    ctx.addIssue({ code: 'custom', path: ['to'], message: `must be > from (${fmt(v.from)})` });
}

const TRAFFIC_SHAPES =
  'must be a burst {at, burst}, a steady rate {from, to, ratePerSec}, ' +
  'a ramp {from, to, startRatePerSec, endRatePerSec}, ' +
  'a daily pattern {from, to, troughRatePerSec, peakRatePerSec}, ' +
  `a spike {from, to, multiplier}, a trace {trace: [[timeMs, ratePerSec], ...]} or ${CLOSED_LOOP_SHAPE}`;

/** Raw traffic entries carry no `kind`: the fields say which shape an entry is. */
const trafficSchema = z.union(
  [
    strict({ at: time(), burst: inRange(L.traffic.burst) }).transform((v) => ({
      kind: 'burst' as const,
      ...v,
    })),
    strict({ from: time(), to: time(), ratePerSec: inRange(L.traffic.ratePerSec) })
      .superRefine(checkSpan)
      .transform((v) => ({ kind: 'poisson' as const, ...v })),
    strict({
      from: time(),
      to: time(),
      startRatePerSec: inRange(L.traffic.rampRatePerSec),
      endRatePerSec: inRange(L.traffic.rampRatePerSec),
    })
      .superRefine((v, ctx) => {
        checkSpan(v, ctx);
        if (v.startRatePerSec === 0 && v.endRatePerSec === 0) {
          const message = 'must be > 0 when startRatePerSec is 0 (the ramp would send nothing)';
          ctx.addIssue({ code: 'custom', path: ['endRatePerSec'], message });
        }
      })
      .transform((v) => ({ kind: 'ramp' as const, ...v })),
    closedLoopTrafficSchema,
    diurnalTrafficSchema,
    spikeTrafficSchema,
    traceTrafficSchema,
  ],
  { error: (iss) => (iss.code === 'invalid_union' ? TRAFFIC_SHAPES : undefined) },
);

const ACTIONS = [
  'kill',
  'drain',
  'crash',
  'revive',
  'spike',
  'update',
  'add',
  'remove',
  'strategy',
] as const;

const eventSchema = z.discriminatedUnion(
  'action',
  [
    strict({ at: time(), action: z.literal('kill'), server: serverName() }),
    strict({ at: time(), action: z.literal('drain'), server: serverName() }),
    strict({ at: time(), action: z.literal('crash'), server: serverName() }),
    strict({
      at: time(),
      action: z.literal('spike'),
      server: serverName(),
      factor: inRange(L.events.spikeFactor),
      durationMs: inRange(L.events.spikeDurationMs),
    }),
    strict({ at: time(), action: z.literal('revive'), server: serverName() }),
    strict({ at: time(), action: z.literal('update'), server: serverName(), set: changesSchema }),
    strict({ at: time(), action: z.literal('add'), spec: serverSchema }),
    strict({ at: time(), action: z.literal('remove'), server: serverName() }),
    strict({ at: time(), action: z.literal('strategy'), strategy: oneOf(STRATEGY_NAMES) }),
  ],
  { error: tagError('action', ACTIONS) },
);

/** Defences; every default is off or the value a well-known balancer ships with. */
const resilienceSchema = strict({
  healthCheck: strict({
    mode: oneOf(['instant', 'active', 'none']).default(RD.healthCheck.mode),
    intervalMs: inRange(R.healthCheck.intervalMs).default(RD.healthCheck.intervalMs),
    timeoutMs: inRange(R.healthCheck.timeoutMs).default(RD.healthCheck.timeoutMs),
    rise: inRange(R.healthCheck.rise).default(RD.healthCheck.rise),
    fall: inRange(R.healthCheck.fall).default(RD.healthCheck.fall),
  }).prefault({}),
  outlier: strict({
    enabled: bool().default(RD.outlier.enabled),
    consecutiveFailures: inRange(R.outlier.consecutiveFailures).default(
      RD.outlier.consecutiveFailures,
    ),
    baseEjectionMs: inRange(R.outlier.baseEjectionMs).default(RD.outlier.baseEjectionMs),
    maxEjectionMs: inRange(R.outlier.maxEjectionMs).default(RD.outlier.maxEjectionMs),
    maxEjectionPercent: inRange(R.outlier.maxEjectionPercent).default(
      RD.outlier.maxEjectionPercent,
    ),
  }).prefault({}),
  panicThresholdPercent: inRange(R.panicThresholdPercent).default(RD.panicThresholdPercent),
  timeoutMs: inRange(R.timeoutMs, true).nullable().default(RD.timeoutMs),
  connectTimeoutMs: inRange(R.connectTimeoutMs).default(RD.connectTimeoutMs),
  retry: strict({
    mode: oneOf(['off', 'budget', 'naive']).default(RD.retry.mode),
    maxRetries: inRange(R.retry.maxRetries).default(RD.retry.maxRetries),
    budgetPercent: inRange(R.retry.budgetPercent).default(RD.retry.budgetPercent),
    minRetryConcurrency: inRange(R.retry.minRetryConcurrency).default(RD.retry.minRetryConcurrency),
    backoffMs: inRange(R.retry.backoffMs).default(RD.retry.backoffMs),
  }).prefault({}),
  breaker: strict({
    enabled: bool().default(RD.breaker.enabled),
    failureThreshold: inRange(R.breaker.failureThreshold).default(RD.breaker.failureThreshold),
    openMs: inRange(R.breaker.openMs).default(RD.breaker.openMs),
    halfOpenProbes: inRange(R.breaker.halfOpenProbes).default(RD.breaker.halfOpenProbes),
  }).prefault({}),
  slowStartMs: inRange(R.slowStartMs).default(RD.slowStartMs),
  balancers: strict({
    count: inRange(R.balancers.count).default(RD.balancers.count),
    loadUpdateMs: inRange(R.balancers.loadUpdateMs).default(RD.balancers.loadUpdateMs),
  }).prefault({}),
  deadlineMs: deadlineSchema(),
  limiter: limiterSchema,
  throttling: throttlingSchema,
  hedge: hedgeSchema,
});

export const scenarioSchema = strict({
  version: z
    .literal(1, {
      error: (iss) => `must be 1, the only version of the format (got ${describe(iss.input)})`,
    })
    .default(D.version),
  name: text(L.nameLength).default(D.name),
  seed: inRange(L.seed).default(D.seed),
  strategy: oneOf([...STRATEGY_NAMES, CUSTOM_STRATEGY]).default(D.strategy),
  /** The user's own strategy (JavaScript), run in a sandbox when `strategy` is "custom". */
  customStrategy: strict({
    // Not trimmed: the editor's line numbers must stay the file's.
    code: z
      .string({ error: (iss) => `must be a string (got ${describe(iss.input)})` })
      .min(1, { error: 'must not be empty' })
      .max(L.customCodeLength, {
        error: `must be at most ${fmt(L.customCodeLength)} characters`,
      }),
  }).optional(),
  strategyOptions: strict({
    choices: inRange(L.strategyOptions.choices).default(D.strategyOptions.choices),
    virtualNodes: inRange(L.strategyOptions.virtualNodes).default(D.strategyOptions.virtualNodes),
    decayMs: inRange(L.strategyOptions.decayMs).default(D.strategyOptions.decayMs),
  }).prefault({}),
  servers: list(serverSchema, L.servers.entries, [1, 'must list at least one server']).prefault(
    () => DEMO_SERVERS.map((s) => ({ ...s })),
  ),
  service: serviceSchema.prefault({ distribution: D.service.distribution }),
  cache: strict({
    placement: oneOf(['shared', 'per-server', 'off']).default(D.cache.placement),
    capacity: inRange(L.cache.capacity).default(D.cache.capacity),
    hitMs: inRange(L.cache.hitMs).default(D.cache.hitMs),
  }).prefault({}),
  keys: strict({
    count: inRange(L.keys.count).default(D.keys.count),
    zipf: inRange(L.keys.zipf).default(D.keys.zipf),
  }).prefault({}),
  traffic: list(trafficSchema, L.traffic.entries).prefault(() => D.traffic.map((t) => ({ ...t }))),
  events: list(eventSchema, L.events.entries).prefault(() => []),
  durationMs: inRange(L.durationMs, true).nullable().default(D.durationMs),
  sampleIntervalMs: inRange(L.sampleIntervalMs).default(D.sampleIntervalMs),
  resilience: resilienceSchema.prefault({}),
  contention: contentionSchema,
  shedding: sheddingSchema,
  // Absent unless set (null also means off), so a setup without them is what it always was.
  autoscaling: autoscalingSchema(serverSchema)
    .nullish()
    .transform((v) => v ?? undefined),
  cost: costSchema.nullish().transform((v) => v ?? undefined),
  slo: sloSchema.nullish().transform((v) => v ?? undefined),
});

/** A scenario file as written: every field optional, traffic entries without `kind`. */
export type RawScenario = z.input<typeof scenarioSchema>;

export type ParseResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly problems: ScenarioProblem[] };

const DEMO_NAMES = DEMO_SERVERS.map((s) => s.name);

/**
 * Validates anything (typically the result of JSON.parse) as a scenario. Never throws: on bad
 * input it lists every problem found, each with a path such as `servers[1].capacity`.
 */
export function parseScenario(input: unknown): ParseResult {
  if (input === undefined) {
    return { ok: false, problems: [{ path: '', message: 'must be an object (got nothing)' }] };
  }
  try {
    const result = scenarioSchema.safeParse(input, { reportInput: true });
    const problems = result.success ? [] : issuesToProblems(result.error.issues);
    problems.push(...checkReferences(input, DEMO_NAMES));
    if (result.success && result.data.strategy === CUSTOM_STRATEGY && !result.data.customStrategy) {
      problems.push({
        path: 'customStrategy',
        message: 'is needed when strategy is "custom": give the code as {"code": "..."}',
      });
    }
    if (problems.length > 0 || !result.success) return { ok: false, problems: tidy(problems) };
    const scenario: Scenario = result.data;
    return { ok: true, scenario };
  } catch (e) {
    // Not expected for any input; a last guard so a caller never sees an exception.
    return { ok: false, problems: [{ path: '', message: `could not be read (${String(e)})` }] };
  }
}

const TOP_LEVEL = Object.keys(scenarioSchema.shape);

/** Where a problem sits in file order: top-level field, then list index. */
function position(path: string): [number, number] {
  if (path === '') return [-1, -1];
  const m = /^([A-Za-z_$][\w$]*)(?:\[(\d+)\])?/.exec(path);
  const rank = m ? TOP_LEVEL.indexOf(m[1]!) : -1;
  return [rank < 0 ? TOP_LEVEL.length : rank, m?.[2] === undefined ? -1 : Number(m[2])];
}

/** Drops repeats and orders the problems as the fields appear in a file (stable otherwise). */
function tidy(problems: readonly ScenarioProblem[]): ScenarioProblem[] {
  const seen = new Set<string>();
  const out: ScenarioProblem[] = [];
  for (const p of problems) {
    const id = `${p.path}\n${p.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(p);
  }
  if (out.length === 0) return [{ path: '', message: 'is not a valid scenario' }];
  const keyed = out.map((p) => ({ p, at: position(p.path) }));
  keyed.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
  return keyed.map((k) => k.p);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The scenario of an empty file: the original demo. Frozen. */
export const DEFAULT_SCENARIO: Scenario = (() => {
  const parsed = parseScenario({});
  if (!parsed.ok) throw new Error('The default scenario does not parse');
  return deepFreeze(parsed.scenario);
})();
