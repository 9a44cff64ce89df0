import { describe, expect, it } from 'vitest';
import { allRuns, runCount, type SweepPlan } from './plan.ts';
import { runOne } from './runOne.ts';
import { assembleResult, resultJson } from './results.ts';
import { makePart, mergeParts, shardRuns, type SweepPart } from './shard.ts';
import { planOf, smallSweep } from './testing/planOf.ts';

const plan = planOf(smallSweep());
const figures = allRuns(plan.header).map((i) => runOne(plan, i));
const whole = resultJson(assembleResult(plan.header, figures));

/** A shard's part as saved and read back by the CLI (through JSON text). */
function savedPart(p: SweepPlan, index: number, count: number): unknown {
  const own = new Array<(typeof figures)[number] | undefined>(runCount(p.header));
  for (const run of shardRuns(p.header, { index, count })) own[run] = runOne(p, run);
  return JSON.parse(JSON.stringify(makePart(p, { index, count }, own))) as unknown;
}

describe('shards', () => {
  it('take every n-th run from the i-th, together each run exactly once', () => {
    expect(shardRuns(plan.header, { index: 2, count: 5 })).toEqual([1, 6, 11, 16, 21, 26]);
    const seen = [1, 2, 3, 4, 5].flatMap((index) => shardRuns(plan.header, { index, count: 5 }));
    expect(seen.sort((a, b) => a - b)).toEqual(allRuns(plan.header));
    // More shards than runs: the last ones are empty, not an error.
    expect(shardRuns(plan.header, { index: 40, count: 40 })).toEqual([]);
  });

  it('merged give byte for byte the JSON of the whole run, in any order', () => {
    for (const count of [1, 2, 3, 7, 30]) {
      const parts = Array.from({ length: count }, (_, i) => ({
        source: `part${i + 1}.json`,
        data: savedPart(plan, i + 1, count),
      })).reverse();
      const merged = mergeParts(parts);
      expect(merged.ok && resultJson(merged.result)).toBe(whole);
    }
  });
});

describe('merging refuses parts that do not make one sweep', () => {
  const parts = [1, 2, 3].map((i) => ({ source: `p${i}.json`, data: savedPart(plan, i, 3) }));
  const problems = (list: { source: string; data: unknown }[]) => {
    const merged = mergeParts(list);
    return merged.ok
      ? []
      : merged.problems.map((p) => `${p.source ?? '*'} ${p.path}: ${p.message}`);
  };

  it('a missing shard, or one given twice', () => {
    expect(problems([parts[0]!, parts[2]!])).toEqual(['* : shard 2/3 is missing']);
    expect(problems([...parts, { source: 'again.json', data: parts[1]!.data }])).toEqual([
      'again.json shard.index: shard 2/3 is also p2.json',
    ]);
  });

  it('a part of another sweep, or of another split of this one', () => {
    const other = planOf(smallSweep({ seed: 8 }));
    expect(
      problems([...parts.slice(0, 2), { source: 'x.json', data: savedPart(other, 3, 3) }]),
    ).toEqual([
      'x.json fingerprint: comes from another sweep than p1.json (or another version of it)',
    ]);
    expect(problems([...parts, { source: 'y.json', data: savedPart(plan, 1, 2) }])).toEqual([
      'y.json shard.count: is 2, but p1.json splits the sweep into 3',
    ]);
  });

  it('a run missing, foreign, repeated or malformed', () => {
    const edit = (f: (part: SweepPart & { runs: unknown[] }) => void) => {
      const data = structuredClone(parts[0]!.data) as SweepPart & { runs: unknown[] };
      f(data);
      return problems([{ source: 'p1.json', data }, parts[1]!, parts[2]!]);
    };
    expect(edit((p) => p.runs.pop())).toEqual([
      'p1.json runs: misses 1 of its runs (first: run 24)',
    ]);
    expect(edit((p) => ((p.runs[0] as { run: number }).run = 1))).toEqual([
      "p1.json runs[0].run: must be one of this shard's runs (0, 3, …)",
      'p1.json runs: misses 1 of its runs (first: run 0)',
    ]);
    expect(edit((p) => p.runs.push(p.runs[1]))).toEqual([
      'p1.json runs[9].run: run 3 is listed twice',
    ]);
    expect(
      edit((p) => ((p.runs[2] as { figures: Record<string, unknown> }).figures.p99Ms = 'slow')),
    ).toEqual([
      'p1.json runs[2].figures.p99Ms: must be a number or null',
      'p1.json runs: misses 1 of its runs (first: run 6)',
    ]);
  });

  it('something that is not a part at all', () => {
    expect(problems([{ source: 'whole.json', data: JSON.parse(whole) }])).toEqual([
      'whole.json : is not a sweep part (save each shard with `npm run sweep -- <sweep.json> --json --shard i/n`)',
    ]);
    expect(problems([])).toEqual(['* : no parts given']);
  });
});
