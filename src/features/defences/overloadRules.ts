import { OVERLOAD_LIMITS } from '../../engine/scenario/overloadLimits.ts';
import { ruleFor, type Rule } from '../../ui/fieldRules.ts';

const O = OVERLOAD_LIMITS;

/** Field rules for overload control's defences, with the format's limits (overloadLimits.ts). */
export const OVERLOAD_RULES = {
  deadlineMs: ruleFor('deadline', O.deadlineMs),
  limit: ruleFor('limit', O.limiter.limit),
  backoffRatio: ruleFor('backoff ratio', O.limiter.backoffRatio),
  smoothing: ruleFor('smoothing', O.limiter.smoothing),
  rttTolerance: ruleFor('RTT tolerance', O.limiter.rttTolerance),
  throttleK: ruleFor('K', O.throttling.k),
  throttleWindowMs: ruleFor('window', O.throttling.windowMs),
  hedgeAfterMs: ruleFor('hedge delay', O.hedge.afterMs),
  hedgeBudget: ruleFor('hedge budget', O.hedge.budgetPercent),
} satisfies Record<string, Rule<number>>;
