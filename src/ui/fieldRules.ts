/**
 * What a typed value must be before it may be sent to the worker. The limits are the scenario
 * format's own (src/engine/scenario/limits.ts, which the schema is built from); the worker still
 * checks everything again and reports its own refusals as a notice.
 */
import type { Range } from '../engine/scenario/limits.ts';

/** Either the parsed value, or a sentence saying what the field must be. */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** Turns the text of a field into a value, or says what is wrong with it. */
export type Rule<T> = (text: string) => Parsed<T>;

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
/** A limit as written in messages: 1,000,000. */
export const fmtLimit = (n: number) => grouped.format(n);

/** Decimal notation only (no hex, no "Infinity"); thousands separators and spaces are allowed. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function toNumber(text: string): number | null {
  const clean = text.trim().replace(/[,_\s]/g, '');
  if (!NUMBER.test(clean)) return null;
  const n = Number(clean);
  return Number.isFinite(n) ? n : null;
}

/** A whole number in [min, max]. */
export function wholeNumber(label: string, min: number, max: number): Rule<number> {
  const message = `${label} must be a whole number from ${fmtLimit(min)} to ${fmtLimit(max)}`;
  return (text) => {
    const n = toNumber(text);
    if (n === null || !Number.isInteger(n) || n < min || n > max) return { ok: false, message };
    return { ok: true, value: n };
  };
}

/** A number in [min, max], or in (min, max] when `aboveMin`. */
export function decimal(label: string, min: number, max: number, aboveMin = false): Rule<number> {
  const low = aboveMin ? `above ${fmtLimit(min)}` : `from ${fmtLimit(min)}`;
  const message = `${label} must be a number ${low} ${aboveMin ? 'up to' : 'to'} ${fmtLimit(max)}`;
  return (text) => {
    const n = toNumber(text);
    if (n === null || n > max || n < min || (aboveMin && n === min)) return { ok: false, message };
    return { ok: true, value: n };
  };
}

/** A server name: 1..64 characters once trimmed, not the name of another server. */
export function serverName(otherNames: readonly string[]): Rule<string> {
  return (text) => {
    const name = text.trim();
    if (name.length === 0 || name.length > 64) {
      return { ok: false, message: 'name must be 1 to 64 characters' };
    }
    if (otherNames.includes(name)) {
      return { ok: false, message: `name must be unique: another server is called ${name}` };
    }
    return { ok: true, value: name };
  };
}

/**
 * The rule for a field whose limits are the format's (`range` from limits.ts). `scale` converts a
 * field shown in other units (1/1000 for ms shown as seconds, 100 for a share shown in percent);
 * `aboveMin` refuses the lower end where the field is only shown when a defence is on (0 is off).
 */
export function ruleFor(
  label: string,
  range: Range,
  { scale = 1, aboveMin = range.aboveMin === true }: { scale?: number; aboveMin?: boolean } = {},
): Rule<number> {
  const min = range.min * scale;
  const max = range.max * scale;
  return range.integer ? wholeNumber(label, min, max) : decimal(label, min, max, aboveMin);
}
