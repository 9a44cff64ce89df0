import type * as z from 'zod';

/** One thing wrong with a scenario file: where (`servers[1].capacity`, '' for the whole file) and what. */
export interface ScenarioProblem {
  readonly path: string;
  readonly message: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A path as written in messages: `servers[1].capacity`, `events[0]["odd key"]`, '' for the root. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = String(segment);
      if (IDENTIFIER.test(key) && key.length <= 64) out += out === '' ? key : `.${key}`;
      else out += `[${JSON.stringify(key.length > 64 ? `${key.slice(0, 64)}…` : key)}]`;
    }
  }
  return out;
}

/**
 * Which option of a failed union the author meant: the one that knows the most of the entry's
 * fields (an option's unknown-field issues name the fields it does not know). Undefined when no
 * option knows any field, or two tie, so the entry fits none clearly.
 */
function intendedOption(
  input: unknown,
  options: readonly z.core.$ZodIssue[][],
): z.core.$ZodIssue[] | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const keys = Object.keys(input);
  let best: z.core.$ZodIssue[] | undefined;
  let bestKnown = 0;
  let tie = false;
  for (const issues of options) {
    const unknown = new Set<string>();
    for (const iss of issues) {
      if (iss.code === 'unrecognized_keys' && iss.path.length === 0)
        for (const k of iss.keys) unknown.add(k);
    }
    const known = keys.length - unknown.size;
    if (known > bestKnown) [best, bestKnown, tie] = [issues, known, false];
    else if (known === bestKnown) tie = true;
  }
  return bestKnown > 0 && !tie ? best : undefined;
}

/** Turns zod issues, whose messages the schema already wrote, into problems with readable paths. */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): ScenarioProblem[] {
  const out: ScenarioProblem[] = [];
  for (const iss of issues) {
    const path = [...prefix, ...iss.path];
    if (iss.code === 'unrecognized_keys') {
      // One line of the message per key (see `strict` in fields.ts).
      const lines = iss.message.split('\n');
      iss.keys.forEach((key, i) => {
        out.push({ path: formatPath([...path, key]), message: lines[i] ?? 'unknown field' });
      });
    } else if (iss.code === 'invalid_union' && iss.errors.length > 0) {
      const meant = intendedOption(iss.input, iss.errors);
      if (meant) out.push(...issuesToProblems(meant, path));
      else out.push({ path: formatPath(path), message: iss.message });
    } else {
      out.push({ path: formatPath(path), message: iss.message });
    }
  }
  return out;
}
