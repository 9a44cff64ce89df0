import { describe, expect, it } from 'vitest';
import { hashingNote } from './hashingNote.ts';

describe('hashingNote', () => {
  it('states the bound as the keys the server held, and 1/n only as the even case', () => {
    const note = hashingNote(3, 1000);
    expect(note).toContain('The keys a removed server held must all move');
    expect(note).toContain(
      'Spread exactly evenly it would be 1/3 = 33.3% on removal and 1/4 = 25.0% on adding',
    );
    expect(note).toContain('Shares are of the scenario’s 1,000 keys');
    // The old note claimed 1/n was the fewest any method can move: not true on a ring.
    expect(note).not.toMatch(/fewest any method can move is the one server/);
  });

  it('says when the shares are estimated from a sample of a large key space', () => {
    expect(hashingNote(10, 1_000_000)).toContain(
      'estimated from 200,000 of the scenario’s 1,000,000 keys',
    );
  });

  it('has no removal figure for a single server', () => {
    expect(hashingNote(1, 50)).toContain(
      'Spread exactly evenly it would be 1/2 = 50.0% on adding;',
    );
  });
});
