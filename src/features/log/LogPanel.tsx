import { useMemo, useState } from 'react';
import type { LogEntry, LogLevel } from '../../engine/metrics/eventLog.ts';
import { useApp, type AppState } from '../../store/hooks.tsx';
import { useColumn } from '../../store/serverColumn.ts';
import { LOG_BOOK_CAPACITY } from '../../store/logBook.ts';
import { formatCount } from '../../lib/format.ts';
import { LogFilters, type MinLevel } from './LogFilters.tsx';
import { LogRow } from './LogRow.tsx';
import { useVirtualRows } from './useVirtualRows.ts';
import { useThrottled } from '../../lib/useThrottled.ts';
import './LogPanel.css';

/** Fixed row height in px; the windowing relies on every row having it (see LogPanel.css). */
const ROW_HEIGHT = 20;
const summaryServers = (s: AppState) => s.snapshot?.summary.servers;
const nameOf = (v: { readonly name: string }) => v.name;
const RANK: Record<LogLevel, number> = { DEBUG: 0, INFO: 1, WARNING: 2, ERROR: 3 };

/**
 * The run's event log, "time | level | source | message" like the original demo's, filtered by
 * level and source and virtualized so that 10,000 entries scroll smoothly while the run goes on.
 */
export function LogPanel() {
  // Nobody reads sixty log lines a second: refresh the view at most five times a second, which
  // also keeps its scroll-to-bottom layout off most frames of a busy run.
  const logVersion = useThrottled(
    useApp((s) => s.logVersion),
    200,
  );
  // Index = slot (slots never move), so rows of removed servers keep their colour too.
  const serverNames = useColumn(summaryServers, nameOf);
  const logBook = useApp((s) => s.logBook);
  const [minLevel, setMinLevel] = useState<MinLevel>('DEBUG');
  const [source, setSource] = useState('all');

  // The log book lives outside React state; logVersion tells when to read it again.
  const { rows, sources } = useMemo(() => {
    void logVersion;
    const all = logBook.all();
    const keep = (e: LogEntry) =>
      RANK[e.level] >= RANK[minLevel] && (source === 'all' || e.source === source);
    // Unfiltered, the book's own array serves (the list only reads rows in view).
    const filtered = minLevel === 'DEBUG' && source === 'all' ? all : all.filter(keep);
    return { rows: filtered, sources: [...logBook.sources].sort() };
  }, [logVersion, minLevel, source, logBook]);

  const slotOf = useMemo(
    () => new Map(serverNames.map((name, slot) => [name, slot])),
    [serverNames],
  );
  const { ref, start, end, totalHeight, following, onScroll, jumpToLatest } = useVirtualRows(
    rows.length,
    ROW_HEIGHT,
  );
  const dropped = logBook.dropped;

  const visible = [];
  for (let i = start; i < end; i++) {
    const entry = rows[i]!;
    visible.push(
      <LogRow key={i} entry={entry} top={i * ROW_HEIGHT} slot={slotOf.get(entry.source)} />,
    );
  }

  return (
    <section className="panel log-panel" aria-labelledby="log-title">
      <div className="log-head">
        <h2 id="log-title">Event log</h2>
        <LogFilters
          minLevel={minLevel}
          source={source}
          sources={sources}
          onMinLevel={setMinLevel}
          onSource={setSource}
        />
      </div>
      {dropped > 0 && (
        <p className="log-note" data-testid="log.dropped">
          {logBook.length >= LOG_BOOK_CAPACITY
            ? `${formatCount(dropped)} earlier entries dropped (the log keeps the last ${formatCount(LOG_BOOK_CAPACITY)})`
            : `${formatCount(dropped)} entries dropped: at this speed the run writes more lines than the page takes each frame`}
        </p>
      )}
      <div className="log-frame">
        {/* aria-live off: a live region announcing hundreds of lines a second helps nobody. */}
        <div
          ref={ref}
          className="log-list"
          role="log"
          aria-label="Event log entries"
          aria-live="off"
          tabIndex={0}
          data-testid="log.list"
          onScroll={onScroll}
        >
          <div className="log-spacer" style={{ height: totalHeight }}>
            {visible}
          </div>
          {rows.length === 0 && (
            <p className="log-empty">
              {logBook.length === 0
                ? 'No entries yet: they appear as simulated time moves.'
                : 'No entries match these filters.'}
            </p>
          )}
        </div>
        {!following && (
          <button type="button" className="log-jump" data-testid="log.jump" onClick={jumpToLatest}>
            ↓ Jump to latest
          </button>
        )}
      </div>
      <p className="log-count">
        {rows.length === logBook.length
          ? `${formatCount(rows.length)} entries`
          : `${formatCount(rows.length)} of ${formatCount(logBook.length)} entries`}
        {following && rows.length > 0 ? ' · following the newest' : ''}
      </p>
    </section>
  );
}
