import { describe, expect, it } from 'vitest';
import { locateRun, runCount } from './plan.ts';
import { replicationSeed, replicationSeeds } from './seeds.ts';
import { planOf, smallSweep } from './testing/planOf.ts';

describe('replication seeds', () => {
  it('replication 0 runs the base seed itself, so it is `npm run sim` of the point', () => {
    expect(replicationSeed(42, 0)).toBe(42);
    expect(replicationSeed(0, 0)).toBe(0);
    expect(replicationSeed(4_294_967_295, 0)).toBe(4_294_967_295);
  });

  it('are fixed by the base seed and k (results files depend on them: changing this is a format change)', () => {
    expect(replicationSeeds(42, 4)).toEqual([42, 2695453446, 182059875, 1341309151]);
    expect(replicationSeeds(42, 4)).toEqual(replicationSeeds(42, 4));
  });

  it('are distinct 32-bit seeds for every replication a sweep may ask for', () => {
    for (const base of [0, 1, 42, 0xffffffff]) {
      const seeds = replicationSeeds(base, 1000);
      expect(new Set(seeds).size).toBe(1000);
      for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s <= 0xffffffff).toBe(true);
    }
  });

  it('differ between neighbouring base seeds (no shifted copies of one sequence)', () => {
    const a = replicationSeeds(42, 100);
    const b = new Set(replicationSeeds(43, 100));
    expect(a.filter((s) => b.has(s))).toEqual([]);
  });

  it('are shared by every strategy and value of a sweep (common random numbers)', () => {
    const plan = planOf(smallSweep({ seed: 99 }));
    const { header } = plan;
    expect(header.seeds).toEqual(replicationSeeds(99, 3));
    // Every variant carries the sweep's base seed; a run replaces it by its replication's only.
    for (const v of plan.variants) expect(v.seed).toBe(99);
    const byReplication = new Map<number, Set<number>>();
    for (let i = 0; i < runCount(header); i++) {
      const at = locateRun(header, i);
      const set = byReplication.get(at.replication) ?? new Set();
      set.add(header.seeds[at.replication]!);
      byReplication.set(at.replication, set);
    }
    for (const seeds of byReplication.values()) expect(seeds.size).toBe(1);
  });
});
