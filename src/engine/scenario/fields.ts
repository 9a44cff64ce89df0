import * as z from 'zod';

/**
 * Building blocks of the scenario schema. Each one carries its own plain-language messages
 * ("must be an integer >= 1"), so a problem reads the same wherever the field appears.
 */

type RawIssue = z.core.$ZodRawIssue;

/** A number as written in messages: integers of five or more digits get thousands separators. */
export function fmt(n: number): string {
  if (!Number.isInteger(n) || Math.abs(n) < 10_000) return String(n);
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${digits}` : digits;
}

/** What a value is, for "(got …)": short, and never the whole of a big value. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? `${JSON.stringify(value.slice(0, 40))}…` : JSON.stringify(value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/** The message for a value of the wrong type, or a missing required one. */
export function typeMessage(expected: string, input: unknown): string {
  return input === undefined ? 'is required' : `must be ${expected} (got ${describe(input)})`;
}

function onType(expected: string): (iss: RawIssue) => string | undefined {
  return (iss) => (iss.code === 'invalid_type' ? typeMessage(expected, iss.input) : undefined);
}

/** An integer in [min, max]; `orNull` only changes the wording (wrap it in `.nullable()`). */
export function int(min: number, max: number, orNull = false) {
  return z
    .number({ error: onType(orNull ? 'an integer or null' : 'an integer') })
    .int({ error: (iss) => `must be an integer (got ${describe(iss.input)})`, abort: true })
    .min(min, { error: `must be an integer >= ${fmt(min)}` })
    .max(max, { error: `must be an integer <= ${fmt(max)}` });
}

/** A finite number in [min, max], or (min, max] with `aboveMin`. */
export function num(min: number, max: number, opts: { aboveMin?: boolean; orNull?: boolean } = {}) {
  const base = z.number({ error: onType(opts.orNull ? 'a number or null' : 'a number') });
  const low = opts.aboveMin
    ? base.gt(min, { error: `must be a number > ${fmt(min)}` })
    : base.min(min, { error: `must be a number >= ${fmt(min)}` });
  return low.max(max, { error: `must be a number <= ${fmt(max)}` });
}

/** A string of 1..max characters after trimming surrounding spaces (the output is trimmed). */
export function text(max: number) {
  return z
    .string({ error: onType('a string') })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${fmt(max)} characters` });
}

export function bool() {
  return z.boolean({ error: onType('true or false') });
}

/** The list of choices as written in messages: "a", "b" or "c". */
export function quoteList(values: readonly string[]): string {
  const quoted = values.map((v) => JSON.stringify(v));
  return quoted.length < 2
    ? quoted.join('')
    : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (iss) =>
      iss.input === undefined
        ? `is required: one of ${quoteList(values)}`
        : `must be one of ${quoteList(values)} (got ${describe(iss.input)})`,
  });
}

/** A list of at most `max` entries; `min` is [count, message] when it may not be empty. */
/**
 * Messages for a union told apart by a `tag` field (`distribution`, `action`): a value that is not
 * an object, or whose tag is missing or not one of `values`.
 */
export function tagError(
  tag: string,
  values: readonly string[],
): (iss: RawIssue) => string | undefined {
  return (iss) => {
    if (iss.code === 'invalid_type') return typeMessage('an object', iss.input);
    if (iss.code !== 'invalid_union') return undefined;
    const input = iss.input;
    const got =
      typeof input === 'object' && input !== null && Object.hasOwn(input, tag)
        ? (input as Record<string, unknown>)[tag]
        : undefined;
    return got === undefined
      ? `is required: one of ${quoteList(values)}`
      : `must be one of ${quoteList(values)} (got ${describe(got)})`;
  };
}

export function list<T extends z.ZodType>(item: T, max: number, min?: readonly [number, string]) {
  const array = z
    .array(item, { error: onType('a list') })
    .max(max, { error: `must have at most ${fmt(max)} entries` });
  return min ? array.min(min[0], { error: min[1] }) : array;
}

/** Levenshtein distance, for "did you mean" hints on short field names. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** "unknown field", with a hint when the key looks like a typo of a known one. */
export function unknownFieldMessage(key: string, known: readonly string[]): string {
  if (key.length <= 64) {
    let best = '';
    let bestDistance = Infinity;
    for (const k of known) {
      const d = distance(key.toLowerCase(), k.toLowerCase());
      if (d < bestDistance) [best, bestDistance] = [k, d];
    }
    if (bestDistance <= Math.max(1, Math.floor(best.length / 4))) {
      return `unknown field (did you mean ${JSON.stringify(best)}?)`;
    }
  }
  return 'unknown field';
}

/**
 * An object that rejects unknown fields. Zod reports all unknown keys of an object in one issue;
 * its message here holds one line per key, which `problems.ts` splits into one problem each.
 */
export function strict<T extends z.core.$ZodLooseShape>(shape: T) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code === 'unrecognized_keys') {
        return iss.keys.map((k) => unknownFieldMessage(k, known)).join('\n');
      }
      return iss.code === 'invalid_type' ? typeMessage('an object', iss.input) : undefined;
    },
  });
}
