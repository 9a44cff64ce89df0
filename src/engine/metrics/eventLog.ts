import type { PoolView } from '../poolView.ts';
import { LogSources } from './logSources.ts';
import { requestLine } from './requestLines.ts';

/**
 * Capped, structured event log in the spirit of the original Python demo's log lines
 * ("time | level | source | message"). It keeps the newest `capacity` entries as numbers in a
 * ring (no object per entry while appending) and numbers every entry with a sequence number that
 * only grows, so a UI can poll `since(lastSeq)` for what is new without re-reading the whole log.
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

/** What server lines read their names from: the pool's names and its version (see PoolView). */
export type ServerNames = Pick<PoolView, 'names' | 'version'>;

/** Numbers a line keeps in `cells`: time, head (level, code, has text), source, a, b, c. */
const STRIDE = 6;
/** head = level + LEVELS × code (+ HAS_TEXT when the line has a text part). */
const LEVELS = 4;
const HAS_TEXT = 1024;

/**
 * The newest `capacity` log entries; older ones drop off. A line is six numbers in one typed
 * array (no strings stored, so no write barrier: see logSources.ts); a text (a line written as
 * text, or the text part of a coded one) is kept beside it only when there is one.
 */
export class EventLog {
  private readonly cells: Float64Array;
  private readonly texts: string[];
  private readonly sources: LogSources;
  /** Where server lines take their names (see nameServersFrom). */
  private servers: ServerNames = { names: [], version: 0 };
  /**
   * Each slot's name number for server lines (-1: not looked up yet), valid while the servers'
   * version is `slotsVersion`: a line then finds its name with a load and a comparison, no
   * hashing and no string compared. A new version (a server added, removed or renamed) or a new
   * numbering of the names (renumberSources, clear) starts it again.
   */
  private slotIds = new Int32Array(0);
  private slotsVersion = -1;
  private appended = 0;
  /** Where the next entry's cells start (the line's place × STRIDE, kept without dividing). */
  private at = 0;
  /** `appended` when the log was last cleared: entries before it are not held. */
  private clearedAt = 0;

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
    this.cells = new Float64Array(capacity * STRIDE);
    this.texts = new Array<string>(capacity).fill('');
    this.sources = new LogSources(2 * capacity + 64, () => this.renumberSources());
  }

  /** Maximum number of entries held. */
  get capacity(): number {
    return this.texts.length;
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
    return this.appended - this.oldestSeq;
  }

  /** Sequence number of the oldest entry held (equals total when empty). */
  get oldestSeq(): number {
    return Math.max(this.clearedAt, this.appended - this.texts.length);
  }

  /** Distinct sources the log keeps names for (bounded: see LogSources). */
  get sourceNames(): number {
    return this.sources.size;
  }

  /** Appends an entry and returns its sequence number. */
  append(timeMs: number, level: LogLevel, source: string, message: string): number {
    return this.write(timeMs, LEVEL_CODE[level], 0, this.sources.intern(source), message, 0, 0, 0);
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
    const id = this.sources.intern(source);
    return this.write(this.clock.now, level, code, id, text, a, b, c);
  }

  /** Server lines name the server in their slot as `servers` does (the simulation's pool). */
  nameServersFrom(servers: ServerNames): void {
    this.servers = servers;
    this.slotsVersion = -1;
  }

  /**
   * appendCoded for an INFO line of the server in `slot` (named as in nameServersFrom) with no
   * text part: the lines written for every request ("handling", "completed", "queued"). The
   * stores are made here, not through `write`, which V8 leaves as a call of eight arguments.
   */
  serverLine(code: number, slot: number, a: number, b: number, c: number): void {
    const ids = this.slotIds;
    let source = this.servers.version === this.slotsVersion ? ids[slot]! : -1;
    if (source < 0) source = this.learn(slot);
    const cells = this.cells;
    const at = this.at;
    // STRIDE and LEVELS written out: V8 loads a module constant, with a check, at every use.
    this.at = at + 6 === cells.length ? 0 : at + 6;
    this.appended++;
    cells[at] = this.clock.now;
    cells[at + 1] = 1 + 4 * code; // INFO + LEVELS × code
    cells[at + 2] = source;
    cells[at + 3] = a;
    cells[at + 4] = b;
    cells[at + 5] = c;
  }

  /** serverLine's source when `slot`'s number is not known for the servers' version. */
  private learn(slot: number): number {
    const servers = this.servers;
    if (servers.version !== this.slotsVersion) {
      this.slotIds = new Int32Array(servers.names.length).fill(-1);
      this.slotsVersion = servers.version;
    }
    // Interning may renumber the names (renumberSources), which starts slotIds again.
    const id = this.sources.intern(servers.names[slot]!);
    this.slotIds[slot] = id;
    return id;
  }

  private write(
    timeMs: number,
    level: number,
    code: number,
    source: number,
    text: string,
    a: number,
    b: number,
    c: number,
  ): number {
    const cells = this.cells;
    const at = this.at;
    this.at = at + STRIDE === cells.length ? 0 : at + STRIDE;
    cells[at] = timeMs;
    cells[at + 1] = level + LEVELS * code + (text === '' ? 0 : HAS_TEXT);
    cells[at + 2] = source;
    cells[at + 3] = a;
    cells[at + 4] = b;
    cells[at + 5] = c;
    if (text !== '') this.texts[at / STRIDE] = text;
    return this.appended++;
  }

  /** The entries held with sequence number ≥ seq, oldest first (all held entries for seq ≤ 0). */
  since(seq: number): LogEntry[] {
    const start = Math.max(this.oldestSeq, Math.ceil(seq));
    const out: LogEntry[] = [];
    for (let s = start; s < this.appended; s++) out.push(this.entryAt(s));
    return out;
  }

  /** Every entry held, oldest first. */
  entries(): LogEntry[] {
    return this.since(this.oldestSeq);
  }

  /** Drops every entry held; sequence numbers carry on from total. */
  clear(): void {
    this.clearedAt = this.appended;
    // Release the strings for the garbage collector.
    this.texts.fill('');
    this.resetSources([]);
  }

  private entryAt(seq: number): LogEntry {
    const i = seq % this.texts.length;
    const at = i * STRIDE;
    const cells = this.cells;
    const head = cells[at + 1]!;
    const level = head % LEVELS;
    const code = Math.floor((head % HAS_TEXT) / LEVELS);
    const source = this.sources.name(cells[at + 2]!);
    const text = head >= HAS_TEXT ? this.texts[i]! : '';
    return {
      seq,
      timeMs: cells[at]!,
      level: LOG_LEVELS[level]!,
      source,
      message: requestLine(code, source, text, cells[at + 3]!, cells[at + 4]!, cells[at + 5]!),
    };
  }

  /** The source table starts again from `names`: every slot's number is looked up again. */
  private resetSources(names: string[]): void {
    this.sources.reset(names);
    this.slotIds.fill(-1);
  }

  /**
   * The source table is full (LogSources): keeps only the names that held lines use, renumbered
   * in the order the lines name them, and writes the new numbers into those lines.
   */
  private renumberSources(): void {
    const names: string[] = [];
    const renumbered = new Map<number, number>();
    const cells = this.cells;
    for (let seq = this.oldestSeq; seq < this.appended; seq++) {
      const at = (seq % this.texts.length) * STRIDE + 2;
      const old = cells[at]!;
      let id = renumbered.get(old);
      if (id === undefined) {
        id = names.length;
        names.push(this.sources.name(old));
        renumbered.set(old, id);
      }
      cells[at] = id;
    }
    this.resetSources(names);
  }
}

/**
 * One entry as a text line, time in simulated seconds with 3 decimals:
 * "12.402 | INFO | Server-A | Server Server-A handling request 7. Load: 3/3".
 */
export function formatLogLine(entry: LogEntry): string {
  return `${(entry.timeMs / 1000).toFixed(3)} | ${entry.level} | ${entry.source} | ${entry.message}`;
}
