import { describe, expect, it } from 'vitest';
import { clockRule, clockText } from './clockRule.ts';

describe('clock times in fields', () => {
  it('reads hours, h:mm and h:mm:ss, and says what it wants otherwise', () => {
    expect(clockRule('8')).toEqual({ ok: true, value: 8 * 3_600_000 });
    expect(clockRule(' 8:30 ')).toEqual({ ok: true, value: 8.5 * 3_600_000 });
    expect(clockRule('0:00:15')).toEqual({ ok: true, value: 15_000 });
    expect(clockRule('8:75')).toEqual({
      ok: false,
      message: 'time must be hours, h:mm or h:mm:ss',
    });
    expect(clockRule('300:00').ok).toBe(false);
  });

  it('writes times back as h:mm, with seconds when there are any', () => {
    expect(clockText(8.5 * 3_600_000)).toBe('8:30');
    expect(clockText(26 * 3_600_000 + 15_000)).toBe('26:00:15');
  });
});
