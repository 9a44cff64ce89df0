import { describe, expect, it } from 'vitest';
import { wrapWords } from './wrapWords.ts';

describe('wrapWords', () => {
  it('fills each line with as many words as fit, a space between them', () => {
    expect(wrapWords('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapWords('one two three four', 13)).toEqual(['one two three', 'four']);
  });

  it('gives a word longer than a line a line of its own, uncut', () => {
    expect(wrapWords('a extraordinarily b', 5)).toEqual(['a', 'extraordinarily', 'b']);
  });

  it('reads any run of white space as one break, and no words as no lines', () => {
    expect(wrapWords('  one\ttwo \n three ', 20)).toEqual(['one two three']);
    expect(wrapWords('   ', 20)).toEqual([]);
  });
});
