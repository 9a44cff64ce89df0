import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as phases from './engine/requestTable.ts';
import * as outcomes from './engine/simulation/simCore.ts';

/** The names of the numbers the engine's hot path writes (see the top of simulation/core.ts). */
const NAMED: Record<string, unknown> = { ...phases, ...outcomes };

/** Each `2; // IN_SERVICE` and `0 /* SERVED *\/` in a file: the number and the name it is for. */
function literalsIn(file: string): { value: number; name: string }[] {
  const text = readFileSync(new URL(file, import.meta.url), 'utf8');
  const found: { value: number; name: string }[] = [];
  for (const m of text.matchAll(
    /\b(\d+);? \/\/ ([A-Z][A-Z_]+)\b|\b(\d+) \/\* ([A-Z][A-Z_]+) \*\//g,
  ))
    found.push({ value: Number(m[1] ?? m[3]), name: m[2] ?? m[4]! });
  return found;
}

describe('numbers the hot path writes for named phases and outcomes', () => {
  const files = [
    './engine/simulation/core.ts',
    './engine/simulation/sender.ts',
    './engine/requestTable.ts',
  ];

  it('stand for the numbers those names have', () => {
    const all = files.flatMap((f) => literalsIn(f).map((l) => ({ file: f, ...l })));
    // core.ts writes IN_SERVICE, NOWHERE and SERVED (and its header shows one); sender.ts QUEUED.
    expect(new Set(all.map((l) => l.name))).toEqual(
      new Set(['IN_SERVICE', 'NOWHERE', 'QUEUED', 'SERVED']),
    );
    for (const l of all) expect({ ...l, is: NAMED[l.name] }).toEqual({ ...l, is: l.value });
  });

  it('include the phase the table frees a row in', () => {
    // releaseIfDone compares with 0 and says in words that 0 is NOWHERE.
    expect(phases.NOWHERE).toBe(0);
    expect(readFileSync(new URL('./engine/requestTable.ts', import.meta.url), 'utf8')).toContain(
      '0 is NOWHERE',
    );
  });
});
