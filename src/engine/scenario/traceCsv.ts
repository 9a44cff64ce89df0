/**
 * A recorded traffic trace from a CSV file: two columns, the time and the rate per second, one
 * point a line (rates are linear between points). The reader is forgiving where a spreadsheet
 * export varies (a header line, commas, semicolons or tabs, Windows line ends, a byte order mark,
 * blank lines and `#` comments) and exact about the rest: every problem names its line, so a bad
 * file is refused with a message the person can act on, never half-imported.
 *
 * Times are in ms unless the header names another unit for the first column, e.g. `time_s`,
 * `seconds`, `minute` or `time (h)`; they must increase strictly from line to line.
 */

export type TracePoint = readonly [timeMs: number, ratePerSec: number];

export interface TraceProblem {
  /** 1-based line number in the file; 0 for a problem with the file as a whole. */
  readonly line: number;
  readonly message: string;
}

export type TraceParseResult =
  | { readonly ok: true; readonly points: TracePoint[]; readonly unit: TimeUnit }
  | { readonly ok: false; readonly problems: TraceProblem[] };

export type TimeUnit = 'ms' | 's' | 'min' | 'h';

const UNIT_MS: Record<TimeUnit, number> = { ms: 1, s: 1000, min: 60_000, h: 3_600_000 };

/** Limits shared with the scenario format's `trace` segment. */
export const TRACE_LIMITS = {
  maxPoints: 100_000,
  maxTimeMs: 1e9,
  maxRatePerSec: 1e7,
} as const;

/** Problems listed at most (the first few say enough to fix a file). */
const MAX_PROBLEMS = 10;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

const UNIT_WORDS: [RegExp, TimeUnit][] = [
  [/^(ms|msec|millis|millisecond|milliseconds)$/, 'ms'],
  [/^(s|sec|secs|second|seconds)$/, 's'],
  [/^(m|min|mins|minute|minutes)$/, 'min'],
  [/^(h|hr|hrs|hour|hours)$/, 'h'],
];

/** The time unit a header's first column names, by its words (`timeSec`, `time_s`, `t (min)`). */
export function headerUnit(column: string): TimeUnit {
  const words = column
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length > 0);
  for (const w of words) for (const [pattern, unit] of UNIT_WORDS) if (pattern.test(w)) return unit;
  return 'ms';
}

function splitColumns(line: string): string[] {
  const separator = line.includes('\t') ? '\t' : line.includes(';') ? ';' : ',';
  return line.split(separator).map((c) =>
    c
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  );
}

const quote = (s: string) => JSON.stringify(s.length > 24 ? `${s.slice(0, 24)}…` : s);

/** Reads a trace CSV. Never throws: bad input gives the problems, each with its line. */
export function parseTraceCsv(text: string): TraceParseResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const problems: TraceProblem[] = [];
  const points: TracePoint[] = [];
  const add = (line: number, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ line, message });
  };
  let unit: TimeUnit = 'ms';
  let seenData = false;
  let previous: { timeMs: number; line: number } | null = null;
  for (let i = 0; i < lines.length && problems.length < MAX_PROBLEMS; i++) {
    const line = i + 1;
    const raw = lines[i]!.trim();
    if (raw === '' || raw.startsWith('#')) continue;
    const cols = splitColumns(raw);
    // Trailing empty columns (a spreadsheet's "a,b,,") are not columns.
    while (cols.length > 2 && cols[cols.length - 1] === '') cols.pop();
    if (!seenData && cols.length >= 1 && !NUMBER.test(cols[0]!) && !NUMBER.test(cols[1] ?? '')) {
      // A header: names, not numbers.
      seenData = true;
      unit = headerUnit(cols[0]!);
      if (cols.length !== 2)
        add(
          line,
          `the header should name two columns (time, rate per second), found ${cols.length}`,
        );
      continue;
    }
    seenData = true;
    if (cols.length !== 2) {
      add(line, `expected two columns (time, rate per second), found ${cols.length}`);
      continue;
    }
    const [timeText, rateText] = cols as [string, string];
    if (!NUMBER.test(timeText)) {
      add(line, `the time ${quote(timeText)} is not a number`);
      continue;
    }
    if (!NUMBER.test(rateText)) {
      add(line, `the rate ${quote(rateText)} is not a number`);
      continue;
    }
    const timeMs = Number(timeText) * UNIT_MS[unit];
    const rate = Number(rateText);
    if (timeMs < 0 || timeMs > TRACE_LIMITS.maxTimeMs) {
      add(
        line,
        `the time ${timeText} must be between 0 and ${TRACE_LIMITS.maxTimeMs / UNIT_MS[unit]} ${unit}`,
      );
      continue;
    }
    if (rate < 0 || rate > TRACE_LIMITS.maxRatePerSec) {
      add(line, `the rate ${rateText} must be between 0 and 10,000,000 per second`);
      continue;
    }
    if (previous !== null && timeMs <= previous.timeMs) {
      add(
        line,
        `the time ${timeText} ${unit} must be later than the previous point's (line ${previous.line})`,
      );
      continue;
    }
    if (points.length >= TRACE_LIMITS.maxPoints) {
      add(line, 'a trace has at most 100,000 points');
      break;
    }
    points.push([timeMs, rate]);
    previous = { timeMs, line };
  }
  if (problems.length === 0) {
    if (points.length < 2)
      add(0, `a trace needs at least two points (time, rate per second); found ${points.length}`);
    else if (points.every((p) => p[1] === 0))
      add(0, 'every rate is 0: the trace would send no requests');
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, points, unit };
}

/** A problem as one line of text: "line 7: the rate "abc" is not a number". */
export function traceProblemText(p: TraceProblem): string {
  return p.line > 0 ? `line ${p.line}: ${p.message}` : p.message;
}
