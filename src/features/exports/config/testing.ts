/** Setups for the exporters' tests: the classic demo's three servers, with changes. */
import { DEFAULT_SCENARIO } from '../../../engine/scenario/schema.ts';
import type { ResilienceSpec } from '../../../engine/scenario/types.ts';
import type { ExportServer, ExportSetup } from './types.ts';

const CLASSIC: readonly ExportServer[] = [
  { name: 'Server-A', capacity: 3, weight: 1, queueLimit: 0, up: true },
  { name: 'Server-B', capacity: 2, weight: 1, queueLimit: 0, up: true },
  { name: 'Server-C', capacity: 4, weight: 1, queueLimit: 0, up: true },
];

/** The classic demo's servers under `strategy`, with options and server fields overridden. */
export function testSetup(
  strategy: string,
  options: ExportSetup['strategyOptions'] = {},
  servers: ReadonlyArray<Partial<ExportServer>> = [],
): ExportSetup {
  return {
    name: 'Classic demo',
    strategy,
    strategyOptions: { choices: 2, virtualNodes: 100, decayMs: 10_000, ...options },
    servers: CLASSIC.map((s, i) => ({ ...s, ...servers[i] })),
  };
}

/** The lines of a snippet that are not comments, trimmed. */
export function directives(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

type Overrides = {
  readonly [K in keyof ResilienceSpec]?: ResilienceSpec[K] extends object | null
    ? Partial<NonNullable<ResilienceSpec[K]>> | Extract<ResilienceSpec[K], null>
    : ResilienceSpec[K];
};

/** The scenario format's default defences (all off) with some parts changed, as a scenario has. */
export function defences(overrides: Overrides = {}): ResilienceSpec {
  const base = DEFAULT_SCENARIO.resilience;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const from = (base as unknown as Record<string, unknown>)[key];
    merged[key] =
      typeof value === 'object' && value !== null && typeof from === 'object'
        ? { ...from, ...value }
        : value;
  }
  return merged as unknown as ResilienceSpec;
}

/** The classic demo under `strategy` with the default defences, changed by `overrides`. */
export function defendedSetup(
  strategy: string,
  overrides: Overrides = {},
  servers: ReadonlyArray<Partial<ExportServer>> = [],
): ExportSetup {
  return { ...testSetup(strategy, {}, servers), resilience: defences(overrides) };
}
