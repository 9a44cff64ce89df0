import type { Range } from './limits.ts';
import { MAX_MS } from './limits.ts';

/**
 * The limits of the overload-control fields of scenario format v1 (issue 15), in the style of
 * limits.ts and read the same way: the schema (overloadSchema.ts) builds its checks from these,
 * and the page's fields and the worker's command checks read them. Kept beside limits.ts rather
 * than in it so the two grow without touching each other.
 */
const whole = (min: number, max: number): Range => ({ min, max, integer: true });
const number = (min: number, max: number): Range => ({ min, max });
const above = (min: number, max: number): Range => ({ min, max, aboveMin: true });

export const OVERLOAD_LIMITS = {
  contention: { alpha: number(0, 10), beta: number(0, 1) },
  shedding: {
    maxQueue: whole(0, 10_000_000),
    maxQueueMs: above(0, MAX_MS),
    targetMs: above(0, MAX_MS),
    intervalMs: above(0, MAX_MS),
  },
  limiter: {
    limit: whole(1, 1_000_000),
    /** AIMDLimit.Builder refuses ratios outside [0.5, 1). */
    backoffRatio: number(0.5, 0.99),
    smoothing: number(0, 1),
    rttTolerance: number(1, 100),
    timeoutMs: above(0, MAX_MS),
  },
  throttling: { k: number(1, 100), windowMs: number(1000, MAX_MS) },
  hedge: { afterMs: above(0, MAX_MS), budgetPercent: above(0, 100) },
  deadlineMs: above(0, MAX_MS),
  closedLoop: { clients: whole(1, 100_000), thinkMs: above(0, MAX_MS) },
} as const;
