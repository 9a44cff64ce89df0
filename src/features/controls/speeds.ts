import type { Speed } from '../../worker/protocol.ts';

/** The speeds the speed menu offers, slowest first: simulated time per real time, or as fast as possible. */
export const SPEEDS: readonly Speed[] = [0.1, 0.25, 0.5, 1, 2, 5, 10, 100, 1000, 'max'];

/**
 * The next speed in the menu, one step faster (`+1`) or slower (`-1`), staying at either end; a
 * speed the menu lacks (set by a lesson) moves to its neighbour in the menu.
 */
export function stepSpeed(speed: Speed, direction: 1 | -1): Speed {
  const rank = (s: Speed) => (s === 'max' ? Infinity : s);
  const value = rank(speed);
  if (direction > 0) return SPEEDS.find((s) => rank(s) > value) ?? 'max';
  return [...SPEEDS].reverse().find((s) => rank(s) < value) ?? SPEEDS[0]!;
}

/** "10×", "0.25×", or "max". */
export function speedLabel(speed: Speed): string {
  return speed === 'max' ? 'max' : `${speed}×`;
}
