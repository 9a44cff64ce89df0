import { SCALING_LIMITS } from '../../engine/scenario/scalingLimits.ts';
import { decimal, ruleFor, type Rule } from '../../ui/fieldRules.ts';

const C = SCALING_LIMITS.cost;
const O = SCALING_LIMITS.slo;

/** Field rules of the Cost & SLO panel, in the units its fields show. */
export const RULES = {
  price: ruleFor('price', C.price),
  thresholdMs: ruleFor('threshold', O.thresholdMs),
  /** The objective in percent: above 0, below 100 (100% leaves no error budget). */
  objectivePercent: ((text) => {
    const parsed = decimal('objective', 0, 99.999, true)(text);
    return parsed.ok
      ? parsed
      : { ok: false, message: 'objective must be a percentage above 0 and below 100' };
  }) satisfies Rule<number>,
} satisfies Record<string, Rule<number>>;

/** An optional price: empty for none. */
export const optionalPrice: Rule<number | null> = (text) => {
  if (text.trim() === '') return { ok: true, value: null };
  return RULES.price(text);
};

/** Dollars with cents, or more digits below a dollar: $14.40, $0.0083. */
export function dollars(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '–';
  if (Math.abs(v) >= 1) return `$${v.toFixed(2)}`;
  return `$${v.toPrecision(2)}`;
}
