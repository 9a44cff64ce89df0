import * as z from 'zod';
import { resolveLimiter } from '../overload/specs.ts';
import { bool, fmt, int, num, oneOf, strict } from './fields.ts';
import { MAX_TIME, type Range } from './limits.ts';
import { OVERLOAD_LIMITS as L } from './overloadLimits.ts';

/**
 * The overload-control parts of scenario format v1 (issue 15): server contention and shedding,
 * the balancer's limiter, client throttling, hedging, deadlines and closed-loop traffic. Every
 * default is off, so a file without them reads as before; the defaults that are on once switched
 * on are those of the system each rule comes from.
 */

/** A field of the range's kind (whole or any number) with its limits from overloadLimits.ts. */
const inRange = (r: Range, orNull = false) =>
  r.integer ? int(r.min, r.max, orNull) : num(r.min, r.max, { aboveMin: r.aboveMin, orNull });

/** Load-dependent service time (top-level `contention`). */
export const contentionSchema = strict({
  model: oneOf(['off', 'linear', 'usl']).default('off'),
  alpha: inRange(L.contention.alpha).default(0.05),
  beta: inRange(L.contention.beta).default(0),
}).prefault({});

/** How every server sheds load from its queue (top-level `shedding`). */
export const sheddingSchema = strict({
  maxQueue: inRange(L.shedding.maxQueue, true).nullable().default(null),
  maxQueueMs: inRange(L.shedding.maxQueueMs, true).nullable().default(null),
  codel: bool().default(false),
  targetMs: inRange(L.shedding.targetMs).default(5),
  intervalMs: inRange(L.shedding.intervalMs).default(100),
  adaptiveLifo: bool().default(false),
}).prefault({});

const limit = () => inRange(L.limiter.limit).optional();

/** `resilience.limiter`: fields left out take the library's default for the algorithm. */
export const limiterSchema = strict({
  algorithm: oneOf(['off', 'aimd', 'gradient', 'gradient2']).default('off'),
  initialLimit: limit(),
  minLimit: limit(),
  maxLimit: limit(),
  backoffRatio: inRange(L.limiter.backoffRatio).optional(),
  smoothing: inRange(L.limiter.smoothing).optional(),
  rttTolerance: inRange(L.limiter.rttTolerance).optional(),
  timeoutMs: inRange(L.limiter.timeoutMs).optional(),
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
  k: inRange(L.throttling.k).default(2),
  windowMs: inRange(L.throttling.windowMs).default(120_000),
}).prefault({});

/** `resilience.hedge`: hedged requests, off while `afterMs` is null. */
export const hedgeSchema = strict({
  afterMs: inRange(L.hedge.afterMs, true).nullable().default(null),
  cancelLoser: bool().default(true),
  budgetPercent: inRange(L.hedge.budgetPercent, true).nullable().default(null),
}).prefault({});

/** `resilience.deadlineMs`: a request served later than this after it arrived is not goodput. */
export const deadlineSchema = () => inRange(L.deadlineMs, true).nullable().default(null);

/** A closed-loop traffic entry `{from, to, clients, thinkMs}`. */
export const closedLoopTrafficSchema = strict({
  from: num(0, MAX_TIME),
  to: num(0, MAX_TIME),
  clients: inRange(L.closedLoop.clients),
  thinkMs: inRange(L.closedLoop.thinkMs),
})
  .superRefine((v, ctx) => {
    if (v.from >= v.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must be > from (${fmt(v.from)})` });
  })
  .transform((v) => ({ kind: 'closed' as const, ...v }));

/** The closed-loop shape, for the message of a traffic entry that fits none. */
export const CLOSED_LOOP_SHAPE = 'a closed-loop population {from, to, clients, thinkMs}';

export type RawLimiter = z.input<typeof limiterSchema>;
