import { memo } from 'react';
import type { LogEntry } from '../../engine/metrics/eventLog.ts';
import { serverColour, WARNING_TEXT_COLOUR } from '../../lib/palette.ts';
import { rowText } from './logLines.ts';

/** Props of {@link LogRow}. */
export interface LogRowProps {
  readonly entry: LogEntry;
  /** Pixel offset and height of the row in the virtual list. */
  readonly top: number;
  readonly height: number;
  /** Columns lined up (a wide list) or not (a narrow one). */
  readonly aligned: boolean;
  /** The source's server slot, or undefined when the source is not a server. */
  readonly slot: number | undefined;
}

/**
 * One log line as the original demo printed it: "time | level | source | message", with the
 * time in simulated seconds, wrapped over as many lines as it needs (see logLines.ts). The
 * separators are real text, so copying a line gives the demo's.
 */
export const LogRow = memo(function LogRow({ entry, top, height, aligned, slot }: LogRowProps) {
  const serious = entry.level === 'WARNING' || entry.level === 'ERROR';
  const t = rowText(entry, aligned);
  return (
    <div
      className={`log-row log-${entry.level.toLowerCase()}`}
      style={{ transform: `translateY(${top}px)`, height }}
      data-testid="log.row"
    >
      <span className="log-time">{t.time}</span>
      <span className="log-sep"> | </span>
      <span className="log-level" style={serious ? { color: WARNING_TEXT_COLOUR } : undefined}>
        {t.level}
      </span>
      <span className="log-sep"> | </span>
      <span
        className="log-source"
        // The server's colour as a mark over the space before its name (coloured text would be
        // too faint to read); a shadow takes no room, so the row's length stays its characters.
        style={
          slot === undefined ? undefined : { boxShadow: `inset 4px 0 0 ${serverColour(slot)}` }
        }
      >
        {t.source}
      </span>
      <span className="log-sep"> | </span>
      <span className="log-message">{t.message}</span>
    </div>
  );
});
