import { describe, expect, it } from 'vitest';
import { PRESETS } from '../engine/scenario/presets.ts';
import { SWEEP_PRESETS } from '../engine/sweep/presets.ts';
import { presetList } from './presetList.ts';
import { TEXT_COLUMNS } from './terminalText.ts';

describe('the --list of presets', () => {
  it('wraps each description under the others, indented past the longest id', () => {
    const text = presetList(
      [
        { id: 'a', description: 'one two three four five six' },
        { id: 'longer-id', description: 'seven' },
      ],
      31,
    );
    // 31 columns less an indent of 11 (the longest id, 9, and two spaces) leave 20 for text.
    expect(text).toBe(
      'a          one two three four\n' + '           five six\n' + 'longer-id  seven\n',
    );
  });

  for (const [name, presets] of [
    ['scenario presets', PRESETS],
    ['sweep presets', SWEEP_PRESETS],
  ] as const) {
    it(`shows every one of the ${name} whole, within ${TEXT_COLUMNS} columns`, () => {
      const lines = presetList(presets).trimEnd().split('\n');
      expect(lines.filter((l) => l.length > TEXT_COLUMNS)).toEqual([]);
      const starts = lines.filter((l) => !l.startsWith(' '));
      expect(starts.map((l) => l.split(' ')[0])).toEqual(presets.map((p) => p.id));
      // The words, read back in order, are the descriptions' words.
      const words = (s: string) => s.split(/\s+/).filter(Boolean);
      expect(words(lines.join(' '))).toEqual(
        presets.flatMap((p) => [p.id, ...words(p.description)]),
      );
    });
  }
});
