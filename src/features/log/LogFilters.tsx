import type { LogLevel } from '../../engine/metrics/eventLog.ts';

/** The least severe level shown. */
export type MinLevel = LogLevel;

const LEVEL_OPTIONS: ReadonlyArray<{ value: MinLevel; label: string }> = [
  { value: 'DEBUG', label: 'All levels' },
  { value: 'INFO', label: 'INFO and above' },
  { value: 'WARNING', label: 'WARNING and above' },
  { value: 'ERROR', label: 'ERROR only' },
];

/** Props of {@link LogFilters}. */
export interface LogFiltersProps {
  readonly minLevel: MinLevel;
  readonly source: string;
  /** Every source seen in the log, sorted. */
  readonly sources: readonly string[];
  readonly onMinLevel: (level: MinLevel) => void;
  readonly onSource: (source: string) => void;
}

/** The level and source filters of the event log. */
export function LogFilters({ minLevel, source, sources, onMinLevel, onSource }: LogFiltersProps) {
  // Keep a chosen source listed even after a new run cleared the entries that named it.
  const options = sources.includes(source) || source === 'all' ? sources : [source, ...sources];
  return (
    <div className="log-filters">
      <label>
        Level{' '}
        <select
          value={minLevel}
          data-testid="log.level"
          onChange={(e) => onMinLevel(e.target.value as MinLevel)}
        >
          {LEVEL_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Source{' '}
        <select value={source} data-testid="log.server" onChange={(e) => onSource(e.target.value)}>
          <option value="all">All sources</option>
          {options.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
