import type { LogEntry } from '../engine/metrics/eventLog.ts';

/** Entries the page keeps for the log view; older ones drop off. */
export const LOG_BOOK_CAPACITY = 10_000;

/**
 * The page's copy of the run's log, outside React state: a frame may add hundreds of entries and
 * copying a 10,000-entry array into state every frame would cost more than drawing it. The store
 * bumps a version number instead, and the virtualized log view reads the rows it shows.
 */
export class LogBook {
  private entries: LogEntry[] = [];
  /** Entries lost to caps (the worker's or this one's). */
  dropped = 0;
  /** Every source seen since the last clear, for the log's source filter. */
  readonly sources = new Set<string>();

  get length(): number {
    return this.entries.length;
  }

  at(i: number): LogEntry | undefined {
    return this.entries[i];
  }

  /** All entries held, oldest first (the array is shared; do not mutate). */
  all(): readonly LogEntry[] {
    return this.entries;
  }

  append(entries: readonly LogEntry[], dropped: number): void {
    this.dropped += dropped;
    if (entries.length === 0) return;
    for (const e of entries) this.sources.add(e.source);
    this.entries.push(...entries);
    const over = this.entries.length - LOG_BOOK_CAPACITY;
    if (over > 0) {
      this.entries.splice(0, over);
      this.dropped += over;
    }
  }

  clear(): void {
    this.entries = [];
    this.dropped = 0;
    this.sources.clear();
  }
}
