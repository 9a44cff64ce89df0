/*
 * Runs INSIDE the sandbox, like the prelude (prelude.ts): its source text is evaluated by QuickJS
 * and handed to the prelude, so it must stay self-contained (its parameters and ECMAScript's
 * built-ins only). Only a refused pick calls it, so it costs nothing while the code behaves.
 */
import type { SandboxServer } from './preludeTypes.ts';

/**
 * Says what selectServer returned, for its error message: `bySlot`, `registered` and `healthy` are
 * the prelude's servers by slot, which slots are registered, and the servers on offer.
 */
export function describeReturn(
  value: unknown,
  bySlot: readonly (SandboxServer | undefined)[],
  registered: readonly boolean[],
  healthy: readonly SandboxServer[],
): string {
  if (value === undefined) return 'undefined (did a path through selectServer miss a return?)';
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return `${value}, which is not a server's index`;
    const s = bySlot[value];
    if (s !== undefined && registered[value])
      return `${value}, the index of ${s.name}, which is not on offer now (down or full)`;
    const indexes = healthy.map((h) => h.index).join(', ');
    return `${value}, which is not the index of any server offered (their indexes: ${indexes})`;
  }
  if (typeof value === 'object') {
    const v = value as Partial<SandboxServer>;
    if (typeof (value as { then?: unknown }).then === 'function')
      return 'a Promise (selectServer must answer at once: async functions are not supported)';
    // A copy of a server (same name and index, another object) is told apart from a stranger.
    if (typeof v.name === 'string' && typeof v.index === 'number') {
      const s = bySlot[v.index];
      if (s !== undefined && s.name === v.name && s !== value)
        return `a copy of ${s.name} (return the object from servers itself, or its index)`;
      if (s === value) return `${s.name}, which is not on offer now (down or full)`;
    }
    let preview: string;
    try {
      preview = JSON.stringify(value) ?? '';
    } catch {
      preview = '';
    }
    if (preview.length > 80) preview = preview.slice(0, 77) + '...';
    return `an object that is not one of the servers offered${preview ? ` (${preview})` : ''}`;
  }
  if (typeof value === 'string') {
    const text = value.length > 40 ? value.slice(0, 37) + '...' : value;
    return `the string "${text}" (return the server object or its index, not its name)`;
  }
  return `${typeof value} ${String(value)}`;
}
