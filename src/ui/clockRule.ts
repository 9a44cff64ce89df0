import type { Rule } from './fieldRules.ts';

/**
 * Simulated times typed as a clock: "8", "8:30" or "8:30:15" (hours, minutes, seconds since the
 * run's start, or since the start of the day for a daily schedule), so a day's events are set the
 * way people say them instead of in milliseconds.
 */
export const clockRule: Rule<number> = (text) => {
  const m = /^\s*(\d{1,6})(?::([0-5]?\d))?(?::([0-5]?\d))?\s*$/.exec(text);
  if (!m) return { ok: false, message: 'time must be hours, h:mm or h:mm:ss' };
  const ms = (Number(m[1]) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 1000;
  return ms <= 1e9
    ? { ok: true, value: ms }
    : { ok: false, message: 'time must be at most 277:46:40 (the longest run)' };
};

/** A time as the field shows it: h:mm, or h:mm:ss when it has seconds. */
export function clockText(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
  const s = total % 60;
  return s === 0 ? `${h}:${m}` : `${h}:${m}:${String(s).padStart(2, '0')}`;
}
