/**
 * The steady-rate slider's scale: position 0 is off, positions 1..STEPS cover 1/s to 10,000/s
 * evenly in log terms (25 steps per decade), rounded to two significant digits so the values read
 * well (1.1, 12, 250, 4,000).
 */
export const RATE_STEPS = 100;
const DECADES = 4;

/** The rate at a slider position. */
export function rateAt(position: number): number {
  if (position <= 0) return 0;
  const raw = 10 ** ((DECADES * (position - 1)) / (RATE_STEPS - 1));
  return Number(raw.toPrecision(2));
}

/** The slider position nearest to a rate (rates under 1/s sit at the first step). */
export function positionOf(rate: number): number {
  if (rate <= 0) return 0;
  const position = 1 + ((RATE_STEPS - 1) * Math.log10(Math.max(1, rate))) / DECADES;
  return Math.min(RATE_STEPS, Math.round(position));
}
