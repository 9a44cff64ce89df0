import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../engine/scenario/presets.ts';
import { DEFAULT_SCENARIO, parseScenario, serializeScenario } from '../engine/scenario/schema.ts';
import type { Scenario } from '../engine/scenario/types.ts';
import { Simulation } from '../engine/simulation.ts';
import { STRATEGY_NAMES } from '../engine/strategies/strategy.ts';
import {
  decodeScenarioHash,
  encodeScenarioHash,
  MAX_LINK_CHARS,
  minimizeScenario,
  shareUrl,
  type DecodeResult,
} from './shareLink.ts';

/** A double in [min, max] (or (min, max] with `above`), never -0. */
const dbl = (min: number, max: number, above = false) =>
  fc
    .double({ min, max, minExcluded: above, noNaN: true, noDefaultInfinity: true })
    .map((x) => (x === 0 ? 0 : x));
const int = (min: number, max: number) => fc.integer({ min, max });
/** Values the schema's defaults use, so "equal to the default" is often hit. */
const orDefault = <T>(arb: fc.Arbitrary<T>, ...defaults: T[]) =>
  fc.oneof(arb, fc.constantFrom(...defaults));

const name = fc
  .string({ minLength: 1, maxLength: 20 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);

/**
 * Raw scenarios small enough to run for a simulated second in a blink: few servers, bounded
 * bursts and rates. Many fields are left out or set to their default, as people's links are.
 */
const runnableRaw = fc.uniqueArray(name, { minLength: 1, maxLength: 6 }).chain((names) =>
  fc.record(
    {
      name,
      seed: orDefault(int(0, 4_294_967_295), 42),
      strategy: fc.constantFrom(...STRATEGY_NAMES),
      strategyOptions: fc.record(
        { choices: int(1, 8), virtualNodes: int(1, 200), decayMs: dbl(1, 1e5) },
        { requiredKeys: [] },
      ),
      servers: fc.tuple(
        ...names.map((n) =>
          fc.record(
            {
              name: fc.constant(n),
              capacity: orDefault(int(1, 50), 1),
              weight: orDefault(dbl(0.1, 10), 1),
              speed: orDefault(dbl(0.1, 10), 1),
              queueLimit: fc.oneof(int(0, 50), fc.constant(null)),
              up: fc.boolean(),
            },
            { requiredKeys: ['name'] },
          ),
        ),
      ),
      service: fc.oneof(
        fc.constant({ distribution: 'uniform', minMs: 200, maxMs: 600 }),
        fc.record({ distribution: fc.constant('constant'), ms: dbl(0, 2000) }),
        fc.record({ distribution: fc.constant('exponential'), meanMs: dbl(1, 2000) }),
        fc.record({
          distribution: fc.constant('lognormal'),
          medianMs: dbl(1, 2000),
          sigma: dbl(0, 2),
        }),
      ),
      cache: fc.record(
        {
          placement: fc.constantFrom('shared', 'per-server', 'off'),
          capacity: orDefault(int(1, 500), 128),
          hitMs: orDefault(dbl(0, 10), 1),
        },
        { requiredKeys: [] },
      ),
      keys: fc.record(
        { count: orDefault(int(1, 10_000), 1000), zipf: dbl(0, 3) },
        { requiredKeys: [] },
      ),
      traffic: fc.array(
        fc.oneof(
          fc.record({ at: dbl(0, 2000), burst: int(1, 300) }),
          fc.record({ from: dbl(0, 500), to: dbl(501, 3000), ratePerSec: dbl(1, 500) }),
        ),
        { maxLength: 3 },
      ),
      events: fc.array(
        fc.record({
          at: dbl(0, 2000),
          action: fc.constantFrom('kill', 'revive'),
          server: fc.constantFrom(...names),
        }),
        { maxLength: 3 },
      ),
      durationMs: fc.oneof(fc.constant(null), dbl(100, 5000)),
      sampleIntervalMs: orDefault(dbl(10, 1000), 100),
    },
    { requiredKeys: ['servers'] },
  ),
);

/** Valid scenarios (every default filled in), as the page's setups are. */
const runnableScenario: fc.Arbitrary<Scenario> = runnableRaw
  .map((raw) => parseScenario(raw))
  .filter((p) => p.ok)
  .map((p) => (p as { ok: true; scenario: Scenario }).scenario);

/** Damage of the kinds links suffer: cut off, a character changed, something added or lost. */
const damage = fc.record({
  kind: fc.constantFrom('cut', 'change', 'insert', 'drop'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  text: fc.string({ minLength: 1, maxLength: 4 }),
  n: int(1, 8),
});

type Damage = typeof damage extends fc.Arbitrary<infer D> ? D : never;

function damaged(hash: string, d: Damage): string {
  const i = 3 + Math.floor(d.at * (hash.length - 3));
  switch (d.kind) {
    case 'cut':
      return hash.slice(0, i);
    case 'change':
      return hash.slice(0, i) + d.text[0] + hash.slice(i + 1);
    case 'insert':
      return hash.slice(0, i) + d.text + hash.slice(i);
    default:
      return hash.slice(0, i) + hash.slice(i + d.n);
  }
}

type Outcome = 'none' | 'refused by decoder' | 'refused by schema' | 'ran';

/** What every decoded hash must satisfy: a refusal says why; an accepted scenario runs. */
function expectSound(result: DecodeResult): Outcome {
  if (result.kind === 'error') {
    expect(result.message).toMatch(/^The share link .{10,}/);
    return 'refused by decoder';
  }
  if (result.kind === 'none') return 'none';
  const parsed = parseScenario(result.raw);
  if (!parsed.ok) {
    expect(parsed.problems.length).toBeGreaterThan(0);
    for (const p of parsed.problems) expect(p.message.length).toBeGreaterThan(0);
    return 'refused by schema';
  }
  const sim = new Simulation(parsed.scenario);
  expect(() => sim.runUntil(1000)).not.toThrow();
  return 'ran';
}

/** Counts outcomes, so a test can check that the fuzzing reached every branch. */
function tally() {
  const counts: Record<Outcome, number> = {
    none: 0,
    'refused by decoder': 0,
    'refused by schema': 0,
    ran: 0,
  };
  return { counts, add: (o: Outcome) => void counts[o]++ };
}

async function hashOf(s: Scenario): Promise<string> {
  const encoded = await encodeScenarioHash(s);
  if (!encoded.ok) throw new Error(encoded.message);
  return encoded.hash;
}

/** A hash made by hand from any JSON text, bypassing the encoder. */
async function rawHash(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  const b64 = Buffer.from(bytes).toString('base64url');
  return `#s=${b64}`;
}

describe('share link encoder', () => {
  it('round-trips every valid scenario: decode(encode(s)) parses back to s', async () => {
    await fc.assert(
      fc.asyncProperty(runnableScenario, async (s) => {
        const decoded = await decodeScenarioHash(await hashOf(s));
        expect(decoded.kind).toBe('ok');
        expect(parseScenario((decoded as { raw: unknown }).raw)).toEqual({ ok: true, scenario: s });
      }),
      { numRuns: 400 },
    );
  });

  it('fuzz: large valid pools (up to the format’s 10,000 servers) round-trip through a link', async () => {
    const pool = fc.record({
      size: fc.integer({ min: 1, max: 10_000 }),
      capacity: fc.integer({ min: 1, max: 1_000_000 }),
      weighted: fc.boolean(),
      prefix: fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' }),
    });
    await fc.assert(
      fc.asyncProperty(pool, async ({ size, capacity, weighted, prefix }) => {
        const raw = {
          name: `${size} servers`,
          servers: Array.from({ length: size }, (_, i) => ({
            name: `${prefix.trim() || 's'}-${i}`,
            capacity: 1 + ((capacity + i) % 1_000_000),
            ...(weighted ? { weight: 1 + (i % 7) } : {}),
          })),
        };
        const parsed = parseScenario(raw);
        if (!parsed.ok) return; // e.g. a prefix that makes names too long: refused with paths
        const encoded = await encodeScenarioHash(parsed.scenario);
        if (!encoded.ok) {
          // Too large for a link: said in words, never thrown.
          expect(encoded.message).toMatch(/more than a link may carry/);
          return;
        }
        const decoded = await decodeScenarioHash(encoded.hash);
        expect(decoded.kind).toBe('ok');
        const back = parseScenario((decoded as { raw: unknown }).raw);
        expect(back.ok && back.scenario.servers.length).toBe(size);
        expect(back).toEqual(parsed);
      }),
      { numRuns: 12 },
    );
  });

  it('leaves out exactly the fields that equal the schema defaults', () => {
    expect(minimizeScenario(serializeScenario(DEFAULT_SCENARIO))).toEqual({});
    const defaultsEverywhere = parseScenario({
      servers: [{ name: 'x' }],
      events: [{ at: 5, action: 'add', spec: { name: 'y' } }],
    });
    if (!defaultsEverywhere.ok) throw new Error('fixture does not parse');
    expect(minimizeScenario(serializeScenario(defaultsEverywhere.scenario))).toEqual({
      servers: [{ name: 'x' }],
      events: [{ at: 5, action: 'add', spec: { name: 'y' } }],
    });
    const classic = parseScenario(PRESETS[0]!.raw);
    if (!classic.ok) throw new Error('classic does not parse');
    expect(minimizeScenario(serializeScenario(classic.scenario))).toEqual({ name: 'Classic demo' });
  });

  it('keeps links short: the classic preset and a ten-server scenario', async () => {
    const classic = parseScenario(PRESETS.find((p) => p.id === 'classic')!.raw);
    const ten = parseScenario({
      name: 'Ten servers',
      strategy: 'least-connections',
      servers: Array.from({ length: 10 }, (_, i) => ({
        name: `Server-${i + 1}`,
        capacity: 2 + (i % 5),
        weight: 1 + (i % 3),
        queueLimit: i % 2 === 0 ? 5 : 0,
      })),
      service: { distribution: 'exponential', meanMs: 250 },
      traffic: [{ from: 0, to: 60_000, ratePerSec: 40 }],
    });
    if (!classic.ok || !ten.ok) throw new Error('fixtures do not parse');
    const origin = { origin: 'http://127.0.0.1:4173', pathname: '/' };
    const classicUrl = shareUrl(origin, await hashOf(classic.scenario));
    const tenUrl = shareUrl(origin, await hashOf(ten.scenario));
    expect((await hashOf(classic.scenario)).length).toBeLessThan(40);
    expect((await hashOf(ten.scenario)).length).toBeLessThan(400);
    expect(classicUrl.startsWith('http://127.0.0.1:4173/#s=')).toBe(true);
    expect(tenUrl.length).toBeLessThan(430);
    console.info(`share link lengths: classic ${classicUrl.length}, ten servers ${tenUrl.length}`);
  });

  it('refuses to make a link of a setup over 1 MB', async () => {
    const servers = Array.from({ length: 10_000 }, (_, i) => ({
      name: `server-${i}-${'x'.repeat(50)}`,
      queueLimit: 10 + i,
      capacity: 1 + i,
      weight: 1.5 + i,
    }));
    const big = parseScenario({ servers });
    if (!big.ok) throw new Error('fixture does not parse');
    const encoded = await encodeScenarioHash(big.scenario);
    expect(encoded.ok).toBe(false);
    expect(!encoded.ok && encoded.message).toMatch(/more than a link may carry/);
  });
});

describe('share link decoder', () => {
  it('ignores hashes that are not share links', async () => {
    for (const hash of ['', '#', '#top', '#servers-title', 'x=1']) {
      expect(await decodeScenarioHash(hash)).toEqual({ kind: 'none' });
    }
  });

  it('refuses malformed, truncated, oversized and non-JSON links with a message', async () => {
    const cases: Array<[string, RegExp]> = [
      ['#s=', /holds no scenario/],
      ['#s=@@@', /may only hold letters/],
      ['#s=A', /cut off: its code is 1 character long/],
      ['#s=AAAA', /damaged or incomplete/],
      [`#s=${'A'.repeat(MAX_LINK_CHARS)}`, /characters long/],
      [await rawHash('{"name": "x", "servers": ['), /cut off/],
      [await rawHash('{"name": x}'), /not valid JSON/],
      [await rawHash('   '), /unpacks to nothing/],
      [await rawHash(`{"name":"${'a'.repeat(2_000_000)}"}`), /unpacks to more than 1\.0 MB/],
      [await rawHash('['.repeat(100) + ']'.repeat(100)), /levels deep/],
    ];
    const classic = await hashOf(DEFAULT_SCENARIO);
    cases.push([classic.slice(0, classic.length - 3), /damaged or incomplete|cut off|not valid/]);
    // Cut to 4k+1 characters of code: every character is valid, the length is not.
    const code = classic.slice(3);
    const cut = `#s=${code.slice(0, 4 * Math.floor((code.length - 2) / 4) + 1)}`;
    cases.push([cut, /^The share link is cut off: its code is [\d,]+ characters long/]);
    for (const [hash, message] of cases) {
      const result = await decodeScenarioHash(hash);
      expect(result.kind, hash.slice(0, 40)).toBe('error');
      expect(result.kind === 'error' && result.message, hash.slice(0, 40)).toMatch(message);
    }
  });

  it('passes schema-violating links on for the worker to refuse with paths', async () => {
    const result = await decodeScenarioHash(
      await rawHash('{"servers":[{"name":"a","capacity":0}]}'),
    );
    expect(result.kind).toBe('ok');
    const parsed = parseScenario((result as { raw: unknown }).raw);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems[0]!.path).toBe('servers[0].capacity');
  });

  it('fuzz: never throws on arbitrary text, and every refusal has a message', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ maxLength: 200, unit: 'binary' }).map((s) => `#s=${s}`),
      fc.base64String({ maxLength: 400 }).map((s) => `#s=${s}`),
      fc.uint8Array({ maxLength: 300 }).map((b) => `#s=${Buffer.from(b).toString('base64url')}`),
    );
    const seen = tally();
    await fc.assert(
      fc.asyncProperty(text, async (hash) => seen.add(expectSound(await decodeScenarioHash(hash)))),
      { numRuns: 3000 },
    );
    expect(seen.counts['refused by decoder']).toBeGreaterThan(1000);
  });

  it('fuzz: damaged links to real scenarios are refused with a message or run', async () => {
    const seen = tally();
    await fc.assert(
      fc.asyncProperty(
        runnableScenario,
        fc.array(damage, { minLength: 1, maxLength: 3 }),
        async (s, damages) => {
          const hash = await hashOf(s);
          for (const d of damages)
            seen.add(expectSound(await decodeScenarioHash(damaged(hash, d))));
        },
      ),
      { numRuns: 600 },
    );
    expect(seen.counts['refused by decoder']).toBeGreaterThan(300);
  });

  it('fuzz: any JSON a link may carry is refused with problems or runs', async () => {
    const json = fc.oneof(
      runnableRaw.map((r) => JSON.stringify(r)),
      fc.json({ maxDepth: 4 }),
      // Valid scenarios with one field pushed out of range or given the wrong type.
      fc
        .tuple(
          runnableRaw,
          fc.constantFrom('seed', 'strategy', 'servers', 'cache', 'traffic', 'durationMs'),
          fc.jsonValue({ maxDepth: 2 }),
        )
        .map(([r, key, v]) => JSON.stringify({ ...r, [key]: v })),
    );
    const seen = tally();
    await fc.assert(
      fc.asyncProperty(json, async (text) =>
        seen.add(expectSound(await decodeScenarioHash(await rawHash(text)))),
      ),
      { numRuns: 1500 },
    );
    // Both branches are exercised in earnest: hundreds of scenarios run, hundreds are refused.
    expect(seen.counts.ran).toBeGreaterThan(200);
    expect(seen.counts['refused by schema']).toBeGreaterThan(200);
  });
});

describe('share links carry a strategy of the user’s own', () => {
  it('keeps the code exactly (blank lines and indentation too), so the link opens it', async () => {
    const code = '\n// mine\nfunction selectServer(servers) {\n    return servers[0];\n}\n\n';
    const parsed = parseScenario({ strategy: 'custom', customStrategy: { code } });
    if (!parsed.ok) throw new Error('refused');
    const decoded = await decodeScenarioHash(await hashOf(parsed.scenario));
    expect(decoded.kind).toBe('ok');
    const back = parseScenario((decoded as { raw: unknown }).raw);
    expect(back).toEqual({ ok: true, scenario: parsed.scenario });
    expect(back.ok && back.scenario.customStrategy?.code).toBe(code);
  });
});
