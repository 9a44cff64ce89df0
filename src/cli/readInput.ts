/**
 * Reads a scenario's text from a file or standard input, never more than the format allows: a
 * regular file over the limit is refused from its size alone, and a stream without a size
 * (`/dev/zero`, `yes | …`, a FIFO) is read only until it passes the limit, so memory stays at
 * about 1 MB whatever is on the other end.
 */
import { createReadStream, promises as fs } from 'node:fs';
import type { Readable } from 'node:stream';
import { formatBytes, MAX_FILE_BYTES } from '../lib/scenarioFile.ts';

/** The text read, or a sentence saying why there is none. */
export type InputResult =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

const tooBig = (what: string, size: string, maxBytes: number) =>
  `${what} is ${size}; scenario files may be at most ${formatBytes(maxBytes)} ` +
  `(${maxBytes.toLocaleString('en-US')} bytes), the limit of the scenario format.`;

/**
 * Bytes as text. TextDecoder drops a leading UTF-8 byte order mark (as the page's `File.text()`
 * does), so files saved by Windows editors read the same in both; bytes that are not UTF-8 become
 * U+FFFD, as they do in the page, and a name holding one is still shown.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** Collects a stream's bytes, stopping (and closing the stream) once they pass `maxBytes`. */
export async function readCapped(
  stream: Readable,
  maxBytes: number,
): Promise<{ bytes: Uint8Array } | { over: true }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > maxBytes) {
      stream.destroy();
      return { over: true };
    }
    chunks.push(buf);
  }
  return { bytes: Buffer.concat(chunks, size) };
}

function readError(source: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return `${source} is a directory, not a scenario file.`;
  if (code === 'EACCES' || code === 'EPERM') return `${source} cannot be read (permission denied).`;
  return `${source} cannot be read (${code ?? String(e)}).`;
}

/**
 * Reads `source` (a path, or `-` for standard input) as text of at most `maxBytes`. Never throws;
 * a missing file is reported by the caller, which knows the presets it could have meant.
 */
export async function readScenarioInput(
  source: string,
  maxBytes: number = MAX_FILE_BYTES,
  stdin: Readable = process.stdin,
): Promise<InputResult | { readonly ok: false; readonly missing: true }> {
  const label = source === '-' ? 'Standard input' : source;
  let stream: Readable;
  try {
    if (source === '-') stream = stdin;
    else {
      const info = await fs.stat(source);
      if (info.isDirectory()) return { ok: false, message: readError(source, { code: 'EISDIR' }) };
      if (info.isFile() && info.size > maxBytes)
        return { ok: false, message: tooBig(label, formatBytes(info.size), maxBytes) };
      stream = createReadStream(source);
    }
    const read = await readCapped(stream, maxBytes);
    if ('over' in read)
      return { ok: false, message: tooBig(label, `more than ${formatBytes(maxBytes)}`, maxBytes) };
    return { ok: true, text: decodeUtf8(read.bytes) };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, missing: true };
    return { ok: false, message: readError(label, e) };
  }
}
