import { formatBytes, parseJsonText } from '../../lib/scenarioFile.ts';
import {
  fromBase64Url,
  MAX_LINK_CHARS,
  MAX_LINK_JSON_BYTES,
  pipe,
  toBase64Url,
} from '../../lib/shareLink.ts';

/**
 * Share links of sweeps: the sweep file as `#sweep=<base64url of deflate-raw of its JSON>`, packed
 * like a setup's `#s=` link (lib/shareLink.ts), so it never reaches a server. What decodes is raw
 * JSON that the sweep worker checks like any file. Decoding never throws.
 */
const PARAM = 'sweep';
const LABEL = 'The sweep link';

/** The hash carrying `file`, or why it cannot (too large for a link). */
export async function encodeSweepHash(
  file: unknown,
): Promise<{ ok: true; hash: string } | { ok: false; message: string }> {
  const bytes = new TextEncoder().encode(JSON.stringify(file));
  if (bytes.byteLength > MAX_LINK_JSON_BYTES) {
    return {
      ok: false,
      message: `This sweep is ${formatBytes(bytes.byteLength)} as JSON, more than a link may carry; export the sweep file instead.`,
    };
  }
  const packed = await pipe(bytes, new CompressionStream('deflate-raw'), Infinity);
  return { ok: true, hash: `#${PARAM}=${toBase64Url(packed!)}` };
}

/** The sweep file a hash carries: none (not a sweep link), the raw file, or what is wrong. */
export async function decodeSweepHash(
  hash: string,
): Promise<{ kind: 'none' } | { kind: 'ok'; raw: unknown } | { kind: 'error'; message: string }> {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!body.startsWith(`${PARAM}=`)) return { kind: 'none' };
  const damaged = {
    kind: 'error' as const,
    message: `${LABEL} is damaged or incomplete (it may have been cut off when copied).`,
  };
  if (body.length > MAX_LINK_CHARS) return damaged;
  const code = body.slice(PARAM.length + 1).split('&')[0]!;
  // Base64 never ends one character into a group of four: such a link lost its end (and atob throws).
  if (code.length % 4 === 1) return damaged;
  try {
    const bytes = fromBase64Url(code);
    if (bytes === null || bytes.length === 0) return damaged;
    const json = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_LINK_JSON_BYTES);
    if (json === null) return damaged;
    const parsed = parseJsonText(new TextDecoder('utf-8', { fatal: true }).decode(json), LABEL);
    return parsed.ok
      ? { kind: 'ok', raw: parsed.value }
      : { kind: 'error', message: parsed.message };
  } catch {
    return damaged;
  }
}
