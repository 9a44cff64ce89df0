/**
 * `--strategy-file my.js`: reads a strategy's code for a headless run, never more than the sandbox
 * accepts (a file of any size or a stream without end is cut off at the limit and refused).
 */
import { createReadStream, promises as fs } from 'node:fs';
import { MAX_CODE_CHARS } from '../sandbox/sandboxLimits.ts';
import { decodeUtf8, readCapped } from './readInput.ts';

/** UTF-8 takes at most 4 bytes a character. */
const MAX_BYTES = MAX_CODE_CHARS * 4;

export type StrategyFileResult =
  { readonly ok: true; readonly code: string } | { readonly ok: false; readonly message: string };

/** The code in `path`, or a sentence saying why there is none. Never throws. */
export async function readStrategyFile(path: string): Promise<StrategyFileResult> {
  const tooLong = `${path}: a strategy may be at most ${MAX_CODE_CHARS.toLocaleString('en-US')} characters long.`;
  try {
    const info = await fs.stat(path);
    if (info.isDirectory())
      return { ok: false, message: `${path} is a directory, not a strategy file.` };
    if (info.isFile() && info.size > MAX_BYTES) return { ok: false, message: tooLong };
    const read = await readCapped(createReadStream(path), MAX_BYTES);
    if ('over' in read) return { ok: false, message: tooLong };
    const code = decodeUtf8(read.bytes);
    if (code.length > MAX_CODE_CHARS) return { ok: false, message: tooLong };
    return { ok: true, code };
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code;
    if (why === 'ENOENT') return { ok: false, message: `${path}: no such strategy file.` };
    if (why === 'EACCES' || why === 'EPERM')
      return { ok: false, message: `${path} cannot be read (permission denied).` };
    return { ok: false, message: `${path} cannot be read (${why ?? String(e)}).` };
  }
}
