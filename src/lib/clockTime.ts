/**
 * Simulated time as a clock, to a tenth of a second: 0:42.3, 12:05.0, 1:02:03.4. The timeline's
 * scrubber and its labels use it, so a moment reads the same wherever it is named.
 */
export function clockTime(ms: number): string {
  const tenths = Math.max(0, Math.round(ms / 100));
  const s = Math.floor(tenths / 10) % 60;
  const m = Math.floor(tenths / 600) % 60;
  const h = Math.floor(tenths / 36_000);
  const sec = `${String(s).padStart(2, '0')}.${tenths % 10}`;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
