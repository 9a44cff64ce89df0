import * as z from 'zod';
import { STRATEGY_NAMES } from '../strategies/strategy.ts';
import { bool, describe, fmt, int, list, num, oneOf, strict, tagError, text } from './fields.ts';
import { issuesToProblems, type ScenarioProblem } from './problems.ts';
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

/** Longest service or cache-hit time: an hour. */
const MAX_MS = 3_600_000;
/** Latest time anything may happen, and the longest run: about 11.6 simulated days. */
const MAX_TIME = 1e9;
const MAX_RATE = 1e7;

export const DEMO_SERVERS = [
  { name: 'Server-A', capacity: 3 },
  { name: 'Server-B', capacity: 2 },
  { name: 'Server-C', capacity: 4 },
] as const;

const time = () => num(0, MAX_TIME);
const serverName = () => text(64);

const serverSchema = strict({
  name: serverName(),
  capacity: int(1, 1_000_000).default(1),
  weight: num(0, 1e6, { aboveMin: true }).default(1),
  speed: num(0, 1000, { aboveMin: true }).default(1),
  queueLimit: int(0, 10_000_000, true).nullable().default(0),
  up: bool().default(true),
  errorRate: num(0, 1).default(0),
  partitioned: bool().default(false),
});

const changesSchema = strict({
  name: serverName().optional(),
  capacity: int(1, 1_000_000).optional(),
  weight: num(0, 1e6, { aboveMin: true }).optional(),
  speed: num(0, 1000, { aboveMin: true }).optional(),
  queueLimit: int(0, 10_000_000, true).nullable().optional(),
  errorRate: num(0, 1).optional(),
  partitioned: bool().optional(),
}).refine((set) => Object.keys(set).length > 0, { error: 'must change at least one field' });

const DISTRIBUTIONS = ['uniform', 'exponential', 'constant', 'lognormal'] as const;

const serviceSchema = z.discriminatedUnion(
  'distribution',
  [
    strict({
      distribution: z.literal('uniform'),
      minMs: num(0, MAX_MS).default(200),
      maxMs: num(0, MAX_MS).default(600),
    }).superRefine((v, ctx) => {
      if (v.minMs > v.maxMs) {
        ctx.addIssue({
          code: 'custom',
          path: ['minMs'],
          message: `must be <= maxMs (${fmt(v.maxMs)})`,
        });
      }
    }),
    strict({ distribution: z.literal('exponential'), meanMs: num(0, MAX_MS, { aboveMin: true }) }),
    strict({ distribution: z.literal('constant'), ms: num(0, MAX_MS) }),
    strict({
      distribution: z.literal('lognormal'),
      medianMs: num(0, MAX_MS, { aboveMin: true }),
      sigma: num(0, 5),
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
  'a spike {from, to, multiplier} or a trace {trace: [[timeMs, ratePerSec], ...]}';

/** Raw traffic entries carry no `kind`: the fields say which shape an entry is. */
const trafficSchema = z.union(
  [
    strict({ at: time(), burst: int(1, 1_000_000) }).transform((v) => ({
      kind: 'burst' as const,
      ...v,
    })),
    strict({ from: time(), to: time(), ratePerSec: num(0, MAX_RATE, { aboveMin: true }) })
      .superRefine(checkSpan)
      .transform((v) => ({ kind: 'poisson' as const, ...v })),
    strict({
      from: time(),
      to: time(),
      startRatePerSec: num(0, MAX_RATE),
      endRatePerSec: num(0, MAX_RATE),
    })
      .superRefine((v, ctx) => {
        checkSpan(v, ctx);
        if (v.startRatePerSec === 0 && v.endRatePerSec === 0) {
          const message = 'must be > 0 when startRatePerSec is 0 (the ramp would send nothing)';
          ctx.addIssue({ code: 'custom', path: ['endRatePerSec'], message });
        }
      })
      .transform((v) => ({ kind: 'ramp' as const, ...v })),
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
      factor: num(0, 1000, { aboveMin: true }),
      durationMs: num(0, MAX_TIME, { aboveMin: true }),
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
    mode: oneOf(['instant', 'active', 'none']).default('instant'),
    intervalMs: num(10, MAX_MS).default(2000),
    timeoutMs: num(0, MAX_MS, { aboveMin: true }).default(1000),
    rise: int(1, 100).default(2),
    fall: int(1, 100).default(3),
  }).prefault({}),
  outlier: strict({
    enabled: bool().default(false),
    consecutiveFailures: int(1, 1000).default(5),
    baseEjectionMs: num(0, MAX_MS, { aboveMin: true }).default(30_000),
    maxEjectionMs: num(0, MAX_MS, { aboveMin: true }).default(300_000),
    maxEjectionPercent: num(0, 100).default(10),
  }).prefault({}),
  panicThresholdPercent: num(0, 100).default(0),
  timeoutMs: num(0, MAX_MS, { aboveMin: true, orNull: true }).nullable().default(null),
  connectTimeoutMs: num(0, MAX_MS, { aboveMin: true }).default(5000),
  retry: strict({
    mode: oneOf(['off', 'budget', 'naive']).default('off'),
    maxRetries: int(0, 10).default(2),
    budgetPercent: num(0, 100).default(20),
    minRetryConcurrency: int(0, 1_000_000).default(3),
    backoffMs: num(0, 60_000).default(25),
  }).prefault({}),
  breaker: strict({
    enabled: bool().default(false),
    failureThreshold: int(1, 1000).default(5),
    openMs: num(0, MAX_MS, { aboveMin: true }).default(5000),
    halfOpenProbes: int(1, 1000).default(1),
  }).prefault({}),
  slowStartMs: num(0, MAX_MS).default(0),
  balancers: strict({
    count: int(1, 64).default(1),
    loadUpdateMs: num(0, MAX_MS).default(0),
  }).prefault({}),
});

export const scenarioSchema = strict({
  version: z
    .literal(1, {
      error: (iss) => `must be 1, the only version of the format (got ${describe(iss.input)})`,
    })
    .default(1),
  name: text(80).default('Untitled'),
  seed: int(0, 4_294_967_295).default(42),
  strategy: oneOf(STRATEGY_NAMES).default('round-robin'),
  strategyOptions: strict({
    // Up to the most servers a scenario may list: d = n samples every server (least connections).
    choices: int(1, 10_000).default(2),
    virtualNodes: int(1, 1000).default(100),
    decayMs: num(0, 1e7, { aboveMin: true }).default(10_000),
  }).prefault({}),
  servers: list(serverSchema, 10_000, [1, 'must list at least one server']).prefault(() =>
    DEMO_SERVERS.map((s) => ({ ...s })),
  ),
  service: serviceSchema.prefault({ distribution: 'uniform' }),
  cache: strict({
    placement: oneOf(['shared', 'per-server', 'off']).default('shared'),
    capacity: int(1, 1_000_000).default(128),
    hitMs: num(0, MAX_MS).default(1),
  }).prefault({}),
  keys: strict({
    // About eight times the demo cache: big enough that the cache cannot hold every key, small
    // enough that Zipf popularity gives it a clearly visible hit rate.
    count: int(1, 1_000_000_000).default(1000),
    zipf: num(0, 5).default(1),
  }).prefault({}),
  traffic: list(trafficSchema, 1000).prefault(() => [{ at: 0, burst: 10 }]),
  events: list(eventSchema, 10_000).prefault(() => []),
  durationMs: num(0, MAX_TIME, { aboveMin: true, orNull: true }).nullable().default(null),
  sampleIntervalMs: num(10, 60_000).default(100),
  resilience: resilienceSchema.prefault({}),
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
