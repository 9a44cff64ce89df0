/**
 * What a typed value must be before it may be sent to the worker. The limits mirror the scenario
 * schema (src/engine/scenario/schema.ts), which the page may not import (it pulls in zod); the
 * worker still checks everything again and reports its own refusals as a notice.
 */

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

/** Limits shared by several panels (same as the scenario schema's). */
export const LIMITS = {
  seedMax: 4_294_967_295,
  capacityMax: 1_000_000,
  weightMax: 1_000_000,
  speedMax: 1000,
  queueLimitMax: 10_000_000,
  burstMax: 100_000,
  rateMax: 10_000,
  stepMsMax: 3_600_000,
  serviceMsMax: 3_600_000,
  keysMax: 1_000_000_000,
  zipfMax: 5,
  sigmaMax: 5,
  virtualNodesMax: 1000,
} as const;
