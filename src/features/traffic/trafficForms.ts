import { SCALING_LIMITS } from '../../engine/scenario/scalingLimits.ts';
import { ruleFor, type Rule } from '../../ui/fieldRules.ts';

const T = SCALING_LIMITS.traffic;

/** Rules of the daily-pattern and spike fields, in the units they show (hours, seconds). */
export const SHAPE_RULES = {
  rate: ruleFor('rate', T.rate),
  periodHours: ruleFor('period', T.periodMs, { scale: 1 / 3_600_000 }),
  hours: ruleFor('length', { min: 0, max: 1e9 / 3_600_000, aboveMin: true }),
  multiplier: ruleFor('multiplier', T.multiplier),
  seconds: ruleFor('duration', { min: 0, max: 1e9 / 1000, aboveMin: true }),
} satisfies Record<string, Rule<number>>;

/** The most a trace file may be: the scenario format's own 1 MB. */
export const MAX_TRACE_BYTES = 1_000_000;
