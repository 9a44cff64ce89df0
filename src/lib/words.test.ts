import { describe, expect, it } from 'vitest';
import { countOf, endOfRunText, listJoin, outcomesPhrase } from './words.ts';

describe('words', () => {
  it('says one and many apart', () => {
    expect(countOf(1, 'request')).toBe('1 request');
    expect(countOf(0, 'request')).toBe('0 requests');
    expect(countOf(12_345, 'entry', 'entries')).toBe('12,345 entries');
    expect(countOf(1, 'entry', 'entries')).toBe('1 entry');
  });

  it('joins lists as a sentence does', () => {
    expect(listJoin([])).toBe('');
    expect(listJoin(['A'])).toBe('A');
    expect(listJoin(['A', 'B'])).toBe('A and B');
    expect(listJoin(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('names only the outcomes that happened, served always', () => {
    const none = { served: 0, rejected: 0, failed: 0, timedOut: 0 };
    expect(outcomesPhrase(none)).toBe('0 served');
    expect(outcomesPhrase({ ...none, served: 9, rejected: 1 })).toBe('9 served and 1 rejected');
    expect(outcomesPhrase({ served: 1200, rejected: 0, failed: 3, timedOut: 1 })).toBe(
      '1,200 served, 3 failed and 1 timed out',
    );
  });

  it('says why a run paused itself, with its numbers', () => {
    const classic = { served: 9, rejected: 1, failed: 0, timedOut: 0 };
    expect(endOfRunText(classic, 563.5, null)).toBe(
      'The run paused itself at 0.564 s: its traffic is over and every request has ended ' +
        '(10 requests: 9 served and 1 rejected). Fire a burst or set a steady rate to go on, or ' +
        'Reset to watch it again.',
    );
    expect(endOfRunText({ ...classic, served: 1, rejected: 0 }, 35_000, 35_000)).toBe(
      'The run paused itself at its set end, 35.000 s of simulated time (1 request: 1 served). ' +
        'Reset to watch it again.',
    );
    expect(endOfRunText({ served: 0, rejected: 0, failed: 0, timedOut: 0 }, 0, null)).toContain(
      '(no request arrived)',
    );
  });
});
