import { PRESETS } from '../scenario/presets.ts';
import defencesMix from './scenarios/defences-mix.json';
import hashingMix from './scenarios/hashing-mix.json';

/**
 * The runs whose results are pinned by golden files (see golden.test.ts): every preset, the two
 * golden scenarios that switch on everything the presets leave off (several balancers with stale
 * load, breakers, slow start, panic, partitions, every strategy), and a few other seeds.
 */
export interface GoldenCase {
  /** Name of the case in the golden files. */
  readonly id: string;
  /** What `npm run sim --` is given: a preset name or a scenario file's path. */
  readonly source: string;
  readonly seed: number | null;
  readonly raw: unknown;
}

const FILES: Record<string, unknown> = {
  'src/engine/golden/scenarios/defences-mix.json': defencesMix,
  'src/engine/golden/scenarios/hashing-mix.json': hashingMix,
};

const rawOf = (source: string): unknown =>
  FILES[source] ?? PRESETS.find((p) => p.id === source)!.raw;

const nameOf = (source: string): string => source.replace(/^.*\//, '').replace(/\.json$/, '');

const golden = (source: string, seed: number | null = null): GoldenCase => ({
  id: seed === null ? nameOf(source) : `${nameOf(source)} --seed ${seed}`,
  source,
  seed,
  raw: rawOf(source),
});

export const SUMMARY_CASES: readonly GoldenCase[] = [
  ...PRESETS.map((p) => golden(p.id)),
  ...Object.keys(FILES).map((f) => golden(f)),
  golden('classic', 7),
  golden('hot-keys', 5),
  golden('sinkhole-outlier-ejection', 123),
  golden('retry-storm', 9),
  golden('crash-health-checks', 31),
  golden('src/engine/golden/scenarios/defences-mix.json', 1),
  golden('src/engine/golden/scenarios/hashing-mix.json', 3),
];

/** Runs traced line by line (log, picks, routes, series, checkpoints), as the page's worker runs them. */
export const TRACE_CASES: readonly GoldenCase[] = [
  golden('classic'),
  golden('src/engine/golden/scenarios/defences-mix.json'),
  golden('src/engine/golden/scenarios/hashing-mix.json'),
  // The first 4 simulated seconds of the large pool: 100 servers, per-server caches.
  {
    ...golden('large-pool'),
    id: 'large-pool (4 s)',
    raw: { ...(rawOf('large-pool') as object), durationMs: 4000 },
  },
];

/** A case's raw scenario with its seed applied, as the CLI applies `--seed`. */
export function withSeed(c: GoldenCase): unknown {
  return c.seed === null ? c.raw : { ...(c.raw as object), seed: c.seed };
}

/** Sessions played frame by frame as the page plays them, every snapshot fingerprinted. */
export const SESSION_CASES: readonly (GoldenCase & {
  readonly speed: number;
  readonly frames: number;
})[] = [
  { ...golden('src/engine/golden/scenarios/defences-mix.json'), speed: 10, frames: 320 },
  { ...golden('large-pool'), speed: 1, frames: 150 },
];
