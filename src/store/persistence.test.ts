import { describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, Autosaver, readAutosave } from './persistence.ts';
import type { KeyValueStore, PageEnv } from './types.ts';

const KEY = 'balancer-playground.autosave';
const STALE = 'balancer-playground.autosave-stale';

/** A page over `data`; writes of more than `room` characters fail as a full storage does. */
function page(data: Map<string, string>, room = Infinity): PageEnv {
  const storage: KeyValueStore = {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      if (v.length > room) throw new DOMException('quota', 'QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
  };
  return {
    storage: () => storage,
    address: () => ({ href: 'http://p.test/', origin: 'http://p.test', pathname: '/' }),
    replaceAddress: () => undefined,
    copy: async () => true,
    download: () => undefined,
    onLeave: () => undefined,
  };
}

const setup = (name: string) => ({ scenario: { version: 1 as const, name }, presetId: null });

describe('readAutosave', () => {
  it('refuses a deeply nested autosave with a sentence, not a stack overflow', () => {
    const deep = `{"format":1,"scenario":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const read = readAutosave(page(new Map([[KEY, deep]])));
    expect(read.kind).toBe('error');
    expect(read.kind === 'error' && read.message).toMatch(
      /^The autosaved setup nests lists and objects 100,?001 levels deep.*It was not restored\.$/,
    );
  });
});

describe('Autosaver', () => {
  it('keeps saying so while storage stays full, and marks the saved setup as stale', () => {
    vi.useFakeTimers();
    try {
      const data = new Map<string, string>();
      const errors: string[] = [];
      const saver = new Autosaver(
        page(data, 75),
        (m) => errors.push(m),
        () => 0,
      );
      saver.schedule(setup('fits'));
      vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
      expect(errors).toEqual([]);
      saver.schedule(setup('a name long enough not to fit in the storage left'));
      vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
      saver.schedule(setup('another name long enough not to fit in the storage'));
      vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
      expect(errors[0]).toBe(
        'Your setup could not be autosaved (storage is full); export it to keep it.',
      );
      expect(errors[1]).toMatch(
        /^Your setup has not been autosaved since \d\d:\d\d \(storage is full\): 2 changes are not saved\./,
      );
      // The older setup is still there, marked as older than the person's work.
      const read = readAutosave(page(data));
      expect(read.kind === 'ok' && read.saved.scenario.name).toBe('fits');
      expect(read.kind === 'ok' && read.staleSince).toBe(0);
      // Once a write fits again the mark goes.
      saver.schedule(setup('short'));
      vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
      expect(data.has(STALE)).toBe(false);
      expect(errors).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
