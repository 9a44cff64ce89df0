import { memo } from 'react';
import type { LogEntry } from '../../engine/metrics/eventLog.ts';
import { serverColour, WARNING_TEXT_COLOUR } from '../../lib/palette.ts';

/** Props of {@link LogRow}. */
export interface LogRowProps {
  readonly entry: LogEntry;
  /** Pixel offset of the row in the virtual list. */
  readonly top: number;
  /** The source's server slot, or undefined when the source is not a server. */
  readonly slot: number | undefined;
}

/** A marker in text, so WARNING and ERROR stand out without relying on colour. */
const MARKER: Record<LogEntry['level'], string> = {
  DEBUG: '',
  INFO: '',
  WARNING: '▲ ',
  ERROR: '✖ ',
};

/**
 * One log line as the original demo printed it: "time | level | source | message", with the
 * time in simulated seconds. The separators are real text, so copying a line gives the demo's.
 */
export const LogRow = memo(function LogRow({ entry, top, slot }: LogRowProps) {
  const serious = entry.level === 'WARNING' || entry.level === 'ERROR';
  return (
    <div
      className={`log-row log-${entry.level.toLowerCase()}`}
      style={{ transform: `translateY(${top}px)` }}
      data-testid="log.row"
    >
      <span className="log-time">{(entry.timeMs / 1000).toFixed(3)}</span>
      <span className="log-sep"> | </span>
      <span className="log-level" style={serious ? { color: WARNING_TEXT_COLOUR } : undefined}>
        {MARKER[entry.level]}
        {entry.level}
      </span>
      <span className="log-sep"> | </span>
      <span
        className="log-source"
        // The server's colour as a mark beside its name: coloured text would be too faint to read.
        style={slot === undefined ? undefined : { borderLeftColor: serverColour(slot) }}
      >
        {entry.source}
      </span>
      <span className="log-sep"> | </span>
      <span className="log-message">{entry.message}</span>
    </div>
  );
});
