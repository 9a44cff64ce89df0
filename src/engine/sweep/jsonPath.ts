/**
 * Paths to one field of a scenario file, as problems are written: `resilience.retry.maxRetries`,
 * `servers[0].capacity`, `traffic[1].ratePerSec`.
 */

export type PathSegment = string | number;

const SEGMENT = /^(?:\.?([A-Za-z_$][\w$]*)|\[(\d{1,9})\])/;

/** The segments of a path, or null when it is not of the form `a.b[2].c`. */
export function parsePath(path: string): PathSegment[] | null {
  const out: PathSegment[] = [];
  let rest = path.trim();
  if (rest === '' || rest.startsWith('.') || rest.startsWith('[')) return null;
  while (rest.length > 0) {
    const m = SEGMENT.exec(rest);
    if (!m) return null;
    out.push(m[1] !== undefined ? m[1] : Number(m[2]));
    rest = rest.slice(m[0].length);
  }
  return out;
}

type Json = unknown;

function child(node: Json, segment: PathSegment): Json {
  if (typeof segment === 'number')
    return Array.isArray(node) ? (node as Json[])[segment] : undefined;
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  return Object.hasOwn(node, segment) ? (node as Record<string, Json>)[segment] : undefined;
}

/** The value at `path` in a JSON value, or undefined when there is none. */
export function getAt(root: Json, path: readonly PathSegment[]): Json {
  let node = root;
  for (const segment of path) {
    node = child(node, segment);
    if (node === undefined) return undefined;
  }
  return node;
}

/** Sets the value at an existing `path` of a JSON value (mutating it); false when there is none. */
export function setAt(root: Json, path: readonly PathSegment[], value: Json): boolean {
  if (path.length === 0) return false;
  const parent = getAt(root, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (child(parent, last) === undefined) return false;
  if (typeof last === 'number') (parent as Json[])[last] = value;
  else (parent as Record<string, Json>)[last] = value;
  return true;
}
