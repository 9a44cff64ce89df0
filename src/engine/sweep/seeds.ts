/**
 * Seeds of a sweep's replications. Replication k of every point (every strategy, every value) runs
 * with the same seed, so the curves share common random numbers: the arrivals, keys and service
 * times of replication k differ between points only by what the varied field changes. Differences
 * between strategies are then measured on identical work and are far less noisy than the curves'
 * own confidence intervals suggest (Law & Kelton, "Simulation Modeling and Analysis", §11.2).
 */

/** The 32-bit finalizer of MurmurHash3: a bijection on 32-bit words that mixes every bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The seed of replication `k` (0-based) of a sweep whose base seed is `baseSeed`. Replication 0
 * runs the base seed itself, so the first replication of a point is exactly `npm run sim` of that
 * point's scenario; replication k ≥ 1 runs fmix32(baseSeed ⊕ fmix32(k · golden ratio)), distinct
 * from the base seed and from each other for any k a sweep may ask for (checked in the tests).
 */
export function replicationSeed(baseSeed: number, k: number): number {
  if (!(Number.isInteger(k) && k >= 0))
    throw new RangeError(`replication must be an integer >= 0, got ${k}`);
  if (k === 0) return baseSeed >>> 0;
  return fmix32((baseSeed >>> 0) ^ fmix32(Math.imul(k, 0x9e3779b9)));
}

/** The seeds of replications 0..count-1. */
export function replicationSeeds(baseSeed: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => replicationSeed(baseSeed, k));
}
