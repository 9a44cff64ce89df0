import * as z from 'zod';
import { resolveLimiter } from '../overload/specs.ts';
import { bool, fmt, int, num, oneOf, strict } from './fields.ts';

/**
 * The overload-control parts of scenario format v1 (issue 15): server contention and shedding,
 * the balancer's limiter, client throttling, hedging, deadlines and closed-loop traffic. Every
 * default is off, so a file without them reads as before; the defaults that are on once switched
 * on are those of the system each rule comes from.
 */

/** As schema.ts: the longest time a setting may span (an hour), and the latest time (≈ 11.6 days). */
const MAX_MS = 3_600_000;
const MAX_TIME = 1e9;

/** Load-dependent service time (top-level `contention`). */
export const contentionSchema = strict({
  model: oneOf(['off', 'linear', 'usl']).default('off'),
  alpha: num(0, 10).default(0.05),
  beta: num(0, 1).default(0),
}).prefault({});

/** How every server sheds load from its queue (top-level `shedding`). */
export const sheddingSchema = strict({
  maxQueue: int(0, 10_000_000, true).nullable().default(null),
  maxQueueMs: num(0, MAX_MS, { aboveMin: true, orNull: true }).nullable().default(null),
  codel: bool().default(false),
  targetMs: num(0, MAX_MS, { aboveMin: true }).default(5),
  intervalMs: num(0, MAX_MS, { aboveMin: true }).default(100),
  adaptiveLifo: bool().default(false),
}).prefault({});

const limit = () => int(1, 1_000_000).optional();

/** `resilience.limiter`: fields left out take the library's default for the algorithm. */
export const limiterSchema = strict({
  algorithm: oneOf(['off', 'aimd', 'gradient', 'gradient2']).default('off'),
  initialLimit: limit(),
  minLimit: limit(),
  maxLimit: limit(),
  // AIMDLimit.Builder refuses ratios outside [0.5, 1).
  backoffRatio: num(0.5, 1).lt(1, { error: 'must be a number < 1' }).optional(),
  smoothing: num(0, 1).optional(),
  rttTolerance: num(1, 100).optional(),
  timeoutMs: num(0, MAX_MS, { aboveMin: true }).optional(),
})
  .transform((raw) => resolveLimiter(raw))
  .superRefine((v, ctx) => {
    if (v.minLimit > v.maxLimit) {
      const message = `must be <= maxLimit (${fmt(v.maxLimit)})`;
      ctx.addIssue({ code: 'custom', path: ['minLimit'], message });
    }
  })
  .prefault({});

/** `resilience.throttling`: the SRE book's client-side adaptive throttling. */
export const throttlingSchema = strict({
  enabled: bool().default(false),
  k: num(1, 100).default(2),
  windowMs: num(1000, MAX_MS).default(120_000),
}).prefault({});

/** `resilience.hedge`: hedged requests, off while `afterMs` is null. */
export const hedgeSchema = strict({
  afterMs: num(0, MAX_MS, { aboveMin: true, orNull: true }).nullable().default(null),
  cancelLoser: bool().default(true),
  budgetPercent: num(0, 100, { aboveMin: true, orNull: true }).nullable().default(null),
}).prefault({});

/** `resilience.deadlineMs`: a request served later than this after it arrived is not goodput. */
export const deadlineSchema = () =>
  num(0, MAX_MS, { aboveMin: true, orNull: true }).nullable().default(null);

/** A closed-loop traffic entry `{from, to, clients, thinkMs}`. */
export const closedLoopTrafficSchema = strict({
  from: num(0, MAX_TIME),
  to: num(0, MAX_TIME),
  clients: int(1, 100_000),
  thinkMs: num(0, MAX_MS, { aboveMin: true }),
})
  .superRefine((v, ctx) => {
    if (v.from >= v.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must be > from (${fmt(v.from)})` });
  })
  .transform((v) => ({ kind: 'closed' as const, ...v }));

/** The closed-loop shape, for the message of a traffic entry that fits none. */
export const CLOSED_LOOP_SHAPE = 'a closed-loop population {from, to, clients, thinkMs}';

export type RawLimiter = z.input<typeof limiterSchema>;
