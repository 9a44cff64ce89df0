import { createContext } from 'react';

/** A value theory predicts, drawn as a labelled reference line next to what was measured. */
export interface ChartReference {
  readonly value: number;
  /** Says which formula, e.g. "Che" or "M/M/1 mean". */
  readonly label: string;
}

/**
 * The reference line of the cache hit-rate sparkline, provided by the cache panel around its
 * stats (the sparkline sits inside them), read by HitRateSparkline when no prop is given.
 */
export const HitRateReferenceContext = createContext<ChartReference | null>(null);
