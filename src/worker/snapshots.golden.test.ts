import { describe, expect, it } from 'vitest';
import { SESSION_CASES, withSeed } from '../engine/golden/cases.ts';
import golden from './snapshots.golden.json';
import { traceSession } from './testing/snapshotTrace.ts';

/*
 * Every snapshot the page receives while a session plays, pinned by golden fingerprints written
 * by scripts/writeGolden.ts: how the worker builds them (lazy log lines, explanations, series)
 * may change; what the page reads may not.
 */
describe('golden snapshots of a playing session', () => {
  it.each(SESSION_CASES.map((c) => [`${c.id} at ${c.speed}x`, c] as const))('%s', (_label, c) => {
    expect(traceSession(withSeed(c), c.speed, c.frames)).toEqual(
      (golden as Record<string, unknown>)[c.id],
    );
  });
});
