import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../lib/scenarioFile.ts';
import { decodeUtf8, readCapped, readScenarioInput } from './readInput.ts';

const dir = mkdtempSync(join(tmpdir(), 'sim-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A stream that never ends, counting the chunks anyone asked it for. */
function endless(chunk: Buffer) {
  const counter = { chunks: 0 };
  const stream = Readable.from(
    (function* () {
      for (;;) {
        counter.chunks++;
        yield chunk;
      }
    })(),
  );
  return { stream, counter };
}

describe('reading scenario input', () => {
  it('stops reading an endless stream just past the limit', async () => {
    const { stream, counter } = endless(Buffer.alloc(64 * 1024, 'y'));
    expect(await readCapped(stream, MAX_FILE_BYTES)).toEqual({ over: true });
    // 16 chunks of 64 KB make exactly 1 MB; the 17th passes it, and the stream is closed (a
    // stream may read up to its high-water mark, 16 chunks, ahead of the reader).
    expect(counter.chunks).toBeGreaterThanOrEqual(17);
    expect(counter.chunks).toBeLessThanOrEqual(17 + stream.readableHighWaterMark);
    expect(stream.destroyed).toBe(true);
  });

  it('accepts input of exactly the limit and refuses one byte more', async () => {
    const exact = await readCapped(Readable.from([Buffer.alloc(1000), Buffer.alloc(24)]), 1024);
    expect('bytes' in exact && exact.bytes.length).toBe(1024);
    expect(await readCapped(Readable.from([Buffer.alloc(1025)]), 1024)).toEqual({ over: true });
  });

  it('refuses a file over 1 MB from its size, naming the limit', async () => {
    const big = file('big.json', Buffer.alloc(MAX_FILE_BYTES + 1, ' '));
    const result = await readScenarioInput(big);
    expect(result).toEqual({
      ok: false,
      message: `${big} is 1.0 MB; scenario files may be at most 1.0 MB (1,048,576 bytes), the limit of the scenario format.`,
    });
    const fits = await readScenarioInput(file('fits.json', Buffer.alloc(MAX_FILE_BYTES, ' ')));
    expect(fits.ok).toBe(true);
  });

  it('refuses an endless standard input with the same limit', async () => {
    const { stream } = endless(Buffer.from('y\n'.repeat(4096)));
    const result = await readScenarioInput('-', MAX_FILE_BYTES, stream);
    expect(result.ok).toBe(false);
    expect(!result.ok && 'message' in result && result.message).toMatch(
      /^Standard input is more than 1\.0 MB; scenario files may be at most 1\.0 MB \(1,048,576 bytes\)/,
    );
  });

  it('drops a UTF-8 byte order mark, from a file and from standard input', async () => {
    const bom = '\ufeff{"name": "Café"}';
    expect(await readScenarioInput(file('bom.json', bom))).toEqual({
      ok: true,
      text: '{"name": "Café"}',
    });
    expect(await readScenarioInput('-', MAX_FILE_BYTES, Readable.from([Buffer.from(bom)]))).toEqual(
      { ok: true, text: '{"name": "Café"}' },
    );
    // Only a leading mark is one; elsewhere U+FEFF is part of the text.
    expect(decodeUtf8(Buffer.from('a\ufeffb'))).toBe('a\ufeffb');
  });

  it('reports a missing file and a directory', async () => {
    expect(await readScenarioInput(join(dir, 'nope.json'))).toEqual({ ok: false, missing: true });
    expect(await readScenarioInput(dir)).toEqual({
      ok: false,
      message: `${dir} is a directory, not a scenario file.`,
    });
  });
});
