/**
 * Vitest set-up: every property test (fast-check) starts from one fixed seed, so `npm test` checks
 * the same cases on every machine and a failure in CI replays exactly. To explore new cases, give a
 * seed or ask for a random one: `FC_SEED=random npx vitest run src/engine` (the seed used is
 * printed with any counterexample, and `FC_SEED=<that seed>` replays it).
 */
import fc from 'fast-check';

const DEFAULT_SEED = 20_261_203;

export function propertySeed(value: string | undefined): number | undefined {
  if (value === 'random') return undefined;
  if (value === undefined || value.trim() === '') return DEFAULT_SEED;
  const seed = Number(value);
  if (!Number.isInteger(seed))
    throw new Error(`FC_SEED must be an integer or "random", not "${value}"`);
  return seed | 0;
}

const seed = propertySeed(process.env.FC_SEED);
if (seed !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
