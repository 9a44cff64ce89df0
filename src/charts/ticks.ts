import type { TickScale } from './Axis.tsx';

/** Ticks of a count axis without fractions (a server cannot hold 1.5 requests). */
export function integerTicks(scale: TickScale, count: number): number[] {
  return scale.ticks(count).filter((t) => Number.isInteger(t));
}

/** Seconds on a time axis, without trailing zeros: 0, 2.5, 10. */
export function formatSeconds(s: number): string {
  return String(+s.toFixed(2));
}

/** A compact number for tick labels: 950, 1.2k, 35k. */
export function formatTick(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${+(v / 1e6).toFixed(1)}M`;
  if (a >= 1e4) return `${+(v / 1e3).toFixed(0)}k`;
  if (a >= 1e3) return `${+(v / 1e3).toFixed(1)}k`;
  return String(+v.toPrecision(3));
}

/** Plot margins shared by the time charts, so stacked charts line up on the x axis. */
export const TIME_MARGIN = { top: 8, right: 12, bottom: 36, left: 48 } as const;
