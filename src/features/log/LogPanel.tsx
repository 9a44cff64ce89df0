import { useCallback, useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import type { LogEntry, LogLevel } from '../../engine/metrics/eventLog.ts';
import { useApp, type AppState } from '../../store/hooks.tsx';
import { useColumn } from '../../store/serverColumn.ts';
import { LOG_BOOK_CAPACITY } from '../../store/logBook.ts';
import { formatCount } from '../../lib/format.ts';
import { countOf } from '../../lib/words.ts';
import { LogFilters, type MinLevel } from './LogFilters.tsx';
import { LogRow } from './LogRow.tsx';
import { useVirtualRows } from './useVirtualRows.ts';
import { rowLength, rowOffsets, rowText } from './logLines.ts';
import { useThrottled } from '../../lib/useThrottled.ts';
import './LogPanel.css';

/** One line of a row in px (a row is whole lines; see LogPanel.css and logLines.ts). */
const LINE_HEIGHT = 20;
/** Room a row leaves on each side, px (LogPanel.css's .log-row padding). */
const ROW_PADDING = 6;
/** From this many columns on, the time, level and source line up in columns. */
const ALIGNED_COLS = 72;
const summaryServers = (s: AppState) => s.snapshot?.summary.servers;
const nameOf = (v: { readonly name: string }) => v.name;
const RANK: Record<LogLevel, number> = { DEBUG: 0, INFO: 1, WARNING: 2, ERROR: 3 };

/** Measures one character of the list's monospace font, px, once the list is in the page. */
function useCharWidth(list: RefObject<HTMLDivElement | null>, set: (px: number) => void): void {
  useLayoutEffect(() => {
    const el = list.current;
    const context = el ? document.createElement('canvas').getContext('2d') : null;
    if (!el || !context) return;
    const style = getComputedStyle(el);
    context.font = `${style.fontSize} ${style.fontFamily}`;
    set(context.measureText('0'.repeat(100)).width / 100);
  }, [list, set]);
}

/**
 * The run's event log, "time | level | source | message" like the original demo's, filtered by
 * level and source and virtualized so that 10,000 entries scroll smoothly while the run goes on.
 * Long lines wrap (a phone shows them whole, not scrolled sideways); rows are placed by their
 * length in characters, which in a monospace font that breaks anywhere gives their height.
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
  // Rows are laid out for the list's width in characters; one line each until that is known.
  const [charWidth, setCharWidth] = useState(0);
  const place = useCallback(
    (width: number) => {
      const cols = charWidth > 0 ? Math.floor((width - 2 * ROW_PADDING) / charWidth) : 0;
      const aligned = cols === 0 || cols >= ALIGNED_COLS;
      const lengths = rows.map((e) => (cols === 0 ? 0 : rowLength(rowText(e, aligned))));
      return rowOffsets(lengths, Math.max(1, cols), LINE_HEIGHT);
    },
    // The log book grows in place: its length, not its identity, says it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rows, rows.length, charWidth],
  );
  const { ref, start, end, offsets, totalHeight, width, following, onScroll, jumpToLatest } =
    useVirtualRows(place);
  useCharWidth(ref, setCharWidth);
  const cols = charWidth > 0 ? Math.floor((width - 2 * ROW_PADDING) / charWidth) : 0;
  const aligned = cols === 0 || cols >= ALIGNED_COLS;
  const dropped = logBook.dropped;

  const visible = [];
  for (let i = start; i < end; i++) {
    const entry = rows[i]!;
    visible.push(
      <LogRow
        key={i}
        entry={entry}
        top={offsets[i]!}
        height={offsets[i + 1]! - offsets[i]!}
        aligned={aligned}
        slot={slotOf.get(entry.source)}
      />,
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
            ? `${countOf(dropped, 'earlier entry', 'earlier entries')} dropped (the log keeps the last ${formatCount(LOG_BOOK_CAPACITY)})`
            : `${countOf(dropped, 'entry', 'entries')} dropped: at this speed the run writes more lines than the page takes each frame`}
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
          <div
            className="log-spacer"
            // Rows exactly `cols` characters wide (and a hair), so each line breaks where
            // logLines.ts counted it would.
            style={{
              height: totalHeight,
              ['--log-row-width' as string]:
                cols > 0 ? `${cols * charWidth + 0.5 + 2 * ROW_PADDING}px` : undefined,
            }}
          >
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
          ? countOf(rows.length, 'entry', 'entries')
          : `${formatCount(rows.length)} of ${countOf(logBook.length, 'entry', 'entries')}`}
        {following && rows.length > 0 ? ' · following the newest' : ''}
      </p>
    </section>
  );
}
