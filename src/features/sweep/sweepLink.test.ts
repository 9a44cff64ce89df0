import { describe, expect, it } from 'vitest';
import { SWEEP_PRESETS } from '../../engine/sweep/presets.ts';
import { decodeSweepHash, encodeSweepHash } from './sweepLink.ts';

describe('sweep share links', () => {
  it('carry a sweep file there and back', async () => {
    const file = SWEEP_PRESETS[0]!.raw;
    const encoded = await encodeSweepHash(file);
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    expect(encoded.hash).toMatch(/^#sweep=[A-Za-z0-9_-]+$/);
    expect(await decodeSweepHash(encoded.hash)).toEqual({ kind: 'ok', raw: file });
  });

  it('leave other hashes alone and refuse damaged links with a sentence', async () => {
    expect(await decodeSweepHash('#s=abc')).toEqual({ kind: 'none' });
    expect(await decodeSweepHash('')).toEqual({ kind: 'none' });
    const encoded = await encodeSweepHash({ a: 1 });
    if (!encoded.ok) throw new Error('encoding failed');
    // A code one character into a group of four was cut off (atob would throw on it).
    for (const bad of ['#sweep=', '#sweep=***', '#sweep=abcde', encoded.hash.slice(0, -4)]) {
      const r = await decodeSweepHash(bad);
      expect(r.kind).toBe('error');
    }
  });
});
