import { describe, expect, it } from 'vitest';
import { readPageAddress } from './pageAddress.ts';

describe('readPageAddress', () => {
  it('reads the motion flag, the preset and the share link from one address', () => {
    expect(readPageAddress({ hash: '#s=abc', search: '?motion=0&preset=burst' })).toEqual({
      motion: false,
      startup: { hash: '#s=abc', preset: 'burst' },
    });
  });

  it('keeps animation on and asks for no preset when the query string says nothing', () => {
    expect(readPageAddress({ hash: '', search: '' })).toEqual({
      motion: true,
      startup: { hash: '', preset: null },
    });
    expect(readPageAddress({ hash: '', search: '?motion=1' }).motion).toBe(true);
  });
});
