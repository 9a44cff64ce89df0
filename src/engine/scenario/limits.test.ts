import { describe, expect, it } from 'vitest';
import { DEFAULTS, DEMO_SERVERS, inRange, LIMITS, LIVE_LIMITS, type Range } from './limits.ts';
import { DEFAULT_SCENARIO, parseScenario, serializeScenario } from './schema.ts';

/** Every range of LIMITS that maps one-to-one to a field of a scenario file, with its path. */
function fieldRanges(): Array<[string, Range]> {
  const out: Array<[string, Range]> = [];
  const walk = (node: object, path: string) => {
    for (const [key, value] of Object.entries(node)) {
      const at = path ? `${path}.${key}` : key;
      if (typeof value === 'object' && value !== null && 'min' in value) out.push([at, value]);
      else if (typeof value === 'object' && value !== null) walk(value, at);
    }
  };
  walk(
    {
      seed: LIMITS.seed,
      strategyOptions: LIMITS.strategyOptions,
      cache: LIMITS.cache,
      keys: LIMITS.keys,
      durationMs: LIMITS.durationMs,
      sampleIntervalMs: LIMITS.sampleIntervalMs,
      resilience: LIMITS.resilience,
    },
    '',
  );
  for (const [key, range] of Object.entries(LIMITS.server))
    if (typeof range === 'object') out.push([`servers.0.${key}`, range]);
  return out;
}

/** The demo setup with `value` at `path` (dots; a number is a list index). */
function withValue(path: string, value: number): unknown {
  const raw = JSON.parse(JSON.stringify(serializeScenario(DEFAULT_SCENARIO)));
  const keys = path.split('.');
  let node = raw;
  for (const key of keys.slice(0, -1)) node = node[key];
  node[keys[keys.length - 1]!] = value;
  return raw;
}

describe('scenario limits', () => {
  it('are the limits the schema checks, field by field', () => {
    const ranges = fieldRanges();
    expect(ranges.length).toBeGreaterThan(30);
    for (const [path, range] of ranges) {
      const ok = (v: number) => parseScenario(withValue(path, v)).ok;
      expect([path, ok(range.max)]).toEqual([path, true]);
      expect([path, ok(range.max * 1.5 + 1)]).toEqual([path, false]);
      expect([path, ok(range.min)]).toEqual([path, !range.aboveMin]);
      if (range.integer) expect([path, ok(range.min + 0.5)]).toEqual([path, false]);
    }
  });

  it('are the defaults the schema fills in', () => {
    const filled = serializeScenario(DEFAULT_SCENARIO);
    const { server, service, ...top } = DEFAULTS;
    expect(filled).toMatchObject(top);
    expect(filled.service).toEqual(service);
    expect(filled.servers).toEqual(DEMO_SERVERS.map((s) => ({ ...server, ...s })));
  });

  it('say whether a value is allowed, with whole numbers and open lower ends', () => {
    expect(inRange(1, LIVE_LIMITS.burst)).toBe(true);
    expect(inRange(100_000, LIVE_LIMITS.burst)).toBe(true);
    expect(inRange(100_001, LIVE_LIMITS.burst)).toBe(false);
    expect(inRange(1.5, LIVE_LIMITS.burst)).toBe(false);
    expect(inRange(0, LIVE_LIMITS.spikeFactor)).toBe(false);
    expect(inRange(0.001, LIVE_LIMITS.spikeFactor)).toBe(true);
    expect(inRange(Number.NaN, LIVE_LIMITS.ratePerSec)).toBe(false);
    expect(inRange('5', LIVE_LIMITS.ratePerSec)).toBe(false);
  });
});
