import { dirname, resolve } from 'node:path';
import { PRESETS } from '../../engine/scenario/presets.ts';
import { readJson } from './readInput.ts';

/**
 * On the command line a sweep's `base` may also name a scenario file, relative to the sweep file
 * (or to the working directory for a sweep read from standard input or built in): it is read and
 * put in place of the name, so the engine sees an inline scenario as the page would give it.
 * Returns the sweep to load, or a problem with `base`.
 */
export async function inlineBaseFile(
  sweep: unknown,
  sweepSource: string,
): Promise<{ sweep: unknown } | { problem: string }> {
  if (typeof sweep !== 'object' || sweep === null || Array.isArray(sweep)) return { sweep };
  const base = (sweep as Record<string, unknown>).base;
  if (typeof base !== 'string' || PRESETS.some((p) => p.id === base.trim())) return { sweep };
  // A preset name never holds a slash or ends in .json; anything else is left to the engine.
  if (!/[/\\]|\.json$/i.test(base)) return { sweep };
  const from =
    sweepSource === '-' || !/[/\\]|\.json$/i.test(sweepSource) ? '.' : dirname(sweepSource);
  const path = resolve(from, base);
  const read = await readJson(path);
  if ('error' in read)
    return {
      problem: `${base} is not a preset, and as a scenario file it ${read.error === 'no such file' ? 'does not exist' : read.error}`,
    };
  return { sweep: { ...sweep, base: read.data } };
}
