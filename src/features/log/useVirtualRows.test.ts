import { describe, expect, it } from 'vitest';
import { followsAfterScroll } from './useVirtualRows.ts';

describe('followsAfterScroll: when the log keeps following its newest rows', () => {
  it('keeps following when its own jump lands short of a list that grew meanwhile', () => {
    expect(followsAfterScroll(true, false, false)).toBe(true);
  });

  it('stops when the reader scrolls up, and follows again at the bottom', () => {
    expect(followsAfterScroll(true, false, true)).toBe(false);
    expect(followsAfterScroll(false, false, false)).toBe(false);
    expect(followsAfterScroll(false, true, false)).toBe(true);
    expect(followsAfterScroll(true, true, true)).toBe(true);
  });
});
