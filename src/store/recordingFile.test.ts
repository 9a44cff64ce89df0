import { describe, expect, it } from 'vitest';
import type { Recording } from '../worker/protocol.ts';
import { recordingFileText } from './recordingFile.ts';

describe('recordingFileText', () => {
  const rec: Recording = {
    version: 1,
    scenario: { name: 'Classic demo', seed: 42, servers: [{ name: 'A', capacity: 3 }] },
    seed: 42,
    actions: [
      { at: 0.1 + 0.2, afterEvents: 3, command: { type: 'fireBurst', count: 100_000 } },
      { at: 1234.5, afterEvents: 99, command: { type: 'killServer', slot: 2 } },
    ],
    end: { at: 2000, afterEvents: 150 },
    truncated: false,
  };

  it('is JSON that reads back as the same recording, times exact to the last bit', () => {
    expect(JSON.parse(recordingFileText(rec))).toEqual(rec);
    expect(JSON.parse(recordingFileText({ ...rec, actions: [], end: null }))).toEqual({
      ...rec,
      actions: [],
      end: null,
    });
  });

  it('writes one action per line', () => {
    const lines = recordingFileText(rec).split('\n');
    expect(lines.filter((l) => l.includes('"afterEvents"')).length).toBe(3); // 2 actions + end
  });
});
