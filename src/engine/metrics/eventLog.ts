/**
 * Capped, structured event log in the spirit of the original Python demo's log lines
 * ("time | level | source | message"). It keeps the newest `capacity` entries in parallel arrays
 * (no object per entry while appending) and numbers every entry with a sequence number that only
 * grows, so a UI can poll `since(lastSeq)` for what is new without re-reading the whole log.
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

/** The newest `capacity` log entries; older ones drop off. */
export class EventLog {
  private readonly times: Float64Array;
  private readonly levels: Uint8Array;
  private readonly sources: string[];
  private readonly messages: string[];
  private appended = 0;
  /** Sequence number of the oldest entry held. */
  private first = 0;

  /** `capacity` (default 10,000) must be a positive integer. */
  constructor(capacity = 10_000) {
    if (!(Number.isInteger(capacity) && capacity > 0)) {
      throw new RangeError(`EventLog capacity must be a positive integer, got ${capacity}`);
    }
    this.times = new Float64Array(capacity);
    this.levels = new Uint8Array(capacity);
    this.sources = new Array<string>(capacity).fill('');
    this.messages = new Array<string>(capacity).fill('');
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
    const seq = this.appended++;
    const i = seq % this.times.length;
    this.times[i] = timeMs;
    this.levels[i] = LEVEL_CODE[level];
    this.sources[i] = source;
    this.messages[i] = message;
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
      message: this.messages[i]!,
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
