import type { LogEntry } from '../../engine/metrics/eventLog.ts';

/**
 * The log's rows as text and how many lines each takes when wrapped. The log is set in a
 * monospace font and breaks anywhere (as a terminal does), so a row of n characters in a list
 * `cols` characters wide takes exactly ceil(n / cols) lines: the virtualized list can place every
 * row without measuring it.
 */

/** A marker in text, so WARNING and ERROR stand out without relying on colour. */
export const MARKER: Record<LogEntry['level'], string> = {
  DEBUG: '',
  INFO: '',
  WARNING: '▲ ',
  ERROR: '✖ ',
};

/** Column widths in characters when the list is wide enough to line the columns up. */
const TIME_COLS = 8;
const LEVEL_COLS = 9;
const SOURCE_COLS = 9;

/** One row's parts as shown: "   0.412 | INFO      |  Server-A  | Request 3 …". */
export interface LogRowText {
  readonly time: string;
  readonly level: string;
  /** Starts with a space, which carries the server's colour mark. */
  readonly source: string;
  readonly message: string;
}

/** The row's parts, padded into columns when `aligned` (a wide list), unpadded when narrow. */
export function rowText(entry: LogEntry, aligned: boolean): LogRowText {
  const time = (entry.timeMs / 1000).toFixed(3);
  const level = `${MARKER[entry.level]}${entry.level}`;
  const source = ` ${entry.source}`;
  return aligned
    ? {
        time: time.padStart(TIME_COLS),
        level: level.padEnd(LEVEL_COLS),
        source: source.padEnd(SOURCE_COLS + 1),
        message: entry.message,
      }
    : { time, level, source, message: entry.message };
}

/** Characters in a row: its parts and the three " | " separators. */
export function rowLength(t: LogRowText): number {
  return t.time.length + t.level.length + t.source.length + t.message.length + 9;
}

/** Lines a row of `length` characters takes in a list `cols` characters wide. */
export function linesOf(length: number, cols: number): number {
  return Math.max(1, Math.ceil(length / Math.max(1, cols)));
}

/**
 * Where each row starts: offsets[i] is row i's top in px, offsets[n] the list's height. Rows are
 * whole lines of `lineHeight` px.
 */
export function rowOffsets(
  lengths: ArrayLike<number>,
  cols: number,
  lineHeight: number,
): Float64Array {
  const offsets = new Float64Array(lengths.length + 1);
  for (let i = 0; i < lengths.length; i++)
    offsets[i + 1] = offsets[i]! + linesOf(lengths[i]!, cols) * lineHeight;
  return offsets;
}

/** The row at height `y` of the list (the last row for y past the end). */
export function rowAt(offsets: Float64Array, y: number): number {
  const n = offsets.length - 1;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, Math.max(0, n - 1));
}
