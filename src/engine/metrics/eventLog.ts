import { requestLine } from './requestLines.ts';

/**
 * Capped, structured event log in the spirit of the original Python demo's log lines
 * ("time | level | source | message"). It keeps the newest `capacity` entries in parallel arrays
 * (no object per entry while appending) and numbers every entry with a sequence number that only
 * grows, so a UI can poll `since(lastSeq)` for what is new without re-reading the whole log.
 * Lines written for every request are kept as a code and numbers (see requestLines.ts) and become
 * text only when read, so logging costs a few stores per line, not a string.
 */

/** Severity, with Python's logging names. */
export type LogLevel = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';

/** The levels from least to most severe. */
export const LOG_LEVELS: readonly LogLevel[] = ['DEBUG', 'INFO', 'WARNING', 'ERROR'];

/** One log entry; `seq` is 0 for the first entry ever appended and grows by 1 per entry. */
export interface LogEntry {
  readonly seq: number;
  /** Simulated time in milliseconds. */
  readonly timeMs: number;
  readonly level: LogLevel;
  /** Who logged it, e.g. "Server-A" or "LoadBalancer". */
  readonly source: string;
  readonly message: string;
}

const LEVEL_CODE: Record<LogLevel, number> = { DEBUG: 0, INFO: 1, WARNING: 2, ERROR: 3 };
/** LOG_LEVELS indices, for appendCoded. */
export const INFO = 1;
export const WARNING = 2;
export const ERROR = 3;

/** The newest `capacity` log entries; older ones drop off. */
export class EventLog {
  private readonly times: Float64Array;
  private readonly levels: Uint8Array;
  private readonly sources: string[];
  /** The message of a line written as text, or the text part of a coded one. */
  private readonly messages: string[];
  /** 0 for a line written as text, else its code in requestLines.ts, with its numbers. */
  private readonly codes: Uint8Array;
  private readonly a: Float64Array;
  private readonly b: Float64Array;
  private readonly c: Float64Array;
  private appended = 0;
  /** Where the next entry goes (appended modulo capacity, kept without dividing). */
  private next = 0;
  /** Sequence number of the oldest entry held. */
  private first = 0;

  /**
   * `capacity` (default 10,000) must be a positive integer. Coded lines take their time from
   * `clock` (the simulation), not as an argument: V8 boxes a fractional argument of a call it does
   * not inline, and these are written for every request.
   */
  constructor(
    capacity = 10_000,
    private readonly clock: { readonly now: number } = { now: 0 },
  ) {
    if (!(Number.isInteger(capacity) && capacity > 0)) {
      throw new RangeError(`EventLog capacity must be a positive integer, got ${capacity}`);
    }
    this.times = new Float64Array(capacity);
    this.levels = new Uint8Array(capacity);
    this.sources = new Array<string>(capacity).fill('');
    this.messages = new Array<string>(capacity).fill('');
    this.codes = new Uint8Array(capacity);
    this.a = new Float64Array(capacity);
    this.b = new Float64Array(capacity);
    this.c = new Float64Array(capacity);
  }

  /** Maximum number of entries held. */
  get capacity(): number {
    return this.times.length;
  }

  /**
   * Number of entries ever appended, which is also the sequence number the next entry will get.
   * Not reset by clear(), so sequence numbers stay unique for the log's lifetime.
   */
  get total(): number {
    return this.appended;
  }

  /** Number of entries held now. */
  get size(): number {
    return this.appended - this.first;
  }

  /** Sequence number of the oldest entry held (equals total when empty). */
  get oldestSeq(): number {
    return this.first;
  }

  /** Appends an entry and returns its sequence number. */
  append(timeMs: number, level: LogLevel, source: string, message: string): number {
    return this.write(timeMs, LEVEL_CODE[level], 0, source, message, 0, 0, 0);
  }

  /**
   * Appends a line at the clock's time, kept as `code` (see requestLines.ts) with its numbers and
   * formatted when read; `level` is its index in LOG_LEVELS. Returns its sequence number.
   */
  appendCoded(
    level: number,
    code: number,
    source: string,
    text: string,
    a: number,
    b: number,
    c: number,
  ): number {
    return this.write(this.clock.now, level, code, source, text, a, b, c);
  }

  private write(
    timeMs: number,
    level: number,
    code: number,
    source: string,
    text: string,
    a: number,
    b: number,
    c: number,
  ): number {
    const seq = this.appended++;
    const i = this.next;
    this.next = i + 1 === this.times.length ? 0 : i + 1;
    this.times[i] = timeMs;
    this.levels[i] = level;
    this.codes[i] = code;
    this.sources[i] = source;
    this.messages[i] = text;
    this.a[i] = a;
    this.b[i] = b;
    this.c[i] = c;
    if (this.appended - this.first > this.times.length)
      this.first = this.appended - this.times.length;
    return seq;
  }

  /** The entries held with sequence number ≥ seq, oldest first (all held entries for seq ≤ 0). */
  since(seq: number): LogEntry[] {
    const start = Math.max(this.first, Math.ceil(seq));
    const out: LogEntry[] = [];
    for (let s = start; s < this.appended; s++) out.push(this.entryAt(s));
    return out;
  }

  /** Every entry held, oldest first. */
  entries(): LogEntry[] {
    return this.since(this.first);
  }

  /** Drops every entry held; sequence numbers carry on from total. */
  clear(): void {
    this.first = this.appended;
    // Release the strings for the garbage collector.
    this.sources.fill('');
    this.messages.fill('');
  }

  private entryAt(seq: number): LogEntry {
    const i = seq % this.times.length;
    return {
      seq,
      timeMs: this.times[i]!,
      level: LOG_LEVELS[this.levels[i]!]!,
      source: this.sources[i]!,
      message: requestLine(
        this.codes[i]!,
        this.sources[i]!,
        this.messages[i]!,
        this.a[i]!,
        this.b[i]!,
        this.c[i]!,
      ),
    };
  }
}

/**
 * One entry as a text line, time in simulated seconds with 3 decimals:
 * "12.402 | INFO | Server-A | Server Server-A handling request 7. Load: 3/3".
 */
export function formatLogLine(entry: LogEntry): string {
  return `${(entry.timeMs / 1000).toFixed(3)} | ${entry.level} | ${entry.source} | ${entry.message}`;
}
