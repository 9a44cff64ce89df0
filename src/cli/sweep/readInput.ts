import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';

/** Largest file read (a part of a 100,000-run sweep is about 30 MB). */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** The stream's bytes, or null past MAX_INPUT_BYTES (so /dev/zero or an endless pipe is refused). */
async function readCapped(stream: Readable): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    total += buf.length;
    if (total > MAX_INPUT_BYTES) {
      stream.destroy();
      return null;
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** A file's text ("-" for standard input), or a message saying why it cannot be had. */
export async function readText(source: string): Promise<{ text: string } | { error: string }> {
  let bytes: Buffer | null;
  try {
    bytes = await readCapped(source === '-' ? process.stdin : createReadStream(source));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(e)})` };
  }
  if (bytes === null) {
    return { error: `is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB, the most this reads` };
  }
  // A UTF-8 byte-order mark is not part of the JSON (editors on Windows write one).
  return { text: bytes.toString('utf8').replace(/^\uFEFF/, '') };
}

/** A file's JSON, or a message saying what is wrong with it. */
export async function readJson(source: string): Promise<{ data: unknown } | { error: string }> {
  const read = await readText(source);
  if ('error' in read) return read;
  try {
    return { data: JSON.parse(read.text) as unknown };
  } catch (e) {
    return { error: `is not valid JSON (${(e as Error).message})` };
  }
}
