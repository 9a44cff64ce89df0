/**
 * Share links: the setup as `#s=<base64url of deflate-raw of minimal JSON>` in the URL's hash, so
 * it never reaches a server. Minimal JSON leaves out every field equal to the format's default;
 * decoding refuses damaged, cut-off and oversized links with a sentence saying so and never
 * throws. What decodes is raw JSON: the worker validates it like any file.
 */
import { DEFAULTS, DEMO_SERVERS } from '../engine/scenario/limits.ts';
import {
  CONTENTION_OFF,
  HEDGE_OFF,
  limiterDefaultsFor,
  SHEDDING_OFF,
  THROTTLING_OFF,
  type LimiterSpec,
} from '../engine/overload/specs.ts';
import type { RawScenario } from '../engine/scenario/schema.ts';
import { serializeScenario } from '../engine/scenario/serialize.ts';
import type { Scenario } from '../engine/scenario/types.ts';
import { formatBytes, parseJsonText } from './scenarioFile.ts';

/** Largest scenario a link may carry once decompressed (1 MB), and longest link text read. */
export const MAX_LINK_JSON_BYTES = 1_048_576;
export const MAX_LINK_CHARS = 1_500_000;
const PARAM = 's';

export type EncodeResult =
  { readonly ok: true; readonly hash: string } | { readonly ok: false; readonly message: string };

export type DecodeResult =
  /** The hash holds no share link (empty, or someone else's anchor). */
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly raw: unknown }
  | { readonly kind: 'error'; readonly message: string };

const LABEL = 'The share link';

type Fields = Record<string, unknown>;

/** The format's defaults (limits.ts, the module the schema takes them from). */
const TOP_DEFAULTS: Fields = {
  version: DEFAULTS.version,
  name: DEFAULTS.name,
  seed: DEFAULTS.seed,
  strategy: DEFAULTS.strategy,
  traffic: DEFAULTS.traffic,
  events: DEFAULTS.events,
  durationMs: DEFAULTS.durationMs,
  sampleIntervalMs: DEFAULTS.sampleIntervalMs,
};
const GROUP_DEFAULTS: Readonly<Record<string, Fields>> = {
  strategyOptions: DEFAULTS.strategyOptions,
  cache: DEFAULTS.cache,
  keys: DEFAULTS.keys,
  contention: { ...CONTENTION_OFF },
  shedding: { ...SHEDDING_OFF },
};
const SERVER_DEFAULTS: Fields = DEFAULTS.server;
/** Defences: groups of fields, and single values, each left out when at its default. */
const RESILIENCE_DEFAULTS: Fields = {
  ...DEFAULTS.resilience,
  deadlineMs: null,
  throttling: THROTTLING_OFF,
  hedge: HEDGE_OFF,
};
const UNIFORM_DEFAULTS: Fields = { minMs: DEFAULTS.service.minMs, maxMs: DEFAULTS.service.maxMs };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function withoutDefaults(fields: object, defaults: Fields): Fields {
  const out: Fields = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v !== undefined && !(Object.hasOwn(defaults, k) && same(v, defaults[k]))) out[k] = v;
  }
  return out;
}

/**
 * A scenario file with every field that equals the format's default left out; the schema fills
 * them back in, so `parseScenario(minimizeScenario(serializeScenario(s)))` gives `s` again.
 */
export function minimizeScenario(raw: RawScenario): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(raw) as Array<[string, unknown]>) {
    if (value === undefined) continue;
    const group = GROUP_DEFAULTS[key];
    if (group) {
      const fields = withoutDefaults(value as object, group);
      if (Object.keys(fields).length > 0) out[key] = fields;
    } else if (key === 'servers') {
      const servers = (value as object[]).map((s) => withoutDefaults(s, SERVER_DEFAULTS));
      if (!same(servers, DEMO_SERVERS)) out[key] = servers;
    } else if (key === 'service') {
      const service = value as Fields;
      const fields =
        service.distribution === 'uniform' ? withoutDefaults(service, UNIFORM_DEFAULTS) : service;
      if (Object.keys(fields).length > 1) out[key] = fields;
    } else if (key === 'resilience') {
      const fields: Fields = {};
      for (const [k, v] of Object.entries(value as Fields)) {
        // A limiter's defaults are its algorithm's (the schema fills them in by algorithm).
        const d =
          k === 'limiter'
            ? limiterDefaultsFor((v as LimiterSpec).algorithm)
            : RESILIENCE_DEFAULTS[k];
        if (typeof v === 'object' && v !== null && typeof d === 'object' && d !== null) {
          const inner = withoutDefaults(v, d as Fields);
          if (Object.keys(inner).length > 0) fields[k] = inner;
        } else if (v !== undefined && !(Object.hasOwn(RESILIENCE_DEFAULTS, k) && same(v, d))) {
          fields[k] = v;
        }
      }
      if (Object.keys(fields).length > 0) out[key] = fields;
    } else if (key === 'events') {
      const events = (value as Fields[]).map((e) =>
        e.action === 'add' ? { ...e, spec: withoutDefaults(e.spec as object, SERVER_DEFAULTS) } : e,
      );
      if (events.length > 0) out[key] = events;
    } else if (!(Object.hasOwn(TOP_DEFAULTS, key) && same(value, TOP_DEFAULTS[key]))) {
      out[key] = value;
    }
  }
  return out;
}

/** Bytes as base64url without padding (what a link's hash may carry). */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of base64url text, or null when it is not base64url. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  const padded =
    text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Runs bytes through a (de)compression stream, stopping once more than `cap` bytes came out. */
export async function pipe(
  bytes: Uint8Array<ArrayBuffer>,
  transform: CompressionStream | DecompressionStream,
  cap: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = new Blob([bytes]).stream().pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The hash (`#s=…`) that carries a setup, or why it cannot (too large for a link). */
export async function encodeScenarioHash(setup: Scenario): Promise<EncodeResult> {
  const json = JSON.stringify(minimizeScenario(serializeScenario(setup)));
  const bytes = new TextEncoder().encode(json);
  if (bytes.byteLength > MAX_LINK_JSON_BYTES) {
    return {
      ok: false,
      message: `This setup is ${formatBytes(bytes.byteLength)} as JSON, more than a link may carry (${formatBytes(MAX_LINK_JSON_BYTES)}); export it as a file instead.`,
    };
  }
  const packed = await pipe(bytes, new CompressionStream('deflate-raw'), Infinity);
  return { ok: true, hash: `#${PARAM}=${toBase64Url(packed!)}` };
}

/** Reads the scenario a hash carries. Never throws; a refusal always says what is wrong. */
export async function decodeScenarioHash(hash: string): Promise<DecodeResult> {
  try {
    const body = hash.startsWith('#') ? hash.slice(1) : hash;
    if (!body.startsWith(`${PARAM}=`)) return { kind: 'none' };
    if (body.length > MAX_LINK_CHARS) {
      return {
        kind: 'error',
        message: `${LABEL} is ${body.length.toLocaleString('en-US')} characters long, more than the ${MAX_LINK_CHARS.toLocaleString('en-US')} it may have.`,
      };
    }
    const code = body.slice(PARAM.length + 1).split('&')[0]!;
    if (code === '')
      return { kind: 'error', message: `${LABEL} holds no scenario (nothing after “#s=”).` };
    // Base64 never ends one character into a group of four: such a link lost its end.
    if (/^[A-Za-z0-9_-]+$/.test(code) && code.length % 4 === 1) {
      return {
        kind: 'error',
        message: `${LABEL} is cut off: its code is ${code.length.toLocaleString('en-US')} character${code.length === 1 ? '' : 's'} long, a length no complete link has (it may have been cut when copied).`,
      };
    }
    const bytes = fromBase64Url(code);
    if (!bytes) {
      return {
        kind: 'error',
        message: `${LABEL} is damaged: after “#s=” it may only hold letters, digits, “-” and “_” (it may have been cut or changed when copied).`,
      };
    }
    let json: Uint8Array | null;
    try {
      json = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_LINK_JSON_BYTES);
    } catch {
      return {
        kind: 'error',
        message: `${LABEL} is damaged or incomplete: its data does not unpack (it may have been cut off when copied).`,
      };
    }
    if (!json) {
      return {
        kind: 'error',
        message: `${LABEL} unpacks to more than ${formatBytes(MAX_LINK_JSON_BYTES)}, more than a scenario link may hold.`,
      };
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(json);
    } catch {
      return { kind: 'error', message: `${LABEL} is damaged: it does not unpack to text.` };
    }
    if (text.trim() === '') {
      return { kind: 'error', message: `${LABEL} holds no scenario: it unpacks to nothing.` };
    }
    const parsed = parseJsonText(text, LABEL);
    return parsed.ok
      ? { kind: 'ok', raw: parsed.value }
      : { kind: 'error', message: parsed.message };
  } catch (e) {
    // Not expected for any input; a last guard so the page never breaks on a link.
    return { kind: 'error', message: `${LABEL} could not be read (${String(e)}).` };
  }
}

/** The page's address with `hash` and without any query (flags and presets are not shared). */
export function shareUrl(
  location: { readonly origin: string; readonly pathname: string },
  hash: string,
): string {
  return `${location.origin}${location.pathname}${hash}`;
}
